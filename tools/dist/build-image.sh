#!/usr/bin/env bash
# Builds the GradLens app image (mvn -Pdist package runs this after the jar and target/lib):
#   target/dist/gradlens/bin/gradlens    CLI launcher  (jpackage)
#   target/dist/gradlens/bin/GradLens    GUI launcher  (jpackage --add-launcher)
#   target/dist/gradlens/lib/runtime/    jlink'd Java runtime (JDK modules only)
#   target/dist/gradlens/lib/app/        the jars (JavaFX on the class path), JavaFX's .so files
#                                        beside its jars, datasets/, assets/models/, javacpp-cache/
# and, when dpkg-deb and fakeroot are installed and GRADLENS_DIST_DEB is not 0, a .deb in target/dist.
# Usage: build-image.sh TARGET_DIR JAR_NAME VERSION
set -euo pipefail
target="$1"; jar="$2"; version="$3"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jdk_bin="$(dirname "$(readlink -f "$(command -v jpackage)")")"
input="$target/dist-input"; runtime="$target/dist-runtime"; work="$target/dist-work"; dest="$target/dist"
rm -rf "$input" "$runtime" "$work" "$dest"
mkdir -p "$input" "$work" "$dest"
step() { echo "[dist] $(date +%T) $*"; }

step "input: jars, datasets, models"
cp "$target/$jar" "$target"/lib/*.jar "$input/"
cp -r "$root/datasets" "$input/datasets"
mkdir -p "$input/assets" && cp -r "$root/assets/models" "$input/assets/models"
# JavaFX looks for its native libraries next to its jar first (NativeLibLoader), so nothing is
# unpacked into ~/.openjfx/cache at start.
for fx in "$input"/javafx-*-linux.jar; do
  (cd "$input" && unzip -q -o "$fx" '*.so' 2>/dev/null || true)
done

step "pre-extracting ND4J's natives into javacpp-cache"
# A throw-away home, so this run leaves nothing in the builder's ~/.javacpp or ~/.cache.
scratch="$work/home"; mkdir -p "$scratch"
HOME="$scratch" XDG_CACHE_HOME="$scratch/cache" XDG_CONFIG_HOME="$scratch/config" \
  java -Dorg.bytedeco.javacpp.cachedir="$input/javacpp-cache" -Dgradlens.app.dir="$input" \
  -cp "$input/*" io.gradlens.cli.GradLensCli info > "$work/info.txt"
rm -f "$input/javacpp-cache/.lock"

step "jlink runtime"
"$jdk_bin/jlink" --add-modules java.se,jdk.unsupported,jdk.zipfs,jdk.crypto.ec,jdk.management \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$runtime"

# The launchers' JVM options; jpackage replaces $APPDIR with lib/app at start.
opts=(-Dgradlens.app.dir='$APPDIR'
      -Dorg.bytedeco.javacpp.cachedir='$APPDIR/javacpp-cache'
      -Dorg.bytedeco.javacpp.maxbytes=512m)
app_version="${version%%-*}"
cat > "$work/GradLens.properties" <<PROPS
main-class=io.gradlens.app.Launcher
java-options=${opts[*]}
PROPS

step "jpackage app image"
jp_opts=(); for o in "${opts[@]}"; do jp_opts+=(--java-options "$o"); done
"$jdk_bin/jpackage" --type app-image --dest "$dest" --name gradlens --app-version "$app_version" \
  --input "$input" --main-jar "$jar" --main-class io.gradlens.cli.GradLensCli \
  --runtime-image "$runtime" "${jp_opts[@]}" \
  --add-launcher GradLens="$work/GradLens.properties" \
  --description "Explain neural networks by their gradients" --vendor GradLens

if [ "${GRADLENS_DIST_DEB:-1}" != 0 ] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  step "jpackage .deb"
  # gzip: dpkg-deb's default xz took over 8 minutes for the ~600 MB tree on two shared cores.
  DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}" "$jdk_bin/jpackage" --type deb --dest "$dest" --name gradlens --app-version "$app_version" \
    --app-image "$dest/gradlens" --description "Explain neural networks by their gradients" \
    --vendor GradLens --linux-package-name gradlens --linux-app-category science
fi
step "done: $(du -sh "$dest/gradlens" | cut -f1) in $dest/gradlens"
