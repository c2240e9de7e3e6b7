#!/usr/bin/env bash
# The desktop app's figures (issue #6): time from launch to the first painted chart for the
# demo and for a 10k org, and frame times while panning the 10k org. Runs the two end-to-end
# journeys that measure them (tauri-driver + WebKitWebDriver on Xvfb, as scripts/e2e.sh) and
# prints only their `figure:` lines on stdout (setup and build output go to stderr).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" >&2
cd "$root"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! cargo test -p pendulum-app --test e2e -- --nocapture \
    demo_chart_opens_and_search_jumps_to_a_person \
    ten_thousand_people_pan_with_only_visible_cards_in_the_dom >"$log" 2>&1; then
  cat "$log" >&2
  echo "app-figures: the journeys failed (log above)" >&2
  exit 1
fi
grep '^figure:' "$log"
