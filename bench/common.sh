# Shared set-up of the benchmark scripts; sourced, not run. The caller sets
# QUADS first. Provides the paths, `skipping STEP`, `step MESSAGE`, and the
# steps both benchmarks take: building mnemo, preparing the data file and the
# pyoxigraph venv. MNEMO_BIN, when set, is the mnemo binary used (and nothing
# is built); the default is the release build in the repository.

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/.." && pwd)"
WORK="${MNEMO_BENCH_DIR:-/tmp/mnemo-bench}"
SKIP=",${MNEMO_BENCH_SKIP:-},"
PYTHON="${PYTHON:-python3}"
PEAK_RSS="$SCRIPT_DIR/peak_rss.py"
MNEMO="${MNEMO_BIN:-$REPO/.build/release/mnemo}"
VENV="$WORK/venv"
mkdir -p "$WORK"

skipping() { [[ "$SKIP" == *",$1,"* ]]; }
step() { printf '\n==> %s\n' "$*" >&2; }

# Builds mnemo in release mode unless the build (or mnemo) step is skipped
# or MNEMO_BIN names another binary.
build_mnemo() {
    if [ -z "${MNEMO_BIN:-}" ] && ! skipping build && ! skipping mnemo; then
        step "building mnemo (release)"
        (cd "$REPO" && swift build -c release --product mnemo)
    fi
}

# Sets DATA, LINES and BYTES: $MNEMO_BENCH_DATA, or $WORK/data-QUADS.nq,
# generated once (the generator is deterministic) under a temporary name so
# an interrupted run never leaves a truncated file to be reused.
prepare_data() {
    if [ -n "${MNEMO_BENCH_DATA:-}" ]; then
        DATA="$MNEMO_BENCH_DATA"
        [ -s "$DATA" ] || { echo "MNEMO_BENCH_DATA=$DATA: no such file or empty" >&2; exit 2; }
    else
        DATA="$WORK/data-$QUADS.nq"
        if [ -s "$DATA" ]; then
            step "reusing $DATA"
        else
            step "generating $QUADS quads into $DATA"
            "$MNEMO" generate --quads "$QUADS" --output "$DATA.partial"
            mv "$DATA.partial" "$DATA"
        fi
    fi
    LINES=$(wc -l < "$DATA" | tr -d ' ')
    BYTES=$(wc -c < "$DATA" | tr -d ' ')
    echo "data: $DATA: $LINES quads, $((BYTES / 1048576)) MiB" >&2
}

# Creates (or reuses) the venv with pyoxigraph, a benchmark tool and not a project dependency.
ensure_venv() {
    if ! "$VENV/bin/python" -c 'import pyoxigraph' 2>/dev/null; then
        step "installing pyoxigraph into $VENV"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check pyoxigraph
    fi
}

# Sets DIR, DATA and GOLD for PERSONS generated persons: $WORK/link-PERSONS,
# its records.nq and gold.tsv, generated once (`mnemo generate-gold` is
# deterministic) under a temporary name.
prepare_gold() {
    DIR="$WORK/link-$1"
    mkdir -p "$DIR"
    DATA="$DIR/records.nq"
    GOLD="$DIR/gold.tsv"
    if [ ! -s "$DATA" ] || [ ! -s "$GOLD" ]; then
        step "generating $1 persons into $DATA"
        "$MNEMO" generate-gold --persons "$1" --output "$DATA.partial" --gold "$GOLD"
        mv "$DATA.partial" "$DATA"
    fi
}
