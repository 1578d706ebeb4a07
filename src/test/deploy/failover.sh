#!/usr/bin/env bash
# Failover test: two Tidings replicas on loopback ports behind nginx configured with the
# shipped conf/deploy/nginx/tidings.conf (only ports and paths substituted). A client polls
# through nginx with conditional GETs while
#   1. an article is added: both replicas must show it within a second;
#   2. replica A gets SIGTERM, is restarted; then replica B gets SIGTERM (and an article
#      changes while it is down), is restarted and must agree with A again.
# Zero failed client requests are allowed; 304s must keep coming, and nginx must have
# revalidated its cached copies with each replica (a 304 for validators the other one gave).
# Between the two, a client that forges its host (Host, X-Forwarded-*, Forwarded) must not
# change what another reader then gets through nginx, and /status and /metrics are refused.
#
# Uses target/tidings.jar (run `mvn verify` first); installs nginx from Debian when missing.
# Runs on 127.0.0.1 only, in a temp dir, in well under 2 minutes; stops all it started.
#   FAILOVER_KEEP=1   keep the temp dir (logs, nginx config and access log)
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$PWD
JAR=$ROOT/target/tidings.jar
PY=/usr/bin/python3
CLIENT=$ROOT/src/test/deploy/poll_client.py
SHIPPED=$ROOT/conf/deploy/nginx/tidings.conf

say() { printf 'failover: %s\n' "$*"; }
# The last line is the plain tally that CI reads: this script is one test.
die() { say "FAIL: $*"; say "0 passed, 1 failed"; exit 1; }

