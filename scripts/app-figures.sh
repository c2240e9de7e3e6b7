#!/usr/bin/env bash
# The desktop app's figures: time from launch to the first painted chart for the demo and for
# a 10k org, frame times while panning the 10k org, and the time from a drop (or an Undo click)
# to the frame that shows it at 10k people; first paint and pan frame times of one department
# of an HR export at 5k and 50k people, and the time Fit takes to paint them whole. Runs the end-to-end journeys that measure them
# (tauri-driver + WebKitWebDriver on Xvfb, as scripts/e2e.sh) and prints only their `figure:`
# lines on stdout (setup and build output go to stderr).
#
#   scripts/app-figures.sh             the debug build the tests use
#   scripts/app-figures.sh --release   the release build as the packages ship it (cargo build
#                                      --release with Tauri's custom-protocol feature, as `tauri
#                                      build` in scripts/package.sh), driven by the same journeys
#                                      through PENDULUM_E2E_APP
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/target-dir.sh"
release=false
for arg in "$@"; do
  case "$arg" in
    --release) release=true ;;
    *) echo "usage: scripts/app-figures.sh [--release]" >&2; exit 2 ;;
  esac
done
"$root/scripts/setup.sh" >&2
cd "$root"
if $release; then
  cargo build --release --locked -p pendulum-app --features tauri/custom-protocol >&2
  export PENDULUM_E2E_APP="$CARGO_TARGET_DIR/release/pendulum-app"
  echo "app-figures: measuring $PENDULUM_E2E_APP" >&2
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! cargo test -p pendulum-app --test e2e -- --nocapture \
    demo_chart_opens_and_search_jumps_to_a_person \
    ten_thousand_people_pan_with_only_visible_cards_in_the_dom \
    an_edit_at_ten_thousand_people_is_one_round_trip \
    person_department_export_opens_searches_and_pans >"$log" 2>&1; then
  cat "$log" >&2
  echo "app-figures: the journeys failed (log above)" >&2
  exit 1
fi
grep '^figure:' "$log"
