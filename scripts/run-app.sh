#!/usr/bin/env bash
# Runs the desktop app (debug by default, --release for an optimised build). On first launch
# it opens the demo org.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile=()
for arg in "$@"; do
  case "$arg" in
    --release) profile=(--release) ;;
    *) echo "usage: scripts/run-app.sh [--release]" >&2; exit 2 ;;
  esac
done

source "$root/scripts/target-dir.sh"
"$root/scripts/setup.sh" --app
cd "$root"
exec cargo run -p pendulum-app "${profile[@]}"
