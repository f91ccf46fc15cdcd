#!/usr/bin/env bash
# Renders the workbench's views to docs/screenshots/*.png: starts the real app (the test-scope tool io.gradlens.app
# .Screenshots) under a virtual X server, drives it through the Data, Hidden state, Training and
# Saliency views (text, compare mode, image), and snapshots the window after each step.
# Needs: xvfb (xvfb-run), the shipped models in assets/models (tools/build-assets.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -d target/lib ] || [ -n "$(find src/main pom.xml -newer target/lib -print -quit)" ]; then
  mvn -q -B -DskipTests package
  touch target/lib
fi
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export GRADLENS_DATASETS="${GRADLENS_DATASETS:-$root/datasets}"
# Two passes: the views on the shipped models, then the fix-the-reasons story (trains two
# decoy-text models, so it starts from a fresh window).
for shots in views fix-reasons; do
  xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw -Dprism.lcdtext=false \
    -Dgradlens.shots="$shots" -cp "target/classes:target/test-classes:target/lib/*" io.gradlens.app.Screenshots\$Run \
    "${1:-docs/screenshots}"
done
ls -l "${1:-docs/screenshots}"
