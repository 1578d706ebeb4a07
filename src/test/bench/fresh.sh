#!/usr/bin/env bash
# Freshness benchmark (io.tidings.bench.FreshnessBenchmark): a file moved into the content
# directory -> its entry in /feed.atom, default configuration, p50/max; beside it the bare
# WatchService event latency of the same moves (the kernel's floor).
#
#   src/test/bench/fresh.sh [MOVES=50] [ARTICLES=1000]
#
# Runs the packaged jar (rebuilt here) as the server, in a process of its own.
set -euo pipefail
cd "$(dirname "$0")/../../.."
MVN="${MVN:-mvn}"
"$MVN" -q -o -DskipTests package
if [ ! -s target/cp.txt ] || [ pom.xml -nt target/cp.txt ]; then
  "$MVN" -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi
CLASSES=target/bench-fresh-classes
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
cp -r target/test-classes/. "$CLASSES"/ && cp -r target/classes/. "$CLASSES"/
uptime
exec java -Xmx512m -DTIDINGS_LOG_LEVEL=WARN -cp "$CLASSES:$(cat target/cp.txt)" \
  io.tidings.bench.FreshnessBenchmark target/tidings.jar "${1:-50}" "${2:-1000}"
