#!/usr/bin/env bash
# Start-up / ingest benchmark (io.tidings.bench.IngestBenchmark).
#
#   src/test/bench/ingest.sh [N] [more IngestBenchmark options]
#
# N defaults to 100000. The corpus is generated once into target/bench-corpus-N and reused.
# Options: --corpus DIR --scans 3 --changes 200 --applies 1000 --warmup 5000 --debounce 100ms
#          --no-histo
# Environment: BENCH_JAVA_OPTS (default: -Xms4g -Xmx4g -XX:+UseG1GC), MVN (default: mvn),
#              SKIP_BUILD=1 to reuse target/classes and target/test-classes as they are.
set -euo pipefail
cd "$(dirname "$0")/../../.."

N="${1:-100000}"
if [ $# -gt 0 ]; then shift; fi
MVN="${MVN:-mvn}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms4g -Xmx4g -XX:+UseG1GC}"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  "$MVN" -q test-compile
fi
if [ ! -s target/cp.txt ] || [ pom.xml -nt target/cp.txt ]; then
  "$MVN" -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi

# WARN keeps the ingest's per-second progress and per-change INFO lines out of the figures.
set -x
exec java $JAVA_OPTS -DTIDINGS_LOG_LEVEL=WARN \
  -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  io.tidings.bench.IngestBenchmark "$N" "$@"
