#!/usr/bin/env bash
# Builds Pendulum's Linux packages, a .deb and an .rpm, offline: the release app and the
# `pendulum` CLI in one package, with the icon set, the desktop entry (files open with it) and
# the .pendulum MIME type. Tauri's bundler makes both without downloading anything (AppImage
# would download its tools, so it is not made).
#
#   scripts/package.sh           release build, then .deb and .rpm
#   scripts/package.sh --debug   .deb of the debug binaries the tests built (scripts/test.sh:
#                                cargo nextest, then cargo test -p pendulum-app), without
#                                building anything: quick, for scripts/package-test.sh in CI
#
# Prints the packages' paths and sizes and the binaries' sizes. Installs what it needs (system
# packages, npm packages, the Tauri CLI) when missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/target-dir.sh"
profile=release
for arg in "$@"; do
  case "$arg" in
    --debug) profile=debug ;;
    *) echo "usage: scripts/package.sh [--debug]" >&2; exit 2 ;;
  esac
done

"$root/scripts/setup.sh" --app >&2

# The Tauri CLI, pinned: its bundler is what makes the packages. crates.io's newest is a 3.0
# alpha, so the version is exact; installed outside the build cache, which it would not reuse.
tauri_cli=2.12.4
if [[ "$(cargo tauri --version 2>/dev/null)" != "tauri-cli $tauri_cli" ]]; then
  echo "package: installing tauri-cli $tauri_cli (a few minutes, once)" >&2
  env -u CARGO_TARGET_DIR cargo install tauri-cli --version "=$tauri_cli" --locked
fi

cd "$root"
config="$(mktemp --suffix=.json)"
trap 'rm -f "$config"' EXIT
bin="$CARGO_TARGET_DIR/$profile"
# The CLI goes into the same package, beside the app; its path depends on the build cache,
# so it is given here rather than in tauri.conf.json.
cat >"$config" <<EOF
{"bundle": {"linux": {
  "deb": {"files": {"/usr/bin/pendulum": "$bin/pendulum"}},
  "rpm": {"files": {"/usr/bin/pendulum": "$bin/pendulum"}}
}}}
EOF

if [[ $profile == release ]]; then
  cargo build --release --locked -p pendulum-cli
  # `tauri build` builds the app in release mode (as a production build: Tauri's
  # custom-protocol feature) and then bundles it.
  cargo tauri build --ci --bundles deb,rpm --config "$config"
  bundles=(deb rpm)
else
  # A `cargo build` here would compile much again: the tests' builds unify other features.
  for b in pendulum-app pendulum; do
    if [[ ! -x $bin/$b ]]; then
      echo "package: $bin/$b is missing: run the tests first (scripts/test.sh)" >&2
      exit 1
    fi
  done
  cargo tauri bundle --ci --debug --bundles deb --config "$config"
  bundles=(deb)
fi

echo
for kind in "${bundles[@]}"; do
  for f in "$bin/bundle/$kind"/*."$kind"; do
    printf 'package: %s (%s)\n' "$f" "$(du -h "$f" | cut -f1)"
  done
done
for b in pendulum-app pendulum; do
  printf 'package: binary %s: %s bytes\n' "$bin/$b" "$(stat -c %s "$bin/$b")"
done
