#!/usr/bin/env bash
# HTTP load test of the SPARQL endpoint: `mnemo serve` against Virtuoso 7,
# same data, same requests, same load generator, in one run.
#
# Usage: bench/http-benchmark.sh [QUADS]   (QUADS default 1000000)
#
# 1. installs wrk and Virtuoso 7 (Debian: wrk, virtuoso-opensource) when
#    missing, without letting the package start its own service;
# 2. builds mnemo (release), generates QUADS quads into $WORK/data-QUADS.nq
#    (reused when present), imports them into a fresh sqlite: store and starts
#    `mnemo serve --quiet` on a free loopback port;
# 3. starts a private Virtuoso (its own virtuoso.ini and database in a temp
#    directory, loopback ports chosen free), bulk-loads the same file with
#    ld_dir / rdf_loader_run / checkpoint through isql-vt, and waits for its
#    /sparql endpoint;
# 4. checks that both endpoints give the same answers to the requests in
#    bench/http/*.rq (bench/http/check.py) and stops with MISMATCH if not;
# 5. runs wrk against both for every request and connection count and prints
#    the table (req/s, p50, p99, errors; ratio Mnemo/Virtuoso) and the verdict;
# 6. stops both servers and removes the temp directory on exit.
#
# Environment:
#   MNEMO_BENCH_DIR       work directory (default /tmp/mnemo-bench)
#   MNEMO_BENCH_DATA      an existing N-Quads file instead of data-QUADS.nq
#   MNEMO_BENCH_SKIP      comma-separated: build, import (reuse the store)
#   HTTP_BENCH_DURATION   seconds per wrk run (default 10)
#   HTTP_BENCH_CONNS      connection counts (default "1 4 16")
#   HTTP_BENCH_QUERIES    request files (default bench/http/*.rq)
#   HTTP_BENCH_MAX_CONCURRENT  mnemo serve --max-concurrent (default 32: at
#                         least the largest connection count, so no 503)
#   HTTP_BENCH_GATE_CHECK 1 (default): also run 16 connections against
#                         mnemo's default --max-concurrent 8 and report 503s
#   HTTP_BENCH_GATE_QUERY the request for that check (default h3, a slow one,
#                         so that evaluations overlap)
#   VIRTUOSO_BUFFERS      NumberOfBuffers (default 250000, about 2 GiB)
# Exit status: 0 when the answers agree and every run completed; the
# throughput target does not change it (it is printed).
set -euo pipefail

QUADS="${1:-1000000}"
if ! [[ "$QUADS" =~ ^[0-9]+$ ]] || [ "$QUADS" -le 0 ]; then
    echo "usage: $0 [QUADS]   (a positive integer, default 1000000)" >&2
    exit 2
fi

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
HTTP_DIR="$SCRIPT_DIR/http"
DURATION="${HTTP_BENCH_DURATION:-10}"
CONNS="${HTTP_BENCH_CONNS:-1 4 16}"
MAX_CONCURRENT="${HTTP_BENCH_MAX_CONCURRENT:-32}"
GATE_CHECK="${HTTP_BENCH_GATE_CHECK:-1}"
BUFFERS="${VIRTUOSO_BUFFERS:-250000}"
if [ -n "${HTTP_BENCH_QUERIES:-}" ]; then
    read -r -a QUERIES <<< "$HTTP_BENCH_QUERIES"
