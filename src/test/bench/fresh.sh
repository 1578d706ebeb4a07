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
. src/test/bench/classes.sh fresh
uptime
exec java -Xmx512m -DTIDINGS_LOG_LEVEL=WARN -cp "$CP" \
  io.tidings.bench.FreshnessBenchmark target/tidings.jar "${1:-50}" "${2:-1000}"
