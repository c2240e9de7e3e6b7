#!/usr/bin/env bash
# Every test Pendulum has: lint gate, Rust tests, UI checks, end-to-end tests of the real app.
# The same command runs locally and in CI (.ci/run calls it). Safe to re-run: set-up is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
source scripts/target-dir.sh

step() { printf '\n==> %s\n' "$*"; }

if [ -f scripts/setup.sh ]; then
  step "set-up (system packages, npm, UI build, tauri-driver)"
  bash scripts/setup.sh
fi

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo doc (broken links and malformed doc comments are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

if [ -f ui/package.json ]; then
  step "UI type check and unit tests"
  (cd ui && npm run --silent check && npx vitest run)
fi

step "Rust tests (every crate but the desktop shell)"
excludes=()
if [ -f src-tauri/Cargo.toml ]; then excludes=(--exclude pendulum-app); fi
cargo nextest run --workspace "${excludes[@]}" --locked --no-fail-fast
cargo test --doc --workspace "${excludes[@]}" --locked

if [ -f src-tauri/Cargo.toml ]; then
  step "desktop app: IPC tests and end-to-end tests under Xvfb"
  cargo test -p pendulum-app --locked --tests   # no doc tests here: the closing line is a real test count

  step "Linux package: a .deb of the tested debug build, checked, installed into a fresh root, launched"
  bash scripts/package.sh --debug
  bash scripts/package-test.sh "$CARGO_TARGET_DIR"/debug/bundle/deb/Pendulum_*_amd64.deb
fi
