#!/usr/bin/env bash
# Smoke test of the app image built by `mvn -B -Pdist -DskipTests package`:
#   - from a scratch folder outside the checkout, with an empty environment (env -i: no JDK or Maven
#     on PATH, a scratch HOME), `bin/gradlens datasets` lists the shipped sets, `bin/gradlens info`
#     names the image's own datasets folder, `bin/gradlens predict` runs a shipped model;
#   - nothing is unpacked into HOME (no ~/.javacpp, no ~/.openjfx), the log file is in
#     $HOME/.cache/gradlens/logs;
#   - where Xvfb is installed, bin/GradLens opens its main window ("GradLens") within 90 s;
#     SCREENSHOT=file.png saves the screen once it is up.
# Usage: tools/dist-smoke.sh [IMAGE_DIR]   (default target/dist/gradlens)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="$(cd "${1:-$root/target/dist/gradlens}" && pwd)"
screenshot="${SCREENSHOT:+$(realpath -m "$SCREENSHOT")}"
work="$(mktemp -d "${TMPDIR:-/tmp}/gradlens-smoke.XXXXXX")"
home="$work/home"; mkdir -p "$home"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "dist-smoke: FAIL: $*" >&2; exit 1; }
ok() { echo "dist-smoke: ok: $*"; }
cd "$work"
case "$work" in "$root"/*) fail "scratch folder $work is inside the checkout";; esac
run() { env -i HOME="$home" "$@"; }

out="$(run "$image/bin/gradlens" datasets)" || fail "bin/gradlens datasets exited with $?"
for name in sentences mnist digits sotu price; do
  grep -q "^$name " <<<"$out" || fail "datasets does not list $name: $out"
done
ok "bin/gradlens datasets lists the shipped sets"

out="$(run "$image/bin/gradlens" info)" || fail "bin/gradlens info exited with $?"
grep -qx "datasets folder: $image/lib/app/datasets" <<<"$out" || fail "info does not use the image's datasets: $out"
grep -qx "config folder: $home/.config/gradlens" <<<"$out" || fail "info does not use XDG config: $out"
ok "bin/gradlens info: $(grep -E '^(GradLens|ND4J|BLAS):' <<<"$out" | paste -sd ';' -)"

model="$image/lib/app/assets/models/sentiment-lstm.gradlens"
out="$(run "$image/bin/gradlens" predict --model "$model" --text "The acting was wonderful")" \
  || fail "bin/gradlens predict exited with $?"
grep -q '"predicted_class":"positive"' <<<"$out" || fail "predict: $out"
ok "bin/gradlens predict on the shipped LSTM: positive"

if command -v Xvfb >/dev/null && command -v xwininfo >/dev/null; then
  display=""
  for n in $(seq 91 140); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
  done
  [ -n "$display" ] || fail "no free X display"
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 & pids+=($!)
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.2; done
  env -i HOME="$home" DISPLAY="$display" "$image/bin/GradLens" >"$work/gui.log" 2>&1 & gui=$!; pids+=($gui)
  up=""
  for _ in $(seq 90); do
    if xwininfo -display "$display" -root -tree 2>/dev/null | grep -q '"GradLens"'; then up=1; break; fi
    kill -0 "$gui" 2>/dev/null || { cat "$work/gui.log" >&2; fail "bin/GradLens exited before its window opened"; }
    sleep 1
  done
  [ -n "$up" ] || { cat "$work/gui.log" >&2; fail "no GradLens window on $display after 90 s"; }
  ok "bin/GradLens opened its main window under Xvfb"
  if [ -n "$screenshot" ]; then
    sleep "${SCREENSHOT_DELAY:-15}"
    import -display "$display" -window root "$screenshot"
    ok "screenshot $screenshot"
  fi
else
  echo "dist-smoke: skipped the GUI check (no Xvfb/xwininfo)"
fi

[ ! -e "$home/.javacpp" ] || fail "natives were unpacked into HOME/.javacpp"
[ ! -e "$home/.openjfx" ] || fail "JavaFX natives were unpacked into HOME/.openjfx"
ok "nothing unpacked into HOME"
[ -s "$home/.cache/gradlens/logs/gradlens-0.log" ] || fail "no log file in HOME/.cache/gradlens/logs"
ok "log file in \$XDG_CACHE_HOME/gradlens/logs"
echo "dist-smoke: passed ($(du -sh "$image" | cut -f1) image)"
