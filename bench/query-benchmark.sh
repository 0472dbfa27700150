#!/usr/bin/env bash
# SPARQL query benchmark: mnemo's SQLite store against pyoxigraph, same data,
# same queries (bench/queries/*.rq), same run.
#
# Usage: bench/query-benchmark.sh [QUADS] [DRIVER-OPTION...]   (QUADS default 1000000)
#
# 1. builds mnemo in release mode,
# 2. generates QUADS synthetic CIDOC-CRM quads with `mnemo generate` into
#    $WORK/data-QUADS.nq, or reuses that file when it exists,
# 3. imports it into a fresh SQLite store, $WORK/query-store.sqlite,
# 4. creates (or reuses) a venv with pyoxigraph in $WORK/venv (a benchmark
#    tool, not a project dependency),
# 5. runs bench/query_bench.py: pyoxigraph loads the same file in memory, both
#    answer every query, results are checked for agreement, and a table of
#    median times, ratios and the targets is printed (see bench/README.md).
# Options after QUADS go to query_bench.py (e.g. --runs 3, --show 10,
# --oxigraph-store DIR, --dump DIR). Exit status: the driver's (0 when every
# query ran on both sides and the results agree).
#
# Environment:
#   MNEMO_BENCH_DIR   work directory (default /tmp/mnemo-bench)
#   MNEMO_BENCH_DATA  use this existing N-Quads file instead of data-QUADS.nq
#   MNEMO_BENCH_RUNS  timed runs per query after one warm-up (default 5)
#   MNEMO_BENCH_SKIP  comma-separated steps to skip: build, import (reuse the
#                     existing query store), mnemo, pyoxigraph
#   PYTHON            interpreter used to create the venv (default python3)
set -euo pipefail

QUADS=1000000
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
    QUADS="$1"
    shift
fi
if ! [[ "$QUADS" =~ ^[0-9]+$ ]] || [ "$QUADS" -le 0 ]; then
    echo "usage: $0 [QUADS] [DRIVER-OPTION...]   (QUADS: a positive integer, default 1000000)" >&2
    exit 2
fi

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RUNS="${MNEMO_BENCH_RUNS:-5}"

# 1. Build.
build_mnemo

# 2. Data.
prepare_data

# 3. mnemo import into a fresh SQLite store.
STORE="$WORK/query-store.sqlite"
if ! skipping mnemo && ! skipping import; then
    step "mnemo import -> $STORE"
    rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$STORE-journal"
    set +e
    "$PYTHON" "$PEAK_RSS" --label "mnemo import" -- "$MNEMO" import --store "sqlite:$STORE" "$DATA"
    status=$?
    set -e
    [ "$status" -eq 0 ] || echo "mnemo import failed with exit status $status; the queries will fail too" >&2
fi

# 4. pyoxigraph venv (shared with bench/import-benchmark.sh).
ensure_venv

# 5. The driver.
DRIVER_ARGS=(--store-mnemo "sqlite:$STORE" --data "$DATA" --queries "$SCRIPT_DIR/queries"
             --runs "$RUNS" --mnemo "$MNEMO" --json "$WORK/query-result.json")
skipping mnemo && DRIVER_ARGS+=(--skip-mnemo)
skipping pyoxigraph && DRIVER_ARGS+=(--skip-oxigraph)
step "query benchmark ($RUNS runs per query after a warm-up)"
exec "$VENV/bin/python" "$SCRIPT_DIR/query_bench.py" "${DRIVER_ARGS[@]}" "$@"
