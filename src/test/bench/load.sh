#!/usr/bin/env bash
# Feed load benchmark: Tidings side by side with nginx serving the same feed bytes.
#
#   src/test/bench/load.sh [N]
#
# In one run, loopback only (127.0.0.1), bounded in time:
#   1. installs wrk and nginx (nginx-light) from Debian when they are missing;
#   2. builds target/tidings.jar when it is missing or stale, generates an N-article corpus once into
#      target/bench-corpus-N (reused when complete; same marker as ingest.sh), starts Tidings on
#      it twice, with the HTTP latency histograms on (the default) and off
#      (TIDINGS_METRICS_HTTP_HISTOGRAMS=false), and waits for /health = 200 on each;
#   3. copies the feeds' bytes (identity and gzip) into static files served by two private nginx,
#      worker_processes 1 and 2 (own prefix, config and pid in a temp dir; gzip_static; nginx's
#      own ETags);
#   4. measures with wrk, same settings for all four servers: cached feed req/s (identity and
#      gzip) of /feed.atom and /topics/ai/feed.rss, and 304 req/s (If-None-Match); per figure a
#      warm-up of each server, then BENCH_ROUNDS rounds of one run of each server, the order
#      rotating from round to round, and the median of each server's rounds (the machine is
#      shared: interleaved rounds make the ratios comparable when the absolute figures drift);
#      then the latency of uncached filtered queries (random topic and q; every query asked once);
#   5. prints each figure beside both nginx figures, the ratios, what the histograms cost, and the
#      load average (with every round too); stops everything it started.
#
# Environment (defaults in brackets):
#   BENCH_N               articles in the corpus, also the first argument [100000]
#   BENCH_DURATION        wrk duration of each throughput run [5s]
#   BENCH_ROUNDS          throughput rounds (one run of each server), the median kept [3]
#   BENCH_WARMUP          wrk warm-up of each server before each throughput figure [3s]
#   BENCH_UNCACHED        0: skip the uncached render latency (a shorter run) [1]
#   BENCH_LAT_DURATION    wrk duration of each latency run [15s]
#   BENCH_THREADS         wrk threads for throughput [2]
#   BENCH_CONNECTIONS     wrk connections for throughput [64]
#   BENCH_LAT_CONNECTIONS wrk connections for the uncached latency runs [8]
#   BENCH_C1_DURATION     wrk duration of the one-request-at-a-time latency run [10s]
#   BENCH_RUNS            measured runs of each uncached latency figure, the best kept [2]
#   BENCH_JAVA_OPTS       JVM flags of each server [-Xms2g -Xmx2g -XX:+UseG1GC]
#   BENCH_SCAN_TIMEOUT    seconds to wait for the first scan [900]
#   BENCH_NOCACHE         1: also restart Tidings with TIDINGS_FEEDS_CACHE_ENTRIES=0 and measure
#                         the uncached latency again (costs a second scan, given at most twice
#                         the first one's time); auto: only when the first scan took under
#                         45 s; 0: never [auto]
#   BENCH_KEEP            1: keep the temp dir (logs, nginx configs, feed copies) [0]
#   BENCH_NO_BUILD        1: never run Maven; measure target/tidings.jar even when it is older
#                         than src/main [0]
#   MVN                   the Maven command [mvn]
#
# The jar is (re)built with `mvn -q -DskipTests package` when it is missing or older than
# src/main or pom.xml, then copied to the temp dir, so that a later build cannot swap classes
# under the running server. Corpus files that change during the run (ingest.sh edits one file
# of the same corpus) invalidate cached feeds: the summary counts the changes the server saw.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$PWD
BENCH_DIR=$ROOT/src/test/bench

N="${1:-${BENCH_N:-100000}}"
DURATION="${BENCH_DURATION:-5s}"
ROUNDS="${BENCH_ROUNDS:-3}"
WARMUP="${BENCH_WARMUP:-3s}"
UNCACHED="${BENCH_UNCACHED:-1}"
LAT_DURATION="${BENCH_LAT_DURATION:-15s}"
THREADS="${BENCH_THREADS:-2}"
CONNS="${BENCH_CONNECTIONS:-64}"
LAT_CONNS="${BENCH_LAT_CONNECTIONS:-8}"
C1_DURATION="${BENCH_C1_DURATION:-10s}"
RUNS="${BENCH_RUNS:-2}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC}"
SCAN_TIMEOUT="${BENCH_SCAN_TIMEOUT:-900}"
NOCACHE="${BENCH_NOCACHE:-auto}"
MVN="${MVN:-mvn}"
SEED=42
CORPUS="$ROOT/target/bench-corpus-$N"
MARKER="$CORPUS.complete"
HOST=127.0.0.1
T_START=$(date +%s)

