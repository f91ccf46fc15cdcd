#!/usr/bin/env bash
# Regenerates the committed CPU values of BackendParityTest (src/test/resources/parity/*.json) by
# running the test-scope generator io.gradlens.autodiff.ParityReference on the CPU backend.
# Run it only after a deliberate change to the parity models, their data or the optimiser, and
# review the diff: the files are what every backend is compared against.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q ${MVN_FLAGS:-} test-compile
mvn -B -ntp -q ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/parity-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/parity-classpath.txt)" \
    io.gradlens.autodiff.ParityReference src/test/resources/parity
