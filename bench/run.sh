#!/usr/bin/env bash
# One command for the whole GradLens-vs-PyTorch benchmark:
#   (a) build GradLens and run `bin/gradlens bench --format jsonl`  -> $OUTDIR/gradlens.jsonl
#   (b) run the PyTorch peer bench/pytorch_peer.py                   -> $OUTDIR/pytorch.jsonl
#   (c) print the comparison table (bench/compare.py)                -> $OUTDIR/table.md
#
# Usage: bench/run.sh [run.sh options] [options passed to both benchmarks]
#   run.sh options (consumed here, not passed on):
#     --outdir DIR       where the three files go (default: $OUTDIR, else target/bench)
#     --no-build         do not run `mvn package` before (a)
#     --skip-gradlens    reuse an existing $OUTDIR/gradlens.jsonl instead of running (a)
#     --skip-peer        reuse an existing $OUTDIR/pytorch.jsonl instead of running (b)
#     --strict           exit 1 unless every target in the table is met and nothing drifts >10 % across rounds
#   everything else (e.g. --quick, --only NAME[,NAME], --threads N, --seed S, --rounds N,
#   --order given|reverse|shuffle[:seed]) is passed unchanged to BOTH `bin/gradlens bench` and
#   bench/pytorch_peer.py; with --rounds N the table adds each workload's drift across rounds, and
#   --order shuffle:S runs both sides in the same permutation per round.
# Steady speed (each workload alone vs in one process): bench/steady.sh.
#
# Environment: OUTDIR (see --outdir), PYTHON (interpreter for the peer and compare.py,
# default /usr/bin/python3: Debian's python3-torch is installed for that one only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OUTDIR="${OUTDIR:-target/bench}"
PYTHON="${PYTHON:-/usr/bin/python3}"
BUILD=1
RUN_GRADLENS=1
RUN_PEER=1
STRICT=()
PASS=()

while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) [ $# -ge 2 ] || { echo "run.sh: --outdir needs a value" >&2; exit 2; }
              OUTDIR="$2"; shift 2 ;;
    --outdir=*) OUTDIR="${1#--outdir=}"; shift ;;
    --no-build) BUILD=0; shift ;;
    --skip-gradlens) RUN_GRADLENS=0; shift ;;
    --skip-peer) RUN_PEER=0; shift ;;
    --strict) STRICT=(--strict); shift ;;
    -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) PASS+=("$1"); shift ;;
  esac
done

mkdir -p "$OUTDIR"
OURS="$OUTDIR/gradlens.jsonl"
PEER="$OUTDIR/pytorch.jsonl"
TABLE="$OUTDIR/table.md"

if [ ! -x "$PYTHON" ]; then
  echo "run.sh: Python interpreter '$PYTHON' not found (set PYTHON=...)." >&2
  exit 2
fi

# ---- (a) GradLens ---------------------------------------------------------
if [ "$RUN_GRADLENS" = 1 ]; then
  if [ ! -x bin/gradlens ]; then
    echo "run.sh: bin/gradlens is missing or not executable in $ROOT." >&2
    echo "        The GradLens side of the benchmark is 'bin/gradlens bench --format jsonl';" >&2
    echo "        build/add the launcher first, or use --skip-gradlens with an existing $OURS." >&2
    exit 2
  fi
  if [ "$BUILD" = 1 ]; then
    echo "== building GradLens (mvn -q -B -DskipTests package)" >&2
    mvn -q -B -DskipTests package >&2
  fi
  echo "== GradLens: bin/gradlens bench --format jsonl ${PASS[*]:-} > $OURS" >&2
  bin/gradlens bench --format jsonl ${PASS[@]+"${PASS[@]}"} > "$OURS.tmp"
  mv "$OURS.tmp" "$OURS"
else
  [ -f "$OURS" ] || { echo "run.sh: --skip-gradlens but $OURS does not exist." >&2; exit 2; }
  echo "== GradLens: reusing $OURS" >&2
fi

# ---- (b) PyTorch peer -----------------------------------------------------
if [ "$RUN_PEER" = 1 ]; then
  if ! "$PYTHON" -c "import torch" 2>/dev/null; then
    echo "run.sh: PyTorch is not importable by $PYTHON." >&2
    echo "        Install the reference peer (Debian bookworm, PyTorch 1.13 CPU) with:" >&2
    echo "            apt-get update && apt-get install -y python3-torch libopenblas0-openmp" >&2
    echo "        (it installs for /usr/bin/python3, not for a pyenv/venv python3)." >&2
    exit 3
  fi
  echo "== PyTorch peer: $PYTHON bench/pytorch_peer.py ${PASS[*]:-} > $PEER" >&2
  "$PYTHON" bench/pytorch_peer.py ${PASS[@]+"${PASS[@]}"} > "$PEER.tmp"
  mv "$PEER.tmp" "$PEER"
else
  [ -f "$PEER" ] || { echo "run.sh: --skip-peer but $PEER does not exist." >&2; exit 2; }
  echo "== PyTorch peer: reusing $PEER" >&2
fi

# ---- (c) table ------------------------------------------------------------
echo "== comparison -> $TABLE" >&2
"$PYTHON" bench/compare.py "$OURS" "$PEER" --out "$TABLE" ${STRICT[@]+"${STRICT[@]}"}