case "$N" in '' | *[!0-9]*) echo "load.sh: N must be a number, got \"$N\"" >&2; exit 2 ;; esac

# ---- processes we start, and their end --------------------------------------------------------

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tidings-load.XXXXXX")
chmod 755 "$WORK" # nginx workers run as another user (www-data) when started by root
SERVER_PID=""
NOHIST_PID=""
NGINX_PIDS=()
WRK_PID=""

stop_pid() { # stop_pid PID: TERM, wait up to 10 s, then KILL
  local pid=$1 i
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$WRK_PID"
  stop_pid "$SERVER_PID"
  stop_pid "$NOHIST_PID"
  local p
  for p in "${NGINX_PIDS[@]}"; do
    stop_pid "$p"
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo; echo "interrupted"; exit 130' INT
trap 'exit 143' TERM

say() { printf '%s\n' "$*"; }
die() { printf 'load.sh: %s\n' "$*" >&2; exit 1; }

# Thousands separators, whatever the locale: 41234.5 -> 41,235
group() { awk -v x="$1" 'BEGIN { s = sprintf("%.0f", x); o = "";
  while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) }
  print s o }'; }

# A port nobody listens on (connect refused), in 20000..59999.
free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! (exec 3<>"/dev/tcp/$HOST/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  die "no free port found"
}

# ---- 1. tools ---------------------------------------------------------------------------------