else
    QUERIES=("$HTTP_DIR"/*.rq)
fi

ACCEPT_SELECT="application/sparql-results+json"
ACCEPT_GRAPH="application/n-triples"

TMP="$(mktemp -d "$WORK/http-bench.XXXXXX")"
MNEMO_PID=""
VIRT_PID=""
cleanup() {
    local status=$?
    if [ -n "$MNEMO_PID" ] && kill -0 "$MNEMO_PID" 2>/dev/null; then
        kill -TERM "$MNEMO_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$MNEMO_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$MNEMO_PID" 2>/dev/null || true
    fi
    if [ -n "$VIRT_PID" ] && kill -0 "$VIRT_PID" 2>/dev/null; then
        kill -TERM "$VIRT_PID" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$VIRT_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$VIRT_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until URL answers 200 (at most $2 seconds); fails otherwise.
wait_http() {
    local url="$1" limit="$2" i
    for i in $(seq $((limit * 5))); do
        if curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    echo "no answer from $url after ${limit}s" >&2
    return 1
}

# 1. Tools.
install_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    { command -v virtuoso-t >/dev/null && { command -v isql-vt >/dev/null || command -v isql >/dev/null; }; } \
        || missing+=(virtuoso-opensource)
    [ ${#missing[@]} -eq 0 ] && return 0
    step "installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    # Keep the package from starting its own Virtuoso (ports 1111/8890): a
    # policy-rc.d that refuses every service start, only for this install.
    local policy=/usr/sbin/policy-rc.d own_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
        "${sudo[@]}" chmod +x "$policy"; own_policy=1
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2 \
        || { "${sudo[@]}" apt-get update -q >&2 && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2; }
    [ "$own_policy" -eq 0 ] || "${sudo[@]}" rm -f "$policy"
    # Should a service have started anyway, stop and disable it.
    if command -v systemctl >/dev/null && systemctl is-active --quiet virtuoso-opensource-7 2>/dev/null; then
        "${sudo[@]}" systemctl stop virtuoso-opensource-7 || true
        "${sudo[@]}" systemctl disable virtuoso-opensource-7 || true
    elif [ -x /etc/init.d/virtuoso-opensource-7 ]; then
        "${sudo[@]}" /etc/init.d/virtuoso-opensource-7 stop >/dev/null 2>&1 || true
    fi
}
install_tools
ISQL="$(command -v isql-vt || command -v isql)"
VIRTUOSO_T="$(command -v virtuoso-t)"

# 2. Mnemo: build, data, store, server.
build_mnemo
prepare_data
STORE="$WORK/http-store.sqlite"
if ! skipping import; then
    step "mnemo import -> $STORE"
    rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$STORE-journal"
    "$PYTHON" "$PEAK_RSS" --label "mnemo import" -- "$MNEMO" import --store "sqlite:$STORE" "$DATA"
fi

start_mnemo() {  # start_mnemo MAX_CONCURRENT: sets MNEMO_PID, MNEMO_URL
    local out="$TMP/mnemo-serve.out"
    : > "$out"
    "$MNEMO" serve --store "sqlite:$STORE" --host 127.0.0.1 --port 0 --quiet \
        --max-concurrent "$1" > "$out" 2> "$TMP/mnemo-serve.err" &
    MNEMO_PID=$!
    local i
    for i in $(seq 600); do
        if grep -q 'Mnemo is serving' "$out"; then break; fi
        kill -0 "$MNEMO_PID" 2>/dev/null || { cat "$TMP/mnemo-serve.err" >&2; echo "mnemo serve exited" >&2; exit 1; }
        sleep 0.1
    done
    MNEMO_URL="$(sed -n 's/.* at \(http:[^ ]*\) .*/\1/p' "$out" | head -1)sparql"
    [ "$MNEMO_URL" != "sparql" ] || { echo "mnemo serve did not print its URL" >&2; exit 1; }
    wait_http "$MNEMO_URL?query=ASK%7B%7D" 60
}
stop_mnemo() {
    kill -TERM "$MNEMO_PID" 2>/dev/null || true
    wait "$MNEMO_PID" 2>/dev/null || true
    MNEMO_PID=""
}
step "starting mnemo serve (--max-concurrent $MAX_CONCURRENT)"
start_mnemo "$MAX_CONCURRENT"
echo "mnemo: $MNEMO_URL (pid $MNEMO_PID)" >&2

