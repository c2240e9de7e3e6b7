#!/usr/bin/env bash
# SPEC §8's comparison: Pendulum's PDF report against Graphviz `dot -Tpdf` on the same
# realistic synthetic orgs (1k and 10k people), with the ratio of the two times.
# Usage: scripts/bench-graphviz.sh [PEOPLE...]   (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/target-dir.sh
command -v dot >/dev/null || { echo "Graphviz 'dot' is not installed (apt-get install graphviz)" >&2; exit 1; }
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
cargo build -q --release -p pendulum-export --example graphviz
bin="$CARGO_TARGET_DIR/release/examples/graphviz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '%-8s %14s %14s %8s %s\n' people pendulum_ms dot_ms ratio pages
for n in "${sizes[@]}"; do
    ours=$("$bin" "$n" "$work/org.dot" "$work/pendulum.pdf" | sed -n 's/^pendulum_ms=//p')
    start=$(date +%s.%N)
    dot -Tpdf "$work/org.dot" -o "$work/dot.pdf"
    end=$(date +%s.%N)
    theirs=$(echo "($end - $start) * 1000" | bc -l)
    pages=$(pdfinfo "$work/pendulum.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    printf '%-8s %14.1f %14.1f %7.1fx %s\n' "$n" "$ours" "$theirs" "$(echo "$theirs / $ours" | bc -l)" "${pages:-?}"
done
