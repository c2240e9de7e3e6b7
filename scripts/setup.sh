#!/usr/bin/env bash
# Installs what building and testing the desktop app needs on Debian 12, then builds the UI.
# `--app`: only what building the app needs (scripts/run-app.sh, scripts/package.sh), not the
# test tools. Idempotent: each step checks first and does nothing when its work is already done.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tests=true
case "${1:-}" in
  --app) tests=false ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--app]" >&2; exit 2 ;;
esac

# System libraries for Tauri (WebKitGTK 4.1), and a CJK font so names in Chinese draw.
packages=(
  libwebkit2gtk-4.1-dev build-essential libssl-dev libayatana-appindicator3-dev librsvg2-dev
  libxdo-dev pkg-config fonts-dejavu-core fonts-wqy-microhei
)
# The headless test tools: Xvfb, WebKitWebDriver, imagemagick for screenshots, poppler for PDF
# checks, a D-Bus session bus for the single-instance test, and what the package test runs
# (dpkg-deb is always there; desktop-file-validate, xdg-mime with its shared-mime-info lookup,
# xwininfo to wait for the window, rpm to read the .rpm).
if $tests; then
  packages+=(
    xvfb xauth webkit2gtk-driver poppler-utils imagemagick dbus-daemon desktop-file-utils
    xdg-utils libfile-mimeinfo-perl shared-mime-info x11-utils rpm
  )
fi
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: Node.js 20.19+ and npm are needed for the UI (Vite 7)" >&2
  exit 1
fi

# The WebDriver bridge for the end-to-end tests; major version 2 (crates.io's newest is a 3.0 alpha).
if $tests && ! command -v tauri-driver >/dev/null; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi

# npm ci when node_modules is missing or older than the lockfile.
cd "$root/ui"
stamp=node_modules/.package-lock.json
if [[ ! -f $stamp || package-lock.json -nt $stamp || package.json -nt $stamp ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi

# The app embeds ui/dist at compile time, so it must exist before cargo builds src-tauri.
echo "setup: building the UI"
npm run build --silent
