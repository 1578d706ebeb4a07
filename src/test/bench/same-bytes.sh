#!/usr/bin/env bash
# Two builds over one corpus answer every path with the same bytes: status, ETag and body of the
# feeds (all, each topic's, each provider's, at limit 500), topic and provider pages, OPML, the
# API's every page, each as a feed reader and as a browser (Accept: text/html) asks.
#
#   src/test/bench/same-bytes.sh OLD.jar NEW.jar CORPUS [PORT]
#
# For a change that must not change any output (such as how articles are held in memory).
# Reads the corpus only. Prints "compared N responses, D differ" and each difference.
set -u
OLD=$1; NEW=$2; CORPUS=$3; PORT=${4:-18420}
B=http://127.0.0.1:$PORT; A=http://127.0.0.1:$((PORT + 1))
java -Xmx1g -jar "$OLD" --port "$PORT" --content "$CORPUS" >/dev/null 2>&1 & P1=$!
java -Xmx1g -jar "$NEW" --port $((PORT + 1)) --content "$CORPUS" >/dev/null 2>&1 & P2=$!
trap 'kill $P1 $P2 2>/dev/null' EXIT
for url in $B $A; do
  until [ "$(curl -s -o /dev/null -w '%{http_code}' $url/health)" = 200 ]; do sleep 1; done
done
keys() { # the keys of /api/topics or /api/providers
  curl -s -H 'Host: tidings.test' "$B/api/$1" \
    | python3 -c "import sys, json; print(' '.join(x['key'] for x in json.load(sys.stdin)['$1']))"
}
paths=(/ /feed.rss /feed.atom /feed.json "/feed.rss?limit=500" "/feed.atom?limit=500"
  "/feed.json?limit=500" /opml "/opml?by=provider" "/opml?format=json"
  "/opml?by=provider&format=json" /api/topics /api/providers /api/articles
  "/feed.json?q=nvidia&limit=200" "/feed.rss?q=market&limit=200"
  "/api/articles?q=market&limit=100")
for t in $(keys topics); do
  paths+=("/topics/$t/feed.rss?limit=500" "/topics/$t/feed.json?limit=500" "/topics/$t")
done
for p in $(keys providers); do
  paths+=("/providers/$p/feed.atom?limit=500" "/providers/$p")
done
total=$(curl -s -H 'Host: tidings.test' "$B/status" \
  | python3 -c "import sys, json; print(json.load(sys.stdin)['articles'])")
for o in $(seq 0 100 "$total"); do paths+=("/api/articles?limit=100&offset=$o"); done
n=0; differ=0
H=$(mktemp)
one() { # status, ETag and body digest of one answer
  local sum
  sum=$(curl -s -D "$H" -H 'Host: tidings.test' -H "$2" "$1" | md5sum)
  echo "$(tr -d '\r' < "$H" | grep -iE '^(HTTP|etag)' | tr '\n' ' ')$sum"
}
for p in "${paths[@]}"; do
  for h in "Accept: */*" "Accept: text/html"; do
    b=$(one "$B$p" "$h")
    a=$(one "$A$p" "$h")
    n=$((n + 1))
    if [ "$b" != "$a" ]; then differ=$((differ + 1)); echo "differs: $h $p: $b / $a"; fi
  done
done
rm -f "$H"
echo "compared $n responses, $differ differ"
