#!/usr/bin/env bash
# Start-up / ingest benchmark (io.tidings.bench.IngestBenchmark).
#
#   src/test/bench/ingest.sh [N] [more IngestBenchmark options]
#
# N defaults to 100000. The corpus is generated once into target/bench-corpus-N and reused.
# Options: --corpus DIR --scans 3 --changes 200 --applies 1000 --warmup 5000 --debounce 100ms
#          --no-histo --corpus-only (only write the corpus)
#          --scan-only (only section 0: the Jackson streaming peer's files/s and the start-up
#          scan's in the same run, their ratio, and a restart over the restart cache)
# Environment:
#   BENCH_JAVA_OPTS  JVM flags (default: -Xms4g -Xmx4g -XX:+UseG1GC)
#   MVN              the Maven command (default: mvn)
#   BENCH_CLASSES    a directory of already compiled main + test classes: skips the build
# The compiled classes are copied to target/bench-classes before the run, so that a parallel
# `mvn compile` cannot take classes away from the benchmark while it runs (classes load lazily).
set -euo pipefail
cd "$(dirname "$0")/../../.."

N="${1:-100000}"
if [ $# -gt 0 ]; then shift; fi
MVN="${MVN:-mvn}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms4g -Xmx4g -XX:+UseG1GC}"

if [ ! -s target/cp.txt ] || [ pom.xml -nt target/cp.txt ]; then
  mkdir -p target
  "$MVN" -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi
CLASSES="${BENCH_CLASSES:-}"
if [ -z "$CLASSES" ]; then
  "$MVN" -q test-compile
  CLASSES=target/bench-classes
  rm -rf "$CLASSES"
  mkdir -p "$CLASSES"
  cp -r target/test-classes/. "$CLASSES"/
  cp -r target/classes/. "$CLASSES"/
fi

# WARN keeps the ingest's per-second progress and per-change INFO lines out of the figures.
echo "+ java $JAVA_OPTS -DTIDINGS_LOG_LEVEL=WARN -cp $CLASSES:<target/cp.txt>" \
  "io.tidings.bench.IngestBenchmark $N $*"
exec java $JAVA_OPTS -DTIDINGS_LOG_LEVEL=WARN -cp "$CLASSES:$(cat target/cp.txt)" \
  io.tidings.bench.IngestBenchmark "$N" "$@"