# 3. Virtuoso: private instance, bulk load.
VDIR="$TMP/virtuoso"
mkdir -p "$VDIR"
DATA_ABS="$(cd "$(dirname "$DATA")" && pwd)/$(basename "$DATA")"
DATA_DIR="$(dirname "$DATA_ABS")"
VSQL_PORT="$(free_port)"
VHTTP_PORT="$(free_port)"
while [ "$VHTTP_PORT" = "$VSQL_PORT" ]; do VHTTP_PORT="$(free_port)"; done
cat > "$VDIR/virtuoso.ini" <<EOF
; Written by bench/http-benchmark.sh: a private, loopback-only Virtuoso.
[Database]
DatabaseFile       = $VDIR/virtuoso.db
ErrorLogFile       = $VDIR/virtuoso.log
LockFile           = $VDIR/virtuoso.lck
TransactionFile    = $VDIR/virtuoso.trx
xa_persistent_file = $VDIR/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $VDIR/virtuoso-temp.db
TransactionFile    = $VDIR/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:$VSQL_PORT
LiteMode                 = 0
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 60
O_DIRECT                 = 0
CaseMode                 = 2
MaxStaticCursorRows      = 5000
CheckpointAuditTrail     = 0
AllowOSCalls             = 0
SchedulerInterval        = 10
DirsAllowed              = ., $VDIR, $DATA_DIR
ThreadCleanupInterval    = 0
ThreadThreshold          = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize        = 100000
SingleCPU                = 0
PrefixResultNames        = 0
RdfFreeTextRulesSize     = 100
IndexTreeMaps            = 64
MaxMemPoolSize           = 200000000
MaxQueryMem              = 2G
VectorSize               = 1000
MaxVectorSize            = 1000000
AdjustVectorSize         = 0
ThreadsPerQuery          = 4
AsyncQueueMaxThreads     = 10
NumberOfBuffers          = $BUFFERS
MaxDirtyBuffers          = $((BUFFERS * 3 / 4))

[HTTPServer]
ServerPort                  = 127.0.0.1:$VHTTP_PORT
ServerRoot                  = $VDIR
MaxClientConnections        = 32
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
TempASPXDir                 = 0
ServerThreads               = 32
MaxKeepAlives               = 32
KeepAliveTimeout            = 10
HTTPThreadSize              = 280000
HttpPrintWarningsInOutput   = 0
Charset                     = UTF-8
EnabledGzipContent          = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
DeferInferenceRulesInit    = 0
EOF

isql() { "$ISQL" "127.0.0.1:$VSQL_PORT" dba dba "$@"; }

step "starting Virtuoso (SQL 127.0.0.1:$VSQL_PORT, HTTP 127.0.0.1:$VHTTP_PORT, $VDIR)"
(cd "$VDIR" && exec "$VIRTUOSO_T" +foreground +configfile "$VDIR/virtuoso.ini") > "$VDIR/stdout.log" 2>&1 &
VIRT_PID=$!
for i in $(seq 300); do
    if isql exec="select 1;" >/dev/null 2>&1; then break; fi
    kill -0 "$VIRT_PID" 2>/dev/null || { tail -20 "$VDIR/virtuoso.log" "$VDIR/stdout.log" >&2; echo "virtuoso-t exited" >&2; exit 1; }
    [ "$i" -lt 300 ] || { echo "Virtuoso did not accept SQL connections in 60 s" >&2; exit 1; }
    sleep 0.2
done

step "Virtuoso bulk load of $DATA_ABS"
LOAD_START=$(date +%s.%N)
isql exec="ld_dir('$DATA_DIR', '$(basename "$DATA_ABS")', 'urn:mnemo-bench:default'); rdf_loader_run(); checkpoint;" > "$VDIR/load.log" 2>&1 \
    || { cat "$VDIR/load.log" >&2; echo "Virtuoso bulk load failed" >&2; exit 1; }
LOAD_END=$(date +%s.%N)
# Files not loaded (ll_state 2 is done) or loaded with an error.
BAD_FILES="$(isql exec="select count(*) from DB.DBA.load_list where ll_state <> 2 or ll_error is not null;" 2>&1 \
    | grep -E '^[[:space:]]*[0-9]+[[:space:]]*$' | head -1 | tr -d '[:space:]')"
if [ "$BAD_FILES" != "0" ]; then
    isql exec="select ll_file, ll_state, ll_error from DB.DBA.load_list;" >&2 || true
    echo "Virtuoso bulk load did not complete (files not loaded: ${BAD_FILES:-?})" >&2
    exit 1
fi
awk -v s="$LOAD_START" -v e="$LOAD_END" 'BEGIN { printf "virtuoso load: %.1f s\n", e - s }' >&2
VIRT_URL="http://127.0.0.1:$VHTTP_PORT/sparql"
wait_http "$VIRT_URL?query=ASK%7B%7D" 120
echo "virtuoso: $VIRT_URL (pid $VIRT_PID)" >&2