NEED=()
command -v wrk >/dev/null 2>&1 || NEED+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || NEED+=(nginx-light)
if [ ${#NEED[@]} -gt 0 ]; then
  say "installing ${NEED[*]} from Debian"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${NEED[@]}" >/dev/null
fi
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
for t in wrk curl gzip java; do
  command -v "$t" >/dev/null 2>&1 || die "$t is needed"
done

# ---- 2. jar, corpus, server -------------------------------------------------------------------

STALE=""
if [ ! -s target/tidings.jar ]; then
  STALE="it is missing"
elif [ -n "$(find src/main pom.xml -newer target/tidings.jar -type f 2>/dev/null | head -1)" ]; then
  STALE="src/main or pom.xml changed since it was built"
fi
if [ -n "$STALE" ] && [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  say "building target/tidings.jar ($STALE): $MVN -B -q -DskipTests package"
  "$MVN" -B -q -Dstyle.color=never -DskipTests package 2>&1 | sed "s/\x1b\[[0-9;]*m//g" \
    || die "the build failed; fix it, or set BENCH_NO_BUILD=1 to measure the jar as it is"
elif [ -n "$STALE" ]; then
  [ -s target/tidings.jar ] || die "target/tidings.jar is missing (and BENCH_NO_BUILD=1)"
  say "warning: measuring target/tidings.jar as it is, although $STALE (BENCH_NO_BUILD=1)"
fi
# A private copy: a parallel `mvn package` must not swap classes under the running server.
cp target/tidings.jar "$WORK/tidings.jar"

corpus_ok() {
  [ -d "$CORPUS" ] && [ -f "$MARKER" ] && [ "$(tr -d '\n' < "$MARKER")" = "$N files, seed $SEED" ] \
    && [ "$(find "$CORPUS" -type f -name '*.txt' | wc -l)" -eq "$N" ]
}
if corpus_ok; then
  say "corpus: reusing $CORPUS ($(group "$N") files)"
else
  GEN_CLASSES=target/test-classes/io/tidings/bench
  if [ ! -f "$GEN_CLASSES/CorpusGenerator.class" ]; then
    say "compiling the corpus generator (mvn test-compile)"
    "$MVN" -q test-compile
  fi
  mkdir -p "$WORK/gen/io/tidings/bench"
  cp "$GEN_CLASSES"/CorpusGenerator*.class "$WORK/gen/io/tidings/bench/"
  rm -f "$MARKER"
  say "corpus: writing $(group "$N") articles into $CORPUS (once; later runs reuse it)"
  java -cp "$WORK/gen" io.tidings.bench.CorpusGenerator "$CORPUS" "$N" "$SEED"
  [ "$(find "$CORPUS" -type f -name '*.txt' | wc -l)" -eq "$N" ] \
    || die "$CORPUS does not hold exactly $N .txt files (stray files? delete the folder)"
  echo "$N files, seed $SEED" > "$MARKER"
fi

SERVER_PORT=""
SERVER_LOG=""
# start_server LOGNAME LIMIT [VAR=VALUE...]: starts Tidings on the corpus, waits for /health = 200;
# after LIMIT seconds, fails (returns 1) with the server stopped.
start_server() {
  local name=$1 limit=$2 t0 t1 code
  shift 2
  SERVER_PORT=$(free_port)
  SERVER_LOG="$WORK/$name.log"
  t0=$(date +%s.%N)
  # From the temp dir, so that the project's conf/config.yaml plays no part: defaults + env.
  (cd "$WORK" && exec env "$@" TIDINGS_HTTP_HOST=$HOST java $JAVA_OPTS -jar "$WORK/tidings.jar" \
    --content "$CORPUS" --port "$SERVER_PORT" >"$SERVER_LOG" 2>&1) &
  SERVER_PID=$!
  while :; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      tail -20 "$SERVER_LOG" >&2
      die "Tidings exited during start-up (log above)"
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$HOST:$SERVER_PORT/health" || true)
    [ "$code" = 200 ] && break
    if awk -v a="$t0" -v b="$(date +%s.%N)" -v m="$limit" 'BEGIN { exit !(b - a > m) }'; then
      say "tidings: no /health = 200 after $limit s; last log lines:"
      tail -3 "$SERVER_LOG"
      stop_pid "$SERVER_PID"
      SERVER_PID=""
      return 1
    fi
    sleep 0.25
  done
  t1=$(date +%s.%N)
  SCAN_SECONDS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  local articles
  articles=$(curl -s "http://$HOST:$SERVER_PORT/status" | sed -n 's/^ *"articles" *: *\([0-9]*\).*/\1/p' | head -1)
  say "tidings: pid $SERVER_PID on $HOST:$SERVER_PORT ($*${*:+, }$JAVA_OPTS):" \
    "/health = 200 after ${SCAN_SECONDS} s (JVM start + first scan of $(group "$N") files," \
    "${articles:-?} articles served)"
}

say "== Tidings feed load benchmark =="
say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start;" \
  "$(java -version 2>&1 | head -1); $($NGINX -v 2>&1 | sed 's/^nginx version: //'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
say "caveat: wrk, Tidings and nginx share these $(nproc) cores (and any other load on the machine):" \
  "the figures compare the two servers under the same handicap, they are not capacity figures."
start_server tidings "$SCAN_TIMEOUT" || die "the first scan took longer than BENCH_SCAN_TIMEOUT=$SCAN_TIMEOUT s"
FIRST_SCAN=$SCAN_SECONDS

# ---- 3. the same bytes in nginx ---------------------------------------------------------------

# Benchmarked feeds: path on both servers | file name under nginx's root.
FEEDS=("/feed.atom" "/topics/ai/feed.rss")
WWW="$WORK/www"
mkdir -p "$WWW"
etag_of() { sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p' "$1" | head -1; }
declare -A T_ETAG T_GZ_ETAG N_ETAG N_GZ_ETAG SIZE GZ_SIZE
for f in "${FEEDS[@]}"; do
  mkdir -p "$WWW$(dirname "$f")"
  curl -sf -D "$WORK/h" -o "$WWW$f" "http://$HOST:$SERVER_PORT$f" || die "GET $f failed"
  T_ETAG[$f]=$(etag_of "$WORK/h")
  curl -sf -D "$WORK/h" -o "$WWW$f.gz" -H 'Accept-Encoding: gzip' "http://$HOST:$SERVER_PORT$f" \
    || die "GET $f (gzip) failed"
  T_GZ_ETAG[$f]=$(etag_of "$WORK/h")
  grep -qi '^content-encoding: *gzip' "$WORK/h" || die "$f: no gzip variant from Tidings"
  gzip -dc "$WWW$f.gz" | cmp -s - "$WWW$f" || die "$f: the gzip variant is not the identity bytes"
  SIZE[$f]=$(stat -c %s "$WWW$f")
  GZ_SIZE[$f]=$(stat -c %s "$WWW$f.gz")
  touch -r "$WWW$f" "$WWW$f.gz" # gzip_static wants them alike; keeps nginx's ETags stable
done


# The same server with the HTTP latency histograms off (metrics.httpHistograms: false), on the same
# corpus, for what the histograms cost (measured beside the other in the same rounds).
HIST_PID=$SERVER_PID
HIST_PORT=$SERVER_PORT
SERVER_PID=""
start_server tidings-nohist "$SCAN_TIMEOUT" TIDINGS_METRICS_HTTP_HISTOGRAMS=false \
  || die "the second server's scan took longer than BENCH_SCAN_TIMEOUT=$SCAN_TIMEOUT s"
NOHIST_PID=$SERVER_PID
NOHIST_PORT=$SERVER_PORT
SERVER_PID=$HIST_PID
SERVER_PORT=$HIST_PORT
# Its own tags (its port is in the feeds' self links, so its bytes differ from the other's).
declare -A NH_GZ_ETAG
for f in "${FEEDS[@]}"; do
  curl -sf -D "$WORK/h" -o "$WORK/body" -H 'Accept-Encoding: gzip' "http://$HOST:$NOHIST_PORT$f" \
    || die "GET $f (gzip, histograms off) failed"
  NH_GZ_ETAG[$f]=$(etag_of "$WORK/h")
  [ "$(stat -c %s "$WORK/body")" -gt 0 ] || die "$f: empty answer with the histograms off"
done

# start_nginx NAME WORKERS: a private nginx (own prefix, config, pid) on a free port, serving $WWW.
declare -A NGINX_PORT_OF
start_nginx() {
  local name=$1 workers=$2 port dir i pid
  port=$(free_port)
  dir="$WORK/$name"
  mkdir -p "$dir/logs" "$dir/tmp"
  cat > "$dir/nginx.conf" <<EOF
# Generated by src/test/bench/load.sh; private to this run.
daemon off;
worker_processes $workers;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 75s;
  keepalive_requests 100000000;
  server_tokens off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  open_file_cache max=100 inactive=10m;
  open_file_cache_valid 10m;
  server {
    listen $HOST:$port;
    root $WWW;
    gzip off;
    gzip_static on;
    gzip_vary on;
    etag on;
    add_header Cache-Control "public, max-age=60";
    add_header Access-Control-Allow-Origin "*";
    add_header X-Content-Type-Options "nosniff";
    location ~ \.atom\$ { types { } default_type "application/atom+xml; charset=utf-8"; }
    location ~ \.rss\$ { types { } default_type "application/rss+xml; charset=utf-8"; }
  }
}
EOF
  # -e (nginx >= 1.19.5): its start-up error log in the temp dir too, not in /var/log/nginx.
  local args=(-p "$dir" -c "$dir/nginx.conf")
  if "$NGINX" -h 2>&1 | grep -q -- ' -e '; then
    args+=(-e "$dir/logs/error.log")
  fi
  "$NGINX" -t -q "${args[@]}" || die "nginx rejects $dir/nginx.conf"
  "$NGINX" "${args[@]}" &
  pid=$!
  NGINX_PIDS+=("$pid")
  for i in $(seq 1 50); do
    curl -s -o /dev/null "http://$HOST:$port/" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || die "nginx exited: $(cat "$dir/logs/error.log" 2>/dev/null)"
    sleep 0.1
  done
  NGINX_PORT_OF[$name]=$port
  say "nginx ($name): pid $pid on $HOST:$port, worker_processes $workers, gzip_static"
}
start_nginx nginx-1w 1
start_nginx nginx-2w 2
NGINX_PORT=${NGINX_PORT_OF[nginx-1w]}

for f in "${FEEDS[@]}"; do
  for n in nginx-1w nginx-2w; do
    port=${NGINX_PORT_OF[$n]}
    curl -sf -D "$WORK/h" -o "$WORK/body" "http://$HOST:$port$f" || die "$n: GET $f failed"
    cmp -s "$WORK/body" "$WWW$f" || die "$n: $f is not the bytes of Tidings"
    N_ETAG[$f]=$(etag_of "$WORK/h")
    curl -sf -D "$WORK/h" -o "$WORK/body" -H 'Accept-Encoding: gzip' "http://$HOST:$port$f" \
      || die "$n: GET $f (gzip) failed"
    grep -qi '^content-encoding: *gzip' "$WORK/h" || die "$n: $f: gzip_static did not answer"
    cmp -s "$WORK/body" "$WWW$f.gz" || die "$n: $f.gz is not the gzip bytes of Tidings"
    N_GZ_ETAG[$f]=$(etag_of "$WORK/h")
  done
done
say "both nginx serve the bytes Tidings sent:"
for f in "${FEEDS[@]}"; do
  say "  $f: $(group "${SIZE[$f]}") bytes, gzip $(group "${GZ_SIZE[$f]}") bytes;" \
    "ETags tidings ${T_ETAG[$f]} / ${T_GZ_ETAG[$f]}, nginx ${N_ETAG[$f]} / ${N_GZ_ETAG[$f]}"
done

# Each server answers 304 to its own ETag (checked before it is measured).
check_304() { # check_304 URL ETAG [gzip]
  local code
  if [ "${3:-}" = gzip ]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $2" -H 'Accept-Encoding: gzip' "$1")
  else
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $2" "$1")
  fi
  [ "$code" = 304 ] || die "$1 with If-None-Match: $2 answered $code, not 304"
}
F304=/feed.atom
check_304 "http://$HOST:$SERVER_PORT$F304" "${T_GZ_ETAG[$F304]}" gzip
check_304 "http://$HOST:$NOHIST_PORT$F304" "${NH_GZ_ETAG[$F304]}" gzip
check_304 "http://$HOST:${NGINX_PORT_OF[nginx-1w]}$F304" "${N_GZ_ETAG[$F304]}" gzip
check_304 "http://$HOST:${NGINX_PORT_OF[nginx-2w]}$F304" "${N_GZ_ETAG[$F304]}" gzip

# ---- 4. measurements --------------------------------------------------------------------------

# wrk_run OUTFILE WRK-ARGS...: runs wrk in the background (so that Ctrl-C and the EXIT trap reach it).
wrk_run() {
  local out=$1
  shift
  wrk "$@" > "$out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || { cat "$out" >&2; die "wrk failed: wrk $*"; }
  WRK_PID=""
}
rps_of() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
problems_of() { # socket errors and unexpected statuses, or nothing
  grep -E 'Socket errors|Non-2xx or 3xx' "$1" | sed 's/^ *//' | paste -sd';' - || true
}
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 }
  END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# The four servers measured side by side: Tidings (histograms on, off) and nginx (1, 2 workers).
SERVERS=(tidings tidings-nohist nginx-1w nginx-2w)
declare -A PORT_OF=([tidings]=$SERVER_PORT [tidings-nohist]=$NOHIST_PORT
  [nginx-1w]=${NGINX_PORT_OF[nginx-1w]} [nginx-2w]=${NGINX_PORT_OF[nginx-2w]})

declare -A TAG_OF=()
# compare LABEL PATH TIDINGS-HEADER-ARGS -- NGINX-HEADER-ARGS: a warm-up of each server, then
# ROUNDS rounds of one run of each, in an order that rotates from round to round (so that no
# server always runs first, or right after the same one, while the background load drifts);
# the median of each server's runs is its figure.
declare -A RESULT
compare() {
  local label=$1 path=$2 r k s rps
  shift 2
  local targs=() nargs=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do targs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  nargs=("$@")
  local -A runs=()
  local notes="" line
  args_of() { # the header arguments of server $1, one a line (none: no line); @TAG@ is its ETag
    local x
    case $1 in
      tidings*) [ ${#targs[@]} -eq 0 ] || for x in "${targs[@]}"; do printf '%s\n' "${x//@TAG@/${TAG_OF[$1]:-}}"; done ;;
      *) [ ${#nargs[@]} -eq 0 ] || for x in "${nargs[@]}"; do printf '%s\n' "${x//@TAG@/${TAG_OF[$1]:-}}"; done ;;
    esac
  }
  for s in "${SERVERS[@]}"; do
    mapfile -t a < <(args_of "$s")
    wrk_run "$WORK/wrk.out" -t"$THREADS" -c"$CONNS" -d"$WARMUP" "${a[@]}" "http://$HOST:${PORT_OF[$s]}$path"
  done
  for r in $(seq 1 "$ROUNDS"); do
    line="    round $r (load $(loadavg)):"
    for k in 0 1 2 3; do
      s=${SERVERS[$(( (k + r - 1) % 4 ))]}
      mapfile -t a < <(args_of "$s")
      wrk_run "$WORK/wrk.out" -t"$THREADS" -c"$CONNS" -d"$DURATION" "${a[@]}" "http://$HOST:${PORT_OF[$s]}$path"
      rps=$(rps_of "$WORK/wrk.out")
      [ -n "$(problems_of "$WORK/wrk.out")" ] && notes="$notes $s round $r: $(problems_of "$WORK/wrk.out");"
      runs[$s]="${runs[$s]:-} $rps"
      line="$line $s $(group "$rps")"
    done
    say "$line"
  done
  local t o n1 n2
  # shellcheck disable=SC2086
  t=$(median ${runs[tidings]}); o=$(median ${runs[tidings-nohist]})
  # shellcheck disable=SC2086
  n1=$(median ${runs[nginx-1w]}); n2=$(median ${runs[nginx-2w]})
  local r1 r2 o1 o2 verdict
  r1=$(ratio "$t" "$n1"); r2=$(ratio "$t" "$n2"); o1=$(ratio "$o" "$n1"); o2=$(ratio "$o" "$n2")
  verdict="vs nginx 1 worker: $(awk -v r="$r1" 'BEGIN { print (r >= 0.9 ? "met" : "not met") }')"
  verdict="$verdict, vs 2 workers: $(awk -v r="$r2" 'BEGIN { print (r >= 0.9 ? "met" : "not met") }')"
  RESULT[$label]="$label: tidings $(group "$t") req/s (histograms off $(group "$o"): on/off $(ratio "$t" "$o"));"
  RESULT[$label]="${RESULT[$label]} nginx 1 worker $(group "$n1") (ratio $r1, off $o1), 2 workers $(group "$n2")"
  RESULT[$label]="${RESULT[$label]} (ratio $r2, off $o2); aim >= 0.9 $verdict${notes:+ [errors:$notes]}"
  say "  ${RESULT[$label]}"
}

say ""
say "-- throughput: wrk -t$THREADS -c$CONNS -d$DURATION, keep-alive; per figure a $WARMUP warm-up of each" \
  "server, then $ROUNDS rounds of one run each (order rotating), median of the rounds --"
ORDER=()
for f in "${FEEDS[@]}"; do
  say "  $f identity:"
  L="cached feed $f (identity, $(group "${SIZE[$f]}") bytes)"
  ORDER+=("$L")
  compare "$L" "$f" --
  say "  $f gzip:"
  L="cached feed $f (gzip, $(group "${GZ_SIZE[$f]}") bytes)"
  ORDER+=("$L")
  compare "$L" "$f" -H 'Accept-Encoding: gzip' -- -H 'Accept-Encoding: gzip'
done
say "  $F304 If-None-Match (gzip variant, each server its own ETag):"
L="304 Not Modified $F304 (If-None-Match + Accept-Encoding: gzip)"
ORDER+=("$L")
declare -A TAG_OF=([tidings]=${T_GZ_ETAG[$F304]} [tidings-nohist]=${NH_GZ_ETAG[$F304]}
  [nginx-1w]=${N_GZ_ETAG[$F304]} [nginx-2w]=${N_GZ_ETAG[$F304]})
compare "$L" "$F304" -H "If-None-Match: @TAG@" -H 'Accept-Encoding: gzip' -- \
  -H "If-None-Match: @TAG@" -H 'Accept-Encoding: gzip'
stop_pid "$NOHIST_PID"
NOHIST_PID=""
if [ "$UNCACHED" != 1 ]; then
  say ""
  say "(uncached renders not measured: BENCH_UNCACHED=$UNCACHED)"
fi

if [ "$UNCACHED" = 1 ]; then
# -- uncached filtered renders --
# Topic keys as the server itself names them (Atom category terms of the topic scheme), one per
# article occurrence, so popular topics come up more often; words from the same articles' titles
# and summaries (3+ letters, no function words), one per occurrence. Every (topic, word) pair is
# asked once only, so every request misses the render cache (the cache stays on).
curl -sf "http://$HOST:$SERVER_PORT/feed.atom?limit=500" -o "$WORK/sample.atom" || die "GET /feed.atom?limit=500 failed"
for c in business technology science world opinion sports culture; do
  curl -sf "http://$HOST:$SERVER_PORT/feed.atom?limit=300&category=$c" >> "$WORK/sample.atom" || true
done
grep -o 'category term="[^"]*" label="[^"]*" scheme="[^"]*/topics/"' "$WORK/sample.atom" \
  | sed 's/^category term="\([^"]*\)".*/\1/' > "$WORK/topics.txt"
# titles and summaries (one entry per line first, since the feed is on one line)
sed 's/<entry>/\n/g' "$WORK/sample.atom" \
  | sed -n 's/.*<title type="text">\([^<]*\)<\/title>.*<summary type="text">\([^<]*\)<\/summary>.*/\1 \2/p' \
  | tr 'A-Z' 'a-z' | tr -cs 'a-z' '\n' \
  | awk 'BEGIN { split("the of to and in a for on with as at by from after over about into amid against its their more than up out but could will may why how what is are was be not this that new amp lt gt quot", s, " "); for (i in s) stop[s[i]] = 1 }
         length($0) >= 3 && !($0 in stop)' > "$WORK/words.txt"
NT=$(sort -u "$WORK/topics.txt" | wc -l)
NW=$(sort -u "$WORK/words.txt" | wc -l)
[ "$NT" -gt 0 ] && [ "$NW" -gt 0 ] || die "could not sample topics and words from the feeds"
# 60,000 distinct pairs, drawn by frequency (topic x word), in random order, fixed seed.
awk -v seed=7 -v want=60000 '
  FNR == NR { t[nt++] = $0; next }
  { w[nw++] = $0 }
  END { srand(seed); tries = 0
        while (n < want && tries++ < want * 40) {
          k = t[int(rand() * nt)] "\t" w[int(rand() * nw)]
          if (!(k in seen)) { seen[k] = 1; print k; n++ } } }' \
  "$WORK/topics.txt" "$WORK/words.txt" > "$WORK/pairs.txt"
NP=$(wc -l < "$WORK/pairs.txt")

NEXT=1 # next line of pairs.txt that wrk may use
LAT_RESULTS=()
# latency LABEL CONNECTIONS RUNS DURATION WARMUP: a warm-up of WARMUP (none when 0), then RUNS runs
# with -t1 -cCONNECTIONS --latency; keeps the run with the best p99.
latency() {
  local label=$1 conns=$2 runs=$3 duration=$4 warmup=$5 i out p50 p99 rps used first best_p99="" best_line=""
  # -t1: one wrk thread walks pairs.txt in order, so no pair is ever asked twice.
  if [ "$warmup" != 0 ]; then
    wrk_run "$WORK/wrk.out" -t1 -c"$conns" -d"$warmup" -s "$BENCH_DIR/uncached.lua" \
      "http://$HOST:$SERVER_PORT" -- "$WORK/pairs.txt" "$NEXT"
    used=$(awk '/^PAIRS_USED/ { print $2 }' "$WORK/wrk.out")
    NEXT=$((NEXT + ${used:-0}))
  fi
  for i in $(seq 1 "$runs"); do
    wrk_run "$WORK/wrk.out" -t1 -c"$conns" -d"$duration" --latency -s "$BENCH_DIR/uncached.lua" \
      "http://$HOST:$SERVER_PORT" -- "$WORK/pairs.txt" "$NEXT"
    used=$(awk '/^PAIRS_USED/ { print $2 }' "$WORK/wrk.out")
    first=$(sed -n 's/^PAIRS_USED [0-9]* //p' "$WORK/wrk.out")
    NEXT=$((NEXT + ${used:-0}))
    p50=$(awk '$1 == "50%" { print $2 }' "$WORK/wrk.out" | tail -1)
    p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.out" | tail -1)
    rps=$(rps_of "$WORK/wrk.out")
    p50=$(to_ms "$p50")
    p99=$(to_ms "$p99")
    local pr
    pr=$(problems_of "$WORK/wrk.out")
    say "    run $i: p50 $p50 ms, p99 $p99 ms, $(group "$rps") req/s, $(group "${used:-0}") queries," \
      "${first:-?}${pr:+; $pr}"
    if [ -z "$best_p99" ] || awk -v a="$p99" -v b="$best_p99" 'BEGIN { exit !(a < b) }'; then
      best_p99=$p99
      local verdict="misses the aim"
      awk -v r="$p99" 'BEGIN { exit !(r < 10) }' && verdict="meets the aim"
      best_line="$label: p50 $p50 ms, p99 $p99 ms (aim p99 < 10 ms: $verdict); $(group "$rps") req/s at -c$conns${pr:+ [$pr]}"
    fi
  done
  LAT_RESULTS+=("$best_line")
  say "  $best_line"
}
to_ms() { # wrk latency (850.00us, 2.10ms, 1.02s) -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

say ""
say "-- uncached 50-item filtered renders: /feed.rss?topic=<random topic key>&q=<random word>&limit=50 --"
say "   $NT topic keys and $(group "$NW") words sampled from $(group "$(grep -o '<entry>' "$WORK/sample.atom" | wc -l)") feed" \
  "entries (by frequency); $(group "$NP") distinct pairs, each asked once: every request misses the cache."
say "   wrk -t1 -c$LAT_CONNS -d$LAT_DURATION --latency ($LAT_CONNS connections, so that queueing does not" \
  "dominate the latency), best p99 of $RUNS runs after a 5 s warm-up; then -c1 -d$C1_DURATION: one" \
  "request at a time, the render time without any queue (Tidings renders on $(nproc) threads)."
latency "uncached 50-item filtered render (render cache on, every query new)" "$LAT_CONNS" "$RUNS" "$LAT_DURATION" 5s
latency "uncached 50-item filtered render, one at a time (-c1, render cache on)" 1 1 "$C1_DURATION" 0

# What those queries returned: 40 of the pairs wrk asked for, asked again (mostly cache hits now).
if [ "$NEXT" -gt 1 ]; then
  awk -v n=$((NEXT - 1)) 'BEGIN { srand(11); for (i = 0; i < 40; i++) print 1 + int(rand() * n) }' \
    | sort -n | awk 'FNR == NR { want[$1] = 1; next } FNR in want' - "$WORK/pairs.txt" \
    | while IFS=$'\t' read -r t w; do
        te=$(printf '%s' "$t" | od -An -tx1 | tr -s ' \n' ' ' | sed 's/ *$//; s/ /%/g')
        { curl -s "http://$HOST:$SERVER_PORT/feed.rss?topic=$te&q=$w&limit=50" | grep -o '<item>' || true; } | wc -l
      done > "$WORK/items.txt"
  say "   those queries returned $(awk '{ s += $1 } END { printf "%.1f", s / NR }' "$WORK/items.txt") items on" \
    "average ($(awk '$1 == 50 { f++ } END { print f + 0 }' "$WORK/items.txt") of $(wc -l < "$WORK/items.txt")" \
    "sampled ones a full 50-item feed; the others scanned their whole topic)"
fi

# Optionally the same with the render cache off (a restart: costs a second scan).
if [ "$NOCACHE" = auto ]; then
  if awk -v s="$FIRST_SCAN" 'BEGIN { exit !(s < 45) }'; then NOCACHE=1; else NOCACHE=0; fi
  [ "$NOCACHE" = 0 ] && say "   (not repeated with TIDINGS_FEEDS_CACHE_ENTRIES=0: the scan took $FIRST_SCAN s;" \
    "BENCH_NOCACHE=1 forces it)"
fi
if [ "$NOCACHE" = 1 ]; then
  stop_pid "$SERVER_PID"
  SERVER_PID=""
  say ""
  # Bounded: a second scan that is much slower than the first (a busy machine) skips the variant.
  LIMIT=$(awk -v s="$FIRST_SCAN" 'BEGIN { l = 2 * s; if (l < 90) l = 90; printf "%d", l }')
  if start_server tidings-nocache "$LIMIT" TIDINGS_FEEDS_CACHE_ENTRIES=0; then
    NEXT=1
    latency "uncached 50-item filtered render (TIDINGS_FEEDS_CACHE_ENTRIES=0)" "$LAT_CONNS" "$RUNS" \
      "$LAT_DURATION" 5s
    latency "uncached 50-item filtered render, one at a time (-c1, TIDINGS_FEEDS_CACHE_ENTRIES=0)" 1 1 \
      "$C1_DURATION" 0
  else
    say "   (TIDINGS_FEEDS_CACHE_ENTRIES=0 variant skipped: its scan took longer than $LIMIT s)"
  fi
fi

fi # BENCH_UNCACHED

# ---- 5. summary -------------------------------------------------------------------------------

say ""
say "== summary ($(group "$N") articles; $(nproc) cores shared by wrk, Tidings and nginx;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) now) =="
for L in "${ORDER[@]}"; do
  say "${RESULT[$L]}"
done
say "(ratio: tidings with histograms / nginx; off: tidings without histograms / nginx; on/off: what" \
  "the latency histograms leave of the throughput)"
for L in "${LAT_RESULTS[@]}"; do
  say "$L"
done
CHANGES=$(cat "$WORK"/tidings*.log | grep -c ' changed: ' || true)
if [ "${CHANGES:-0}" -gt 0 ]; then
  say "warning: the server saw $CHANGES corpus change(s) during the run (is ingest.sh editing the same" \
    "corpus?); each may have dropped cached feeds and so lowered the cached figures"
else
  say "no corpus file changed during the run"
fi
say "first scan of $(group "$N") files: $FIRST_SCAN s to /health = 200;" \
  "whole benchmark: $(( $(date +%s) - T_START )) s"
