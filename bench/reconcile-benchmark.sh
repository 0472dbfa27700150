#!/usr/bin/env bash
# Reconciliation benchmark: 1,000-query batches against `mnemo serve` over
# generated library, museum and archive records (names in three scripts).
#
#   bench/reconcile-benchmark.sh [PERSONS]      (default 20000 persons, about 38k person records)
#
# Environment: MNEMO_BIN (default: the release build, built first), MNEMO_BENCH_DIR.
set -euo pipefail
PERSONS="${1:-20000}"
QUADS=0
source "$(dirname "$0")/common.sh"
build_mnemo

prepare_gold "$PERSONS"
STORE="$DIR/reconcile-store.sqlite"
if [ ! -s "$STORE" ]; then
    step "mnemo import -> $STORE"
    "$MNEMO" import --store "sqlite:$STORE" "$DATA"
fi

step "mnemo serve"
PORT=$(( 20000 + RANDOM % 20000 ))
"$MNEMO" serve --store "sqlite:$STORE" --port "$PORT" --quiet > "$DIR/serve.out" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.1
done
# The first search builds the name index: not part of a batch's time.
curl -fs "http://127.0.0.1:$PORT/search?q=a" >/dev/null

step "1,000-query batches, both versions"
"$PYTHON" "$SCRIPT_DIR/reconcile_bench.py" "http://127.0.0.1:$PORT" "$GOLD" "$DATA" --queries 1000 --runs 5
