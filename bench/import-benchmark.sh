#!/usr/bin/env bash
# Import benchmark: mnemo's SQLite store against pyoxigraph's bulk loader.
#
# Usage: bench/import-benchmark.sh [QUADS]        (default 1000000)
#
# 1. builds mnemo in release mode,
# 2. generates QUADS synthetic CIDOC-CRM quads with `mnemo generate` into
#    $WORK/data-QUADS.nq, or reuses that file when it exists,
# 3. times `mnemo import` into a fresh SQLite store, with its peak RSS,
# 4. times pyoxigraph's Store.bulk_load of the same file into a fresh on-disk
#    store (pyoxigraph is installed into a venv in the work directory; it is a
#    benchmark tool, not a project dependency),
# 5. prints a table and the mnemo/pyoxigraph ratios.
#
# Environment:
#   MNEMO_BENCH_DIR   work directory (default /tmp/mnemo-bench)
#   MNEMO_BENCH_DATA  use this existing N-Quads file instead of generating one
#   MNEMO_BENCH_SKIP  comma-separated steps to skip: build, mnemo, pyoxigraph
#   PYTHON            interpreter used to create the venv (default python3)
set -euo pipefail

QUADS="${1:-1000000}"
if ! [[ "$QUADS" =~ ^[0-9]+$ ]] || [ "$QUADS" -le 0 ]; then
    echo "usage: $0 [QUADS]   (QUADS: a positive integer, default 1000000)" >&2
    exit 2
fi

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# 1. Build.
build_mnemo

# 2. Data.
prepare_data

rm -f "$WORK/result-mnemo.json" "$WORK/result-pyoxigraph.json"

# 3. mnemo import into a fresh SQLite store.
MNEMO_STORE="$WORK/store.sqlite"
if ! skipping mnemo; then
    step "mnemo import -> $MNEMO_STORE"
    rm -f "$MNEMO_STORE" "$MNEMO_STORE-wal" "$MNEMO_STORE-shm" "$MNEMO_STORE-journal"
    set +e
    "$PYTHON" "$PEAK_RSS" --label mnemo --json "$WORK/result-mnemo.json" -- \
        "$MNEMO" import --store "sqlite:$MNEMO_STORE" "$DATA"
    status=$?
    set -e
    [ "$status" -eq 0 ] || echo "mnemo import failed with exit status $status" >&2
fi

# 4. pyoxigraph bulk load into a fresh on-disk store, in its own process.
OXI_STORE="$WORK/oxigraph-store"
if ! skipping pyoxigraph; then
    ensure_venv
    OXI_VERSION=$("$VENV/bin/python" -c 'import pyoxigraph; print(pyoxigraph.__version__)')
    step "pyoxigraph $OXI_VERSION bulk_load -> $OXI_STORE"
    rm -rf "$OXI_STORE"
    set +e
    "$PYTHON" "$PEAK_RSS" --label "pyoxigraph $OXI_VERSION" --json "$WORK/result-pyoxigraph.json" -- \
        "$VENV/bin/python" - "$OXI_STORE" "$DATA" <<'PY'
import sys, time
import pyoxigraph
store_path, data = sys.argv[1], sys.argv[2]
store = pyoxigraph.Store(store_path)
start = time.perf_counter()
store.bulk_load(path=data, format=pyoxigraph.RdfFormat.N_QUADS)
store.flush()
loaded = time.perf_counter() - start
print(f"pyoxigraph: bulk_load took {loaded:.2f} s (process total includes interpreter start-up)", file=sys.stderr)
PY
    status=$?
    set -e
    [ "$status" -eq 0 ] || echo "pyoxigraph bulk_load failed with exit status $status" >&2
fi

# 5. Table.
step "results"
"$PYTHON" - "$LINES" "$WORK/result-mnemo.json" "$WORK/result-pyoxigraph.json" "$MNEMO_STORE" "$OXI_STORE" <<'PY'
import json, os, sys
quads = int(sys.argv[1])
paths = sys.argv[2:4]
stores = sys.argv[4:6]

def size_mib(path):
    if not os.path.exists(path):
        return None
    if os.path.isfile(path):
        total = sum(os.path.getsize(p) for p in (path, path + "-wal", path + "-shm") if os.path.exists(p))
    else:
        total = 0
        for root, _, files in os.walk(path):
            total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total / 1048576

rows = []
for path, store in zip(paths, stores):
    if not os.path.exists(path):
        continue
    with open(path, encoding="utf-8") as f:
        r = json.load(f)
    r["store_mib"] = size_mib(store)
    rows.append(r)

header = f"{'tool':<22} {'quads':>11} {'seconds':>9} {'quads/s':>11} {'peak RSS MiB':>13} {'store MiB':>10}  status"
print(header)
print("-" * len(header))
for r in rows:
    ok = r["exit"] == 0
    qps = f"{quads / r['seconds']:,.0f}" if ok and r["seconds"] > 0 else "-"
    store = f"{r['store_mib']:.1f}" if r["store_mib"] is not None else "-"
    status = "ok" if ok else f"FAILED (exit {r['exit']})"
    print(f"{r['label']:<22} {quads:>11,} {r['seconds']:>9.2f} {qps:>11} {r['peak_rss_mib']:>13.1f} {store:>10}  {status}")

if len(rows) == 2 and all(r["exit"] == 0 for r in rows):
    m, o = rows
    print()
    print(f"mnemo/pyoxigraph: time x{m['seconds'] / o['seconds']:.2f}, "
          f"throughput x{o['seconds'] / m['seconds']:.2f}, "
          f"peak RSS x{m['peak_rss_mib'] / o['peak_rss_mib']:.2f}"
          + (f", store size x{m['store_mib'] / o['store_mib']:.2f}" if m["store_mib"] and o["store_mib"] else ""))
PY
