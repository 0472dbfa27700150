#!/usr/bin/env bash
# Differential random-query benchmark: COUNT queries generated from the data
# (bench/random_queries.py) answered by mnemo and by pyoxigraph, same data,
# same run; every answer compared, the distribution of time ratios reported.
#
# Usage: bench/differential-benchmark.sh [QUADS] [COUNT] [DRIVER-OPTION...]
#        (QUADS default 1000000, COUNT default 500)
#
# 1. builds mnemo in release mode (not when MNEMO_BIN is set),
# 2. generates QUADS quads into $WORK/data-QUADS.nq, or reuses that file,
# 3. uses the SQLite store $WORK/query-store.sqlite (the one
#    bench/query-benchmark.sh imports), importing the data only when the store
#    does not exist; a store whose quad count differs from the file's is
#    reported (delete it to re-import),
# 4. creates (or reuses) the pyoxigraph venv,
# 5. writes COUNT random queries into $WORK/random-queries (the generator's
#    seed is in random_queries.py; MNEMO_BENCH_SEED overrides it),
# 6. runs bench/query_bench.py on them (its table and details go to
#    $WORK/random-report.txt, its measurements to $WORK/random-result.json),
# 7. prints the ratio distribution, the worst five queries, the disagreements
#    and failures, and the targets; copies the failing queries into
#    $WORK/random-failures/.
# Options after COUNT go to query_bench.py. Exit status: 0 when every query was
# answered on both sides and the answers agree (the targets are reported, not
# enforced), 1 otherwise.
#
# Environment:
#   MNEMO_BIN            mnemo binary to test (default: the repository's release build)
#   MNEMO_BENCH_DIR      work directory (default /tmp/mnemo-bench)
#   MNEMO_BENCH_DATA     use this existing N-Quads file instead of data-QUADS.nq
#   MNEMO_BENCH_STORE    the mnemo store file (default $WORK/query-store.sqlite)
#   MNEMO_BENCH_RUNS     timed runs per query after one warm-up (default 3)
#   MNEMO_BENCH_TIMEOUT  seconds a mnemo query may run before it is stopped and
#                        counted as failed (default 30)
#   MNEMO_BENCH_SEED     generator seed (default: SEED in random_queries.py)
#   MNEMO_BENCH_SKIP     comma-separated steps to skip: build, generate (reuse
#                        $WORK/random-queries)
#   PYTHON               interpreter used to create the venv (default python3)
set -euo pipefail

QUADS=1000000
COUNT=500
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then QUADS="$1"; shift; fi
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then COUNT="$1"; shift; fi
for n in "$QUADS" "$COUNT"; do
    if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -le 0 ]; then
        echo "usage: $0 [QUADS] [COUNT] [DRIVER-OPTION...]   (positive integers)" >&2
        exit 2
    fi
done

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RUNS="${MNEMO_BENCH_RUNS:-3}"
TIMEOUT="${MNEMO_BENCH_TIMEOUT:-30}"
STORE="${MNEMO_BENCH_STORE:-$WORK/query-store.sqlite}"
QUERIES="$WORK/random-queries"
RESULT="$WORK/random-result.json"
REPORT="$WORK/random-report.txt"

# 1-2. Build and data.
build_mnemo
prepare_data

# 3. The store: imported once, then reused.
if [ ! -s "$STORE" ]; then
    step "mnemo import -> $STORE"
    "$PYTHON" "$PEAK_RSS" --label "mnemo import" -- "$MNEMO" import --store "sqlite:$STORE" "$DATA"
else
    step "reusing $STORE"
    stored=$("$MNEMO" stats --store "sqlite:$STORE" | sed -n 's/.*: \([0-9]*\) quads.*/\1/p' | head -1)
    [ "$stored" = "$LINES" ] || echo "warning: $STORE holds ${stored:-?} quads, $DATA has $LINES lines;" \
        "delete the store to re-import" >&2
fi

# 4. Venv.
ensure_venv

# 5. Queries.
if ! skipping generate; then
    step "generating $COUNT random queries into $QUERIES"
    rm -rf "$QUERIES"
    "$VENV/bin/python" "$SCRIPT_DIR/random_queries.py" generate --data "$DATA" --out "$QUERIES" \
        --count "$COUNT" ${MNEMO_BENCH_SEED:+--seed "$MNEMO_BENCH_SEED"}
fi

# 6. Both engines on every query.
step "query_bench.py on $QUERIES ($RUNS runs per query after a warm-up; table in $REPORT)"
rm -f "$RESULT"
set +e
"$VENV/bin/python" "$SCRIPT_DIR/query_bench.py" --store-mnemo "sqlite:$STORE" --data "$DATA" \
    --queries "$QUERIES" --runs "$RUNS" --mnemo "$MNEMO" --mnemo-timeout "$TIMEOUT" \
    --timeout "$((TIMEOUT + 120))" --json "$RESULT" "$@" > "$REPORT"
status=$?
set -e
if [ ! -s "$RESULT" ]; then
    echo "query_bench.py failed (exit status $status) before writing $RESULT" >&2
    exit 1
fi
grep -E '^(SPARQL query benchmark|mnemo:|mnemo store open|total)' "$REPORT" || true

# 7. The distribution and the failures.
exec "$VENV/bin/python" "$SCRIPT_DIR/random_queries.py" report --json "$RESULT" --queries "$QUERIES" \
    --failures "$WORK/random-failures"
