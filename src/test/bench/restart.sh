#!/usr/bin/env bash
# A restart over the restart cache (content.cacheDir), the server being the packaged jar: the
# first start writes the cache (the peer: the same start without a cache), then RUNS restarts,
# each from process start to /health 200, with the process's CPU seconds at that moment, its
# CPU per thread group, and the load average.
#
#   src/test/bench/restart.sh CORPUS_DIR [RUNS]     (RUNS default 3; the jar: target/tidings.jar)
#
# CORPUS_DIR is read only (e.g. target/bench-corpus-100000, which scale.sh generates).
# Environment: RESTART_HEAP (server -Xmx, default 1g).
set -euo pipefail
cd "$(dirname "$0")/../../.."
corpus=$(cd "$1" && pwd); runs=${2:-3}
[ -f target/tidings.jar ] || mvn -q -o -DskipTests package
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
tck=$(getconf CLK_TCK)
run() { # $1: label
  local port pid t0 t1
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("",0));print(s.getsockname()[1])')
  t0=$(date +%s%N)
  TIDINGS_CONTENT_CACHE_DIR="$work/cache" java -Xmx"${RESTART_HEAP:-1g}" -jar target/tidings.jar \
    --port "$port" --content "$corpus" >>"$work/server.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited; log: $work/server.log"; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  printf '%-12s %6.1f s to /health 200, %6.1f s CPU, load %s\n' "$1" \
    "$(echo "($t1 - $t0) / 1000000000" | bc -l)" \
    "$(awk -v t="$tck" '{print ($14+$15)/t}' "/proc/$pid/stat")" "$(cut -d' ' -f1-3 /proc/loadavg)"
  for t in /proc/"$pid"/task/*; do
    awk -v n="$(sed 's/[-#0-9 ]*$//' "$t/comm")" -v t="$tck" '{print n "\t" ($14+$15)/t}' "$t/stat"
  done | awk -F'\t' '{s[$1]+=$2} END {for (k in s) if (s[k] >= 0.1) printf "%s=%.1f\n", k, s[k]}' \
    | sort -t= -k2 -nr | tr '\n' ' ' | sed 's/^/    CPU s by thread: /; s/ $/\n/'
  # the first start writes the cache after /health turns 200: wait for the rename into place
  until ls "$work"/cache/*.cache >/dev/null 2>&1 && ! ls "$work"/cache/*.tmp >/dev/null 2>&1; do
    sleep 0.5
  done
  kill -TERM "$pid"; wait "$pid" || true
}
run "first start"
for i in $(seq 1 "$runs"); do run "restart $i"; done
