#!/usr/bin/env bash
# The scale curve (io.tidings.bench.ScaleCurve): scan, restart, heap per article, search p99,
# uncached render p99 and file -> feed at each corpus size, the server being the packaged jar.
#
#   src/test/bench/scale.sh [SIZE...]     (default: 10000 100000)
#
# 1,000,000 articles is a documented run outside CI: `src/test/bench/scale.sh 1000000` needs
# about 5 GB of disk for the corpus and SCALE_HEAP (default 1 GB per 100,000 articles).
# Environment: SCALE_HEAP (server -Xmx), SCALE_SERVER_ARGS (extra server arguments), MVN.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/classes.sh scale
[ $# -gt 0 ] || set -- 10000 100000
exec java -Xmx2g -cp "$CP" io.tidings.bench.ScaleCurve target/tidings.jar "$@"