# Quad counts on both sides (Virtuoso: the graphs of the data only, without its system graphs).
count_query='SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://data.mnemo.example/")) }'
count_of() {
    curl -fsS -G --max-time 300 -H "Accept: $ACCEPT_SELECT" --data-urlencode "query=$count_query" "$1" \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["results"]["bindings"][0]["n"]["value"])'
}
MNEMO_COUNT="$(count_of "$MNEMO_URL")"
VIRT_COUNT="$(count_of "$VIRT_URL")"
echo "quads in the data graphs: mnemo $MNEMO_COUNT, virtuoso $VIRT_COUNT" >&2
if [ "$MNEMO_COUNT" != "$VIRT_COUNT" ]; then
    echo "MISMATCH: the stores hold different numbers of quads" >&2
    exit 1
fi

# 4. Same answers?
step "checking that both endpoints agree"
"$PYTHON" "$HTTP_DIR/check.py" --mnemo "$MNEMO_URL" --virtuoso "$VIRT_URL" "${QUERIES[@]}" \
    || { echo "MISMATCH: the endpoints disagree (see above); no load test" >&2; exit 1; }

# 5. Load.
accept_of() {
    if grep -qiE '^[^#]*\b(CONSTRUCT|DESCRIBE)\b' "$1"; then echo "$ACCEPT_GRAPH"; else echo "$ACCEPT_SELECT"; fi
}
url_of() {  # url_of ENDPOINT FILE
    python3 -c 'import sys, urllib.parse; print(sys.argv[1] + "?" + urllib.parse.urlencode({"query": open(sys.argv[2], encoding="utf-8").read()}))' "$1" "$2"
}
run_wrk() {  # run_wrk ENDPOINT FILE CONNECTIONS -> "req/s p50 p99 non2xx sockerr"
    local threads=$(( $3 < 2 ? 1 : 2 ))
    local out
    out="$(wrk -t "$threads" -c "$3" -d "${DURATION}s" --timeout 30s -s "$HTTP_DIR/report.lua" \
        -H "Accept: $(accept_of "$2")" "$(url_of "$1" "$2")")"
    awk '/^WRK /{ printf "%s %s %s %d %d\n", $4, $5, $6, $7, $8+$9+$10+$11 }' <<< "$out"
}

RESULTS="$TMP/results.txt"
: > "$RESULTS"
step "load: ${DURATION}s per run, connections: $CONNS"
for q in "${QUERIES[@]}"; do
    name="$(basename "$q" .rq)"
    for c in $CONNS; do
        m="$(run_wrk "$MNEMO_URL" "$q" "$c")"
        v="$(run_wrk "$VIRT_URL" "$q" "$c")"
        echo "$name $c $m $v" >> "$RESULTS"
        echo "  $name c=$c: mnemo [$m] virtuoso [$v]" >&2
    done
done

GATE_LINE=""
if [ "$GATE_CHECK" = "1" ]; then
    step "mnemo with the default --max-concurrent 8 at 16 connections"
    stop_mnemo
    start_mnemo 8
    q="${HTTP_BENCH_GATE_QUERY:-$HTTP_DIR/h3-born-1850s-with-place.rq}"
    g="$(run_wrk "$MNEMO_URL" "$q" 16)"
    GATE_LINE="$(basename "$q" .rq), 16 connections, --max-concurrent 8: $(awk '{ printf "%s req/s, %d non-2xx, %d socket errors", $1, $4, $5 }' <<< "$g")"
fi

# The table.
echo
echo "HTTP load test, $LINES quads, wrk ${DURATION}s per cell, mnemo --max-concurrent $MAX_CONCURRENT"
echo "(latencies in ms; errors = non-2xx responses + socket errors; ratio = mnemo req/s / virtuoso req/s)"
echo
awk '
BEGIN {
    printf "| request | conns | mnemo req/s | p50 | p99 | err | virtuoso req/s | p50 | p99 | err | ratio | target |\n"
    printf "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
    met = 0; cells = 0
}
{
    ratio = ($8 > 0) ? $3 / $8 : 0
    merr = $6 + $7; verr = $11 + $12
    ok = (ratio >= 1 && merr == 0) ? "met" : "MISSED"
    cells++; if (ok == "met") met++
    printf "| %s | %d | %.0f | %.2f | %.2f | %d | %.0f | %.2f | %.2f | %d | %.2f | %s |\n", $1, $2, $3, $4, $5, merr, $8, $9, $10, verr, ratio, ok
}
END { printf "\ntarget (mnemo req/s >= virtuoso req/s, zero mnemo errors): met in %d of %d cells\n", met, cells }
' "$RESULTS"
[ -z "$GATE_LINE" ] || echo "503 check: $GATE_LINE"
