#!/usr/bin/env bash
# Entity-linking benchmark: quality against a generated gold standard, and speed.
#
#   bench/link-benchmark.sh [PERSONS]      (default 40000 real persons, about 74k person records)
#
# 1. `mnemo generate-gold` writes person and place records of three
#    institutions (Cyrillic library, Latin museum, Uzbek archive; name
#    variants, ±1 birth years, missing dates, namesakes, fathers and sons,
#    neighbours, homonym places) and the gold standard of which are one entity.
# 2. `mnemo import` loads them into a fresh SQLite store.
# 3. `mnemo link` links them; its wall time and peak memory are printed,
#    with the number of pairs it compared.
# 4. `mnemo links export --format sssom` writes the links, and
#    bench/link_score.py prints precision, recall and F1 for persons and
#    places, and examples of what went wrong.
#
# Environment: MNEMO_BIN (default: the release build, built first),
# MNEMO_BENCH_DIR (default /tmp/mnemo-bench), MNEMO_LINK_ARGS (extra
# arguments for `mnemo link`, e.g. "--accept 0.85").
set -euo pipefail
PERSONS="${1:-40000}"
QUADS=0
source "$(dirname "$0")/common.sh"
build_mnemo

prepare_gold "$PERSONS"
STORE="$DIR/store.sqlite"
echo "data: $(wc -l < "$DATA") quads; $(awk -F'\t' '$1=="person"' "$GOLD" | wc -l) person records," \
     "$(awk -F'\t' '$1=="place"' "$GOLD" | wc -l) place records" >&2

step "mnemo import -> $STORE"
rm -f "$STORE" "$STORE"-*
"$PYTHON" "$PEAK_RSS" --label "mnemo import" -- "$MNEMO" import --store "sqlite:$STORE" "$DATA"

step "mnemo link"
# shellcheck disable=SC2086
"$PYTHON" "$PEAK_RSS" --label "mnemo link" -- "$MNEMO" link --store "sqlite:$STORE" ${MNEMO_LINK_ARGS:-}

step "mnemo link again (nothing changed: the incremental path)"
# shellcheck disable=SC2086
"$PYTHON" "$PEAK_RSS" --label "mnemo link (re-run)" -- "$MNEMO" link --store "sqlite:$STORE" ${MNEMO_LINK_ARGS:-}

step "scoring"
"$MNEMO" links export --store "sqlite:$STORE" --format sssom > "$DIR/links.sssom.tsv"
"$PYTHON" "$SCRIPT_DIR/link_score.py" "$GOLD" "$DIR/links.sssom.tsv" --data "$DATA"
