#!/usr/bin/env bash
# Builds the UI and runs the desktop app's tests, end-to-end journeys included (tauri-driver +
# WebKitWebDriver on an Xvfb display the test starts itself). Screenshots land in
# $CARGO_TARGET_DIR/tmp/e2e/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/target-dir.sh"
"$root/scripts/setup.sh"
cd "$root"
# Only `cargo test`: a separate `cargo build` would compile the Tauri stack a second time.
cargo test -p pendulum-app "$@"
echo "e2e: screenshots in $CARGO_TARGET_DIR/tmp/e2e/"
