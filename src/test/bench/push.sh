#!/usr/bin/env bash
# Push benchmark (io.tidings.bench.PushBenchmark): file written -> SSE event at N clients.
#
#   src/test/bench/push.sh [CLIENTS=1000] [WRITES=40] [DEBOUNCE_MS=100] [WARMUP=30]
#
# Runs the packaged jar (built here from the current sources) as the server, in a process of its own, and
# the clients in the benchmark's JVM. Prints p50/p99 against the aim and the server's heap.
# The first WARMUP writes are not counted (printed apart). PUSH_SERVER_JAVA_OPTS adds server
# JVM options, e.g. PUSH_SERVER_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/p.jfr
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/classes.sh push
ulimit -n 65536 2>/dev/null || true
exec java -Xmx1g -DTIDINGS_LOG_LEVEL=WARN -cp "$CP" \
  io.tidings.bench.PushBenchmark target/tidings.jar "${1:-1000}" "${2:-40}" "${3:-100}" "${4:-30}"
