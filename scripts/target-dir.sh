# Sourced by every script that builds: one build cache for all of them (a newcomer who runs
# scripts/run-app.sh and then scripts/test.sh waits for one cold build, not two), outside the
# clone so a fresh clone, as in CI, reuses what an earlier run compiled. Set CARGO_TARGET_DIR
# to build somewhere else.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pendulum/target}"
