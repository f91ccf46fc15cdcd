#!/usr/bin/env bash
# Steady-speed check of issue 15: does every workload run, inside one long suite process, at the
# speed it has alone in a fresh process (within ±10 %), whatever the order?
#   1. the suite once, all selected workloads in one JVM        -> $OUTDIR/suite.jsonl
#      (--rounds N and --order given|reverse|shuffle[:seed] apply here)
#   2. each workload that the suite ran, alone in a fresh JVM   -> $OUTDIR/alone.jsonl
#   3. the table: per workload the suite's rounds over the stand-alone median, flagged outside
#      ±10 % (bench/compare.py --steady)                       -> $OUTDIR/steady.md
#
# Usage: bench/steady.sh [--outdir DIR] [--peer] [--strict] [bench options]
#   --outdir DIR   where the files go (default target/bench/steady)
#   --peer         check bench/pytorch_peer.py instead of GradLens (same flags, /usr/bin/python3)
#   --strict       exit 1 if any workload is outside ±10 %
#   bench options  passed to every run (--quick, --only a,b, --threads N, --seed S); --rounds and
#                  --order only to the suite run (default: --rounds 2 --order shuffle)
# Under load from other processes the figures mean little: look at extra.other_busy_cores_during
# in the JSON lines (GradLens side) before reading a ratio as the process' own decay.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUTDIR="target/bench/steady"
PYTHON="${PYTHON:-/usr/bin/python3}"
SIDE=gradlens
STRICT=()
COMMON=()
ROUNDS=2
ORDER=shuffle
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) [ $# -ge 2 ] || { echo "steady.sh: --outdir needs a value" >&2; exit 2; }; OUTDIR="$2"; shift 2 ;;
    --peer) SIDE=pytorch; shift ;;
    --strict) STRICT=(--strict); shift ;;
    --rounds) [ $# -ge 2 ] || { echo "steady.sh: --rounds needs a value" >&2; exit 2; }; ROUNDS="$2"; shift 2 ;;
    --order) [ $# -ge 2 ] || { echo "steady.sh: --order needs a value" >&2; exit 2; }; ORDER="$2"; shift 2 ;;
    --only) [ $# -ge 2 ] || { echo "steady.sh: --only needs a value" >&2; exit 2; }; ONLY="$2"; shift 2 ;;
    --quick) COMMON+=(--quick); shift ;;
    --threads|--seed) [ $# -ge 2 ] || { echo "steady.sh: $1 needs a value" >&2; exit 2; }
                      COMMON+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "steady.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
bench() {
  if [ "$SIDE" = pytorch ]; then "$PYTHON" bench/pytorch_peer.py "$@"; else bin/gradlens bench --format jsonl "$@"; fi
}
mkdir -p "$OUTDIR"
SUITE_FILE="$OUTDIR/$SIDE-suite.jsonl"
ALONE_FILE="$OUTDIR/$SIDE-alone.jsonl"
ONLY_ARGS=()
[ -n "$ONLY" ] && ONLY_ARGS=(--only "$ONLY")
SUITE=(--rounds "$ROUNDS" --order "$ORDER")
echo "== $SIDE suite in one process: ${COMMON[*]:-} ${ONLY_ARGS[*]:-} ${SUITE[*]}" >&2
bench ${COMMON[@]+"${COMMON[@]}"} ${ONLY_ARGS[@]+"${ONLY_ARGS[@]}"} "${SUITE[@]}" > "$SUITE_FILE.tmp"
mv "$SUITE_FILE.tmp" "$SUITE_FILE"
: > "$ALONE_FILE.tmp"
for name in $("$PYTHON" -c 'import json,sys
seen=[]
for l in open(sys.argv[1]):
    l=l.strip()
    if l.startswith("{"):
        w=json.loads(l).get("workload")
        if w and w not in seen: seen.append(w)
print(" ".join(seen))' "$SUITE_FILE"); do
  echo "== $SIDE $name alone in a fresh process" >&2
  bench ${COMMON[@]+"${COMMON[@]}"} --only "$name" >> "$ALONE_FILE.tmp"
done
mv "$ALONE_FILE.tmp" "$ALONE_FILE"
"$PYTHON" bench/compare.py --steady "$ALONE_FILE" "$SUITE_FILE" --out "$OUTDIR/$SIDE-steady.md" ${STRICT[@]+"${STRICT[@]}"}
