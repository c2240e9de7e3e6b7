#!/usr/bin/env bash
# Runs the libFuzzer targets in fuzz/ for a fixed number of executions each and prints one
# figure line per target (RELIABILITY C1 and H2; docs/reliability.md records them):
#
#   bash scripts/fuzz.sh                     # import 10,000,000 runs, document 1,000,000 runs
#   bash scripts/fuzz.sh import 100000       # one target, a quick run
#   FUZZ_SECONDS=1800 bash scripts/fuzz.sh   # each target for at most 30 minutes
#
# The targets are built as cargo-fuzz builds them (SanitizerCoverage, debug assertions and
# overflow checks on, libFuzzer linked in) with plain cargo on the stable toolchain; no
# address sanitizer, so no nightly is needed. A crasher is saved in fuzz/artifacts/<target>/
# and the run fails: minimise it, then commit it as a regression test (README in fuzz/).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

target_dir="${CARGO_TARGET_DIR:-$HOME/.cache/pendulum/fuzz-target}"
export CARGO_TARGET_DIR="$target_dir"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"

if (($# > 0)); then
  targets=("$1")
  only_runs="${2:-100000}"
else
  targets=(import document)
  only_runs=""
fi
runs() {
  if [[ -n "$only_runs" ]]; then echo "$only_runs"
  elif [[ "$1" == import ]]; then echo 10000000
  else echo 1000000
  fi
}

# An explicit --target keeps RUSTFLAGS off build scripts and proc macros, as cargo-fuzz does.
host="$(rustc -vV | sed -n 's/^host: //p')"
cargo build --release --locked --bins --target "$host"
bin_dir="$target_dir/$host/release"

# Seeds: the CSV fixtures for import; small documents (below) for document.
mkdir -p corpus/import corpus/document artifacts/import artifacts/document
cp ../tests/fixtures/csv/*.csv corpus/import/ 2>/dev/null || true
cp ../assets/demo/people.csv corpus/import/demo-people.csv
if [[ -z "$(ls -A corpus/document)" ]]; then
  # Small valid documents: the migrations run in order (as Pendulum creates a file), a few
  # people, a scenario and edits; 512-byte pages keep them small for the mutator.
  python3 - <<'PY'
import glob, json, sqlite3
for name, people, edits in [("three", 3, 0), ("twelve", 12, 5), ("forty", 40, 70)]:
    db = sqlite3.connect(f"corpus/document/{name}.pendulum")
    db.execute("PRAGMA page_size = 512")
    for sql in sorted(glob.glob("../crates/store/migrations/*.sql")):
        db.executescript(open(sql).read())
    version = len(glob.glob("../crates/store/migrations/*.sql"))
    db.execute("PRAGMA application_id = 1347306572")
    db.execute(f"PRAGMA user_version = {version}")
    for i in range(people):
        manager = None if i == 0 else f"p{(i - 1) // 3}"
        db.execute("INSERT INTO person (position, id, name, title, manager_id, status, fte, assistant) "
                   "VALUES (?, ?, ?, '', ?, 'active', 1.0, 0)", (i, f"p{i}", f"Person {i}", manager))
    db.execute("INSERT INTO rule_setting (name, value) VALUES ('manager_max_span', 7)")
    if edits:
        db.execute("INSERT INTO scenario (id, name, parent) VALUES (2, 'plan', 1)")
    for k in range(edits):
        body = {"op": "update-person", "id": f"p{k % people}", "change": {"field": "title", "value": f"T{k}"}}
        db.execute("INSERT INTO edit (scenario, body, effective) VALUES (?, ?, ?)",
                   (1 + k % 2, json.dumps(body), "2026-05-01" if k % 3 == 0 else None))
    db.commit()
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
PY
fi

status=0
for t in "${targets[@]}"; do
  n="$(runs "$t")"
  extra=()
  if [[ "$t" == import ]]; then extra=(-dict=import.dict -max_len=8192); fi
  if [[ "$t" == document ]]; then extra=(-max_len=65536); fi
  if [[ -n "${FUZZ_SECONDS:-}" ]]; then extra+=(-max_total_time="$FUZZ_SECONDS"); fi
  log="$(mktemp)"
  started=$(date +%s)
  if "$bin_dir/$t" "corpus/$t" -runs="$n" -timeout=10 -rss_limit_mb=512 \
    -artifact_prefix="artifacts/$t/" -print_final_stats=1 "${extra[@]}" >"$log" 2>&1; then
    outcome="0 crashers"
  else
    outcome="FAILED (see artifacts/$t/)"
    status=1
  fi
  took=$(($(date +%s) - started))
  done_runs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")"
  peak="$(grep -oE 'stat::peak_rss_mb: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")"
  echo "fuzz $t: $done_runs executions in ${took} s, peak RSS ${peak} MB, $outcome"
  if ((status != 0)); then tail -40 "$log"; fi
  rm -f "$log"
done
exit "$status"
