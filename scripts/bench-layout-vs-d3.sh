#!/usr/bin/env bash
# Side-by-side layout benchmark (SPEC §8): Pendulum's layout and d3-hierarchy's tree() on the
# same synthetic orgs, then one table of times and drawing widths. A benchmark, not a test:
# it is not part of scripts/test.sh or CI. See bench/d3/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/target-dir.sh"
sizes=(10000 100000 1000000)
seed=42
runs=11

usage() {
  echo "usage: scripts/bench-layout-vs-d3.sh [--sizes \"10000 100000 1000000\"] [--seed 42] [--runs 11]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) [ $# -ge 2 ] || usage; read -r -a sizes <<<"$2"; shift 2 ;;
    --seed) [ $# -ge 2 ] || usage; seed="$2"; shift 2 ;;
    --runs) [ $# -ge 2 ] || usage; runs="$2"; shift 2 ;;
    *) usage ;;
  esac
done

out="$CARGO_TARGET_DIR/tmp/d3-bench"
mkdir -p "$out"

echo "==> npm ci (bench/d3: d3-hierarchy pinned by package-lock.json)"
(cd "$root/bench/d3" && npm ci --no-audit --no-fund --loglevel=error)

echo "==> cargo build --release -p pendulum-layout --example d3_compare"
(cd "$root" && nice -n 10 cargo build --release --locked -p pendulum-layout --example d3_compare)
example="$CARGO_TARGET_DIR/release/examples/d3_compare"

echo "==> load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
files=()
for people in "${sizes[@]}"; do
  file="$out/org-$people.json"
  rm -f "$file" "$file.d3.json"
  echo
  echo "==> $people people"
  "$example" --people "$people" --seed "$seed" --runs "$runs" --out "$file"
  files+=("$file")
  # d3 may run out of memory on the largest orgs: report it and carry on with the table.
  if ! (cd "$root/bench/d3" && node compare.mjs "$file" --runs "$runs"); then
    echo "d3-hierarchy failed on $people people (exit status above); its row shows 'failed'"
  fi
done
echo
echo "==> load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo
echo "pendulum ms: layout(&Forest), wide teams stacked (the default); (unstacked): stacking off;"
echo "(snapshot): layout_snapshot, stacked. d3 ms: tree() with default separation. Medians of $runs runs."
echo "speed ratio = d3 ms / pendulum ms; width ratio = d3 width / pendulum width (stacked);"
echo "(d3 sep 1): the same against d3 with separation 1, its narrowest drawing with these gaps."
echo
(cd "$root/bench/d3" && node compare.mjs --table "${files[@]}")
