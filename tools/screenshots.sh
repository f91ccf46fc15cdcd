#!/usr/bin/env bash
# Renders the workbench's views to PNGs: starts the real app (the test-scope tool io.gradlens.app
# .Screenshots) under a virtual X server with a window manager (openbox, so the stage gets real
# decorations and geometry as on a desktop), drives it through the views, and snapshots the window
# after each step. Usage: tools/screenshots.sh [output folder] [WIDTHxHEIGHT ...]
# (default docs/screenshots at 1280x800 and 1920x1080, one sub-folder per size).
# Needs: xvfb (xvfb-run), openbox, the shipped models in assets/models (tools/build-assets.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-docs/screenshots}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x800 1920x1080)
if [ ! -d target/lib ] || [ -n "$(find src/main pom.xml -newer target/lib -print -quit)" ]; then
  mvn -q -B -DskipTests package
  touch target/lib
fi
mvn -q -B -o test-compile
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export GRADLENS_DATASETS="${GRADLENS_DATASETS:-$root/datasets}"
wm=""
command -v openbox >/dev/null && wm="openbox &"
for size in "${sizes[@]}"; do
  mkdir -p "$out/$size"
  # Two passes: the views on the shipped models, then the fix-the-reasons story (trains two
  # decoy-text models, so it starts from a fresh window).
  for shots in views fix-reasons; do
    xvfb-run -a -s "-screen 0 ${size}x24" bash -c "$wm sleep 1; exec java -Dprism.order=sw -Dprism.lcdtext=false \
      -Dgradlens.shots=$shots -Dgradlens.shots.size=$size -cp 'target/classes:target/test-classes:target/lib/*' \
      'io.gradlens.app.Screenshots\$Run' '$out/$size'"
  done
  ls -l "$out/$size"
done
