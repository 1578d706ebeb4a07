#!/usr/bin/env bash
# Push benchmark (io.tidings.bench.PushBenchmark): file written -> SSE event at N clients.
#
#   src/test/bench/push.sh [CLIENTS=1000] [WRITES=40] [DEBOUNCE_MS=100]
#
# Runs the packaged jar (built here if missing) as the server, in a process of its own, and
# the clients in the benchmark's JVM. Prints p50/p99 against the aim and the server's heap.
set -euo pipefail
cd "$(dirname "$0")/../../.."
MVN="${MVN:-mvn}"
[ -s target/tidings.jar ] || "$MVN" -q -DskipTests package
if [ ! -s target/cp.txt ] || [ pom.xml -nt target/cp.txt ]; then
  "$MVN" -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi
"$MVN" -q test-compile
CLASSES=target/bench-push-classes
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
cp -r target/test-classes/. "$CLASSES"/ && cp -r target/classes/. "$CLASSES"/
ulimit -n 65536 2>/dev/null || true
exec java -Xmx1g -DTIDINGS_LOG_LEVEL=WARN -cp "$CLASSES:$(cat target/cp.txt)" \
  io.tidings.bench.PushBenchmark target/tidings.jar "${1:-1000}" "${2:-40}" "${3:-100}"