[ -f "$JAR" ] || die "$JAR is missing: run mvn verify first"
[ -x "$PY" ] || die "$PY is missing"
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  say "installing nginx-light from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    nginx-light >/dev/null
fi
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/tidings-failover.XXXXXX)
chmod 755 "$WORK" # nginx workers may run as another user
declare -A PID=()
NGINX_ARGS=()
cleanup() {
  local rc=$?
  for r in "${!PID[@]}"; do kill -TERM "${PID[$r]}" 2>/dev/null || true; done
  for r in "${!PID[@]}"; do wait "${PID[$r]}" 2>/dev/null || true; done
  if [ ${#NGINX_ARGS[@]} -gt 0 ] && [ -f "$WORK/nginx/nginx.pid" ]; then
    kill -TERM "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  fi
  [ -n "${CLIENT_PID:-}" ] && kill "$CLIENT_PID" 2>/dev/null || true
  if [ "${FAILOVER_KEEP:-0}" = 1 ] || [ $rc -ne 0 ]; then
    say "kept $WORK (logs, nginx config, access log)"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
PORT_A=$(free_port); PORT_B=$(free_port); PORT_N=$(free_port)
declare -A PORT=([a]=$PORT_A [b]=$PORT_B)

cp -r "$ROOT/conf/content" "$WORK/content"

# A replica as the image runs it, on a loopback port; max-age 1s so that nginx revalidates
# its copies every second, alternately with each replica.
start_replica() {
  local r=$1
  TIDINGS_HTTP_HOST=127.0.0.1 TIDINGS_FEEDS_MAX_AGE=1s TIDINGS_HTTP_EVENT_LOOPS=1 \
    TIDINGS_HTTP_TRUSTED_PROXIES=127.0.0.1 \
    java -XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1 -jar "$JAR" \
    --content "$WORK/content" --port "${PORT[$r]}" >>"$WORK/replica-$r.log" 2>&1 &
  PID[$r]=$!
}
await_health() {
  local r=$1 deadline=$((SECONDS + 60))
  until $PY -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:${PORT[$r]}/health', timeout=2).status == 200 else 1)" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "replica $r not healthy within 60 s (see $WORK/replica-$r.log)"
    kill -0 "${PID[$r]}" 2>/dev/null || die "replica $r exited (see $WORK/replica-$r.log)"
    sleep 0.2
  done
}
stop_replica() {
  local r=$1 t0=$SECONDS rc=0
  kill -TERM "${PID[$r]}"
  wait "${PID[$r]}" || rc=$?
  unset "PID[$r]"
  [ $rc -eq 0 ] || die "replica $r exited $rc on SIGTERM"
  say "replica $r stopped on SIGTERM in $((SECONDS - t0)) s, exit 0"
}

# ---- nginx, with the shipped config --------------------------------------------------------
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp" "$WORK/nginx/cache"
chmod 777 "$WORK/nginx/tmp" "$WORK/nginx/cache"
# The upstream's one named server becomes the two loopback replicas, with the same parameters.
PARAMS=$(sed -n 's/^ *server tidings:8080 resolve \(.*\);$/\1/p' "$SHIPPED")
[ -n "$PARAMS" ] || die "no 'server tidings:8080 resolve ...;' line in $SHIPPED"
SERVERS="server 127.0.0.1:$PORT_A $PARAMS; server 127.0.0.1:$PORT_B $PARAMS;"
sed -e "s|^\( *\)server tidings:8080 resolve .*;|\1$SERVERS|" \
    -e "s|^\( *\)listen 80\([ ;]\)|\1listen 127.0.0.1:$PORT_N\2|" \
    -e "s|/var/cache/nginx/tidings|$WORK/nginx/cache|" \
    "$SHIPPED" >"$WORK/nginx/tidings.conf"
for want in "127.0.0.1:$PORT_A" "127.0.0.1:$PORT_B" "listen 127.0.0.1:$PORT_N;" "$WORK/nginx/cache"; do
  grep -qF "$want" "$WORK/nginx/tidings.conf" || die "could not substitute $want into a copy of $SHIPPED"
done
! grep -q "tidings:8080" "$WORK/nginx/tidings.conf" || die "the upstream of $SHIPPED was not replaced"
! grep -q "listen 80" "$WORK/nginx/tidings.conf" || die "a 'listen 80' of $SHIPPED was not replaced"
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
  log_format failover '\$msec \$status \$upstream_cache_status "\$upstream_addr" "\$upstream_status" \$request_uri';
  access_log $WORK/nginx/logs/access.log failover;
  log_subrequest on; # background revalidations too
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  include $WORK/nginx/tidings.conf;
}
NGINX
NGINX_ARGS=(-p "$WORK/nginx" -c "$WORK/nginx/nginx.conf")
"$NGINX" -h 2>&1 | grep -q -- ' -e ' && NGINX_ARGS+=(-e "$WORK/nginx/logs/error.log")
"$NGINX" -t -q "${NGINX_ARGS[@]}" || die "nginx rejects the shipped config (copy: $WORK/nginx/tidings.conf)"

# ---- run -----------------------------------------------------------------------------------
T0=$SECONDS
start_replica a; start_replica b
await_health a; await_health b
"$NGINX" "${NGINX_ARGS[@]}"
say "replicas on 127.0.0.1:$PORT_A (a) and :$PORT_B (b), nginx on :$PORT_N ($("$NGINX" -v 2>&1 | sed 's/.*\///'))"

$PY "$CLIENT" poll "$PORT_N" "$WORK/stop" "$WORK/report.json" &
CLIENT_PID=$!
poll_for() { sleep "$1"; kill -0 "$CLIENT_PID" 2>/dev/null || die "the client died"; }
poll_for 3

# 1. A new article: both replicas show it within a second, nginx soon after (max-age 1s); a
#    subscriber of /events through nginx hears of it.
$PY "$CLIENT" events "$PORT_N" "Failover drill: both replicas see this" "$WORK/events-ready" \
  >"$WORK/events.out" 2>&1 &
EVENTS_PID=$!
for _ in $(seq 50); do [ -e "$WORK/events-ready" ] && break; sleep 0.1; done
[ -e "$WORK/events-ready" ] || die "no event stream through nginx: $(cat "$WORK/events.out")"
date +%s.%N >>"$WORK/changes"
# Dated now, the newest of all (a future date would be held back by content.hideFuture).
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cat >"$WORK/content/zz-failover-news.txt" <<ARTICLE
---
title: "Failover drill: both replicas see this"
excerpt: "Written by src/test/deploy/failover.sh while a client polls through nginx."
publishedDateTime: $NOW
originalUrl: "https://example.com/failover-drill"
webUrl: "https://example.com/failover-drill"
type: article
provider:
  name: Example
  domain: example.com
topics:
  - AI
---
ARTICLE
SEEN=$($PY "$CLIENT" appears "Failover drill: both replicas see this" "$PORT_A" "$PORT_B") \
  || die "a new article did not reach both replicas within 5 s (ms per port: $SEEN)"
for ms in $(echo "$SEEN" | sed 's/[0-9]*://g'); do
  [ "$ms" -le 1000 ] || die "a replica took $ms ms (over 1 s) to show a new article: $SEEN"
done
say "new article on each replica after (port:ms) $SEEN"
VIA_NGINX=$($PY "$CLIENT" appears "Failover drill: both replicas see this" "$PORT_N") \
  || die "the new article did not come through nginx within 5 s"
say "new article through nginx after (port:ms) $VIA_NGINX"
wait "$EVENTS_PID" || die "the event stream through nginx: $(cat "$WORK/events.out")"
say "event stream through nginx: added after $(cat "$WORK/events.out") ms"
FWD=$($PY "$CLIENT" forwarded "$PORT_N" "$PORT_A" /topics/space/feed.atom) \
  || die "a reader's If-None-Match on a cache miss: $FWD"
grep -q ' 304 MISS "[^"]*" "304" /topics/space/feed.atom$' "$WORK/nginx/logs/access.log" \
  || die "nginx did not pass a reader's If-None-Match on to the replica (no upstream 304)"
say "$FWD; the replica answered the 304"
HOSTILE=$($PY "$CLIENT" hostile "$PORT_N" "$PORT_A") || die "a forged host: $HOSTILE"
say "$HOSTILE"
poll_for 2

# 2. SIGTERM one replica, keep polling, restart it; then the other.
stop_replica a
poll_for 3
start_replica a; await_health a
say "replica a back"
poll_for 3
stop_replica b
date +%s.%N >>"$WORK/changes"
sed -i 's/^title: "Failover drill: both replicas see this"/title: "Failover drill: changed while b was down"/' \
  "$WORK/content/zz-failover-news.txt"
poll_for 3
start_replica b; await_health b
say "replica b back"
$PY "$CLIENT" appears "Failover drill: changed while b was down" "$PORT_A" "$PORT_B" >/dev/null \
  || die "the change made while b was down is not on both replicas"
AGREE=$($PY "$CLIENT" same "$PORT_A" "$PORT_B") || die "replicas disagree after the restarts: $AGREE"
say "replicas agree after the restarts: $AGREE"
poll_for 3
touch "$WORK/stop"
wait "$CLIENT_PID" || die "the client failed"
CLIENT_PID=""

# ---- figures -------------------------------------------------------------------------------
if ! $PY - "$WORK/report.json" "$WORK/nginx/logs/access.log" "$PORT_A" "$PORT_B" "$((SECONDS - T0))" \
  "$WORK/changes" <<'PY'
import json, sys
report, log, port_a, port_b, seconds, changes = sys.argv[1:]
r = json.load(open(report))
changed_at = [float(t) for t in open(changes)]
# A cached copy revalidated with the other replica must come back 304 unless the content
# changed just before: a fresh body at any other time means the replicas disagree.
unexpected = []
hits = {"a": 0, "b": 0}
revalidated = {"a": 0, "b": 0}
fresh = {"a": 0, "b": 0}
failovers = stale = cached = 0
for line in open(log):
    parts = line.split('"')
    head = parts[0].split()
    cache_status = head[2]
    addrs = [a.strip() for a in parts[1].split(",")]
    statuses = [s.strip() for s in parts[3].split(",")]
    if len(addrs) > 1:
        failovers += 1
    if cache_status == "STALE":
        stale += 1
    if cache_status == "HIT":
        cached += 1
    at, path = float(head[0]), parts[4].strip()
    if (cache_status in ("EXPIRED", "REVALIDATED") and statuses[-1] == "200"
            and not any(t <= at <= t + 10 for t in changed_at)):
        unexpected.append(line.strip())
    for addr, st in zip(addrs, statuses):
        name = "a" if addr.endswith(":" + port_a) else "b" if addr.endswith(":" + port_b) else None
        if name:
            hits[name] += 1
            if st == "304":
                revalidated[name] += 1
            elif st == "200":
                fresh[name] += 1
print("failover: client: %d requests in %s s, %d failed, %d answered 200, %d answered 304"
      % (r["requests"], seconds, r["failures"], r["200"], r["304"]))
print("failover: nginx: %d answered from its cache (%d stale while it revalidated); upstream"
      " requests a=%d b=%d; 304s to its revalidations a=%d b=%d; 200s a=%d b=%d (/health, misses,"
      " changes); requests retried on the other replica %d"
      % (cached + stale, stale, hits["a"], hits["b"], revalidated["a"], revalidated["b"],
         fresh["a"], fresh["b"], failovers))
problems = []
if r["failures"]:
    problems.append("%d client requests failed: %s" % (r["failures"], r["failed"]))
if r["304"] == 0:
    problems.append("no 304 reached the client")
if min(revalidated.values()) == 0:
    problems.append("a replica never confirmed a cached copy with a 304: %s" % revalidated)
if min(hits.values()) == 0:
    problems.append("a replica got no request: %s" % hits)
if unexpected:
    problems.append("%d revalidations got a new body though nothing had changed (replicas"
                    " disagree?): %s" % (len(unexpected), unexpected[:5]))
for p in problems:
    print("failover: FAIL: " + p)
sys.exit(1 if problems else 0)
PY
then
  die "the figures above fall short"
fi
say "1 passed, 0 failed"
