#!/usr/bin/env bash
# MARCXML crosswalk benchmark: records/s and peak memory of `mnemo ingest`
# on generated files of N records (default 100,000), beside pymarc (PyPI)
# streaming the same file as a reference for the cost of reading MARCXML
# in a mainstream library.
#
# The measurements:
#   convert  `mnemo ingest --output FILE.nq`: parse, map, write N-Quads; nothing
#            held between records, so peak memory should not grow with N.
#            Run at N/10 and N, and at N writing TriG (`--output FILE.trig`).
#   ingest   `mnemo ingest --store sqlite:…`: the same, plus the store write and
#            index (which hold the data, so memory grows with the quads stored).
#   pymarc   pymarc.parse_xml with a handler counting records (parse only).
# Flat memory is shown by running `convert` at N/10 and N and comparing peaks.
#
# Usage: bash bench/crosswalk-benchmark.sh [N]      (MNEMO_BENCH_SKIP=build,pymarc)
set -euo pipefail
QUADS=0
source "$(dirname "$0")/common.sh"
N="${1:-100000}"
SMALL=$((N / 10))

build_mnemo
for n in "$SMALL" "$N"; do
    f="$WORK/marcxml-$n.xml"
    if [ ! -s "$f" ]; then
        step "generating $n MARCXML records into $f"
        "$PYTHON" "$SCRIPT_DIR/gen_marcxml.py" "$n" "$f.partial" && mv "$f.partial" "$f"
    fi
done

run_convert() {  # n ext
    local n=$1 ext=$2 f="$WORK/marcxml-$1.xml" out="$WORK/marcxml-$1.$2"
    # A previous run's output would be truncated inside the timed process.
    rm -f "$out"; sync
    "$PYTHON" "$PEAK_RSS" --json "$WORK/convert-$n-$ext.json" --label "convert $n $ext" -- \
        "$MNEMO" ingest --format marcxml --institution bench --dataset marcxml --output "$out" \
        --report "$WORK/report-$n.jsonl" "$f" > "$WORK/convert-$n-$ext.txt"
    cat "$WORK/convert-$n-$ext.txt" >&2
    stat -c %s "$out" > "$WORK/convert-$n-$ext.bytes"
    rm -f "$out"
}

step "convert to N-Quads (no store), $SMALL records"; run_convert "$SMALL" nq
step "convert to N-Quads (no store), $N records"; run_convert "$N" nq
step "convert to TriG (no store), $N records"; run_convert "$N" trig

step "ingest into sqlite:, $N records"
rm -f "$WORK/marcxml-store.sqlite"; sync
"$PYTHON" "$PEAK_RSS" --json "$WORK/ingest-$N.json" --label "ingest $N" -- \
    "$MNEMO" ingest --store "sqlite:$WORK/marcxml-store.sqlite" --format marcxml --institution bench \
    --dataset marcxml --report "$WORK/report-store.jsonl" "$WORK/marcxml-$N.xml" > "$WORK/ingest-$N.txt"
cat "$WORK/ingest-$N.txt" >&2

if ! skipping pymarc; then
    if ! "$VENV/bin/python" -c 'import pymarc' 2>/dev/null; then
        step "installing pymarc into $VENV"
        [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check pymarc
    fi
    step "pymarc parse_xml, $N records"
    "$PYTHON" "$PEAK_RSS" --json "$WORK/pymarc-$N.json" --label "pymarc $N" -- "$VENV/bin/python" -c '
import sys, pymarc
from pymarc.marcxml import XmlHandler, parse_xml
class Count(XmlHandler):
    n = 0
    def process_record(self, record):
        Count.n += 1
parse_xml(sys.argv[1], Count())
print(Count.n, "records")' "$WORK/marcxml-$N.xml"
fi

"$PYTHON" - "$WORK" "$SMALL" "$N" <<'PY'
import json, os, sys
work, small, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def load(name):
    p = os.path.join(work, name)
    return json.load(open(p)) if os.path.exists(p) else None
def size(name):
    p = os.path.join(work, name)
    return f"{int(open(p).read()) / 1e6:,.0f} MB" if os.path.exists(p) else ""
rows = [("convert (N-Quads out)", small, load(f"convert-{small}-nq.json"), size(f"convert-{small}-nq.bytes")),
        ("convert (N-Quads out)", n, load(f"convert-{n}-nq.json"), size(f"convert-{n}-nq.bytes")),
        ("convert (TriG out)", n, load(f"convert-{n}-trig.json"), size(f"convert-{n}-trig.bytes")),
        ("ingest (sqlite store)", n, load(f"ingest-{n}.json"), ""),
        ("pymarc parse only", n, load(f"pymarc-{n}.json"), "")]
print("\n| run | records | seconds | records/s | peak RSS MiB | output |")
print("|---|---|---|---|---|---|")
for label, count, m, out in rows:
    if not m: continue
    secs = m["seconds"]; rss = m["peak_rss_kib"] / 1024
    print(f"| {label} | {count} | {secs:.2f} | {count / secs:,.0f} | {rss:.1f} | {out} |")
PY
