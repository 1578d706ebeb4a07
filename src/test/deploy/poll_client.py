#!/usr/bin/python3
"""The failover test's client (src/test/deploy/failover.sh); Python's standard library only.

  poll_client.py poll PORT STOPFILE REPORT   conditional GETs through nginx until STOPFILE exists
  poll_client.py appears TITLE PORT...       ms until /feed.atom of each port shows TITLE
  poll_client.py same PORT...                whether every port answers a set of URLs alike
  poll_client.py forwarded NGINX PORT PATH   a conditional GET on a cache miss reaches PORT
  poll_client.py events PORT TITLE READY     /events until an `added` event names TITLE
  poll_client.py hostile NGINX PORT          forged hosts change nothing another reader gets
"""
import http.client
import json
import os
import sys
import time

# What a feed reader and a browser ask for: feeds, pages, the API, with and without gzip;
# /health is never cached, so each of its requests reaches a replica.
PATHS = ["/feed.atom", "/feed.rss", "/topics/ai/feed.json", "/providers/reuters.com/feed.rss",
         "/", "/api/topics", "/opml", "/health"]
VARIANTS = [{}, {"Accept-Encoding": "gzip"}]


def connect(port):
    return http.client.HTTPConnection("127.0.0.1", port, timeout=10)


def poll(port, stop_file, report):
    validators = {}
    counts = {"requests": 0, "failures": 0, "200": 0, "304": 0, "other": 0}
    failures = []
    conn = connect(port)
    while not os.path.exists(stop_file):
        for path in PATHS:
            for variant in VARIANTS:
                key = (path, tuple(sorted(variant.items())))
                headers = dict(variant)
                etag, modified = validators.get(key, (None, None))
                if etag:
                    headers["If-None-Match"] = etag
                if modified:
                    headers["If-Modified-Since"] = modified
                counts["requests"] += 1
                try:
                    conn.request("GET", path, headers=headers)
                    res = conn.getresponse()
                    res.read()
                    status = res.status
                    if status == 200 and path != "/health":
                        validators[key] = (res.getheader("ETag"), res.getheader("Last-Modified"))
                except (OSError, http.client.HTTPException) as e:
                    status = None
                    failures.append("%.3f %s %s: %r" % (time.time(), path, variant, e))
                    conn.close()
                    conn = connect(port)
                if status in (200, 304):
                    counts[str(status)] += 1
                elif status is not None:
                    counts["other"] += 1
                    failures.append("%.3f %s %s: status %d" % (time.time(), path, variant, status))
                if status not in (200, 304):
                    counts["failures"] += 1
                time.sleep(0.005)
    conn.close()
    counts["failed"] = failures[:20]
    with open(report, "w") as out:
        json.dump(counts, out)


def fetch(port, path, headers=None):
    conn = connect(port)
    try:
        # One Host for every replica, as a proxy sends: self links are built from it.
        if headers is None:
            headers = {"Host": "feeds.example.com"}
        conn.request("GET", path, headers=headers)
        res = conn.getresponse()
        return res.status, res.getheader("ETag"), res.read(), res.getheader("X-Cache-Status")
    finally:
        conn.close()


def appears(title, ports):
    """Prints, per port, the ms until its /feed.atom carries TITLE; exits 1 past 5 s."""
    start = time.monotonic()
    pending = set(ports)
    seen = {}
    while pending and time.monotonic() - start < 5:
        for port in sorted(pending):
            status, _, body, _ = fetch(port, "/feed.atom")
            if status == 200 and title.encode("utf-8") in body:
                seen[port] = round((time.monotonic() - start) * 1000)
                pending.discard(port)
        time.sleep(0.01)
    print(" ".join("%s:%s" % (p, seen.get(p, "never")) for p in ports))
    sys.exit(0 if not pending else 1)


def forwarded(nginx, replica, path):
    """A reader's validators on a cache miss reach a replica, whose 304 nginx must not store:
    the 304 is a MISS (nginx did not answer it from a copy of its own), and the next request
    is a MISS too (the bodiless 304 was not stored) that brings the body with that ETag."""
    host = {"Host": "127.0.0.1:%d" % nginx}  # what nginx passes on, so the same ETag
    _, etag, _, _ = fetch(replica, path, host)
    miss = fetch(nginx, path, {"If-None-Match": etag})
    after = fetch(nginx, path, {})
    print("If-None-Match %s on a cache miss: %s (%s); then without: %s, %d bytes, ETag %s (%s)"
          % (etag, miss[0], miss[3], after[0], len(after[2]), after[1], after[3]))
    ok = (miss[0] == 304 and miss[3] == "MISS" and after[0] == 200 and after[2]
          and after[1] == etag and after[3] == "MISS")
    sys.exit(0 if ok else 1)


def hostile(nginx, replica):
    """A client that forges its host cannot change what another reader gets through nginx:
    for each URL, one nobody asked for yet (a cold cache entry), the forger asks first (an
    unknown Host; a served Host with X-Forwarded-*, Forwarded; a port out of range), then a
    reader with the served Host must get the very bytes a replica gives that Host, with no
    trace of the forger. /status and /metrics are refused through nginx, however spelled."""
    problems = []
    reader = {"Host": "feeds.example.com"}
    direct = {"Host": "feeds.example.com", "X-Forwarded-Host": "feeds.example.com",
              "X-Forwarded-Proto": "http"}  # what nginx sends a replica for that reader
    forged = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https",
              "Forwarded": "host=evil.example;proto=https", "X-Forwarded-Port": "99999",
              "X-Forwarded-Prefix": "/evil"}
    attacks = [{"Host": "evil.example"}, {"Host": "evil.example", **forged},
               dict(reader, **forged), {"Host": "feeds.example.com:99999"},
               {"Host": "feeds.example.com@evil.example"}]
    paths = ["/feed.rss", "/feed.atom", "/feed.json", "/topics/ai/feed.rss", "/", "/opml",
             "/api/articles", "/api/topics"]
    for n, path in enumerate(paths):
        # A URL nobody asked for yet. Feeds answer a non-canonical query with a 301 to the
        # canonical one, so theirs is a canonical query of its own (a limit no step uses).
        if "feed." in path:
            cold = path + "?limit=%d" % (401 + n)
        else:
            cold = path + "?poison=%d%d" % (os.getpid(), n)
        for attack in attacks:
            status, _, body, _ = fetch(nginx, cold, attack)
            if b"evil" in body and status == 200:
                problems.append("%s %s: a forged host in the answer itself" % (cold, attack))
        status, etag, body, cache = fetch(nginx, cold, reader)
        want_status, want_etag, want, _ = fetch(replica, cold, direct)
        if status != 200 or want_status != 200:
            problems.append("%s: %s through nginx, %s from the replica" % (cold, status, want_status))
        elif b"evil" in body or b"https://" + b"feeds" in body or body != want or etag != want_etag:
            problems.append("%s: the reader got another body than the replica gives (%s)"
                            % (cold, cache))
        elif b"http://feeds.example.com/" not in body:
            problems.append("%s: no link to http://feeds.example.com/" % cold)
    refused = 0
    for path in ["/status", "/metrics", "/%73tatus", "/%6detrics", "//status", "/status?x=1",
                 "/./metrics", "/topics/../status", "/status;x", "/metrics/", "/status/",
                 "/metrics//", "/STATUS", "/Metrics/", "/metrics/%2e", "/status%2f"]:
        for host in ({"Host": "feeds.example.com"}, {"Host": "127.0.0.1"}, {"Host": "localhost"}):
            status, _, body, _ = fetch(nginx, path, host)
            if status == 200 or b"articles" in body or b"jvm_" in body:
                problems.append("%s %s: %d through nginx" % (path, host, status))
            refused += 1
    print("%d URLs asked first with %d forged hosts each, then by a reader: %s; /status and"
          " /metrics refused %d times" % (len(paths), len(attacks),
                                          "problems: %s" % problems if problems else
                                          "every reader got the replica's own bytes", refused))
    sys.exit(1 if problems else 0)


def same(ports):
    """Whether separate processes (started at other times) answer alike: status, validators
    and body of each of PATHS, with and without gzip, asked with one Host."""
    differ = []
    for path in PATHS + ["/feed.json", "/topics/ai/feed.atom", "/api/articles", "/assets/feed.xsl"]:
        if path == "/health":
            continue
        for variant in VARIANTS:
            seen = set()
            for port in ports:
                conn = connect(port)
                conn.request("GET", path, headers=dict(variant, Host="feeds.example.com"))
                res = conn.getresponse()
                seen.add((res.status, res.getheader("ETag"), res.getheader("Last-Modified"),
                          res.getheader("Content-Type"), res.getheader("Vary"), res.read()))
                conn.close()
            if len(seen) != 1:
                differ.append("%s %s" % (path, variant))
    status, etag, _, _ = fetch(ports[0], "/feed.atom")
    print("/feed.atom ETag %s; %s" % (etag, "differ: %s" % differ if differ else
                                       "every URL alike"))
    sys.exit(1 if differ or status != 200 else 0)


def events(port, title, ready):
    """Listens on /events (through nginx); touches READY once the stream is open, then waits
    up to 15 s for an `added` event whose data names TITLE and prints the ms it took."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    conn.request("GET", "/events?topic=ai")
    res = conn.getresponse()
    if res.status != 200 or not res.getheader("Content-Type", "").startswith("text/event-stream"):
        sys.exit("GET /events answered %d %s" % (res.status, res.getheader("Content-Type")))
    open(ready, "w").close()
    start = time.monotonic()
    event = None
    while time.monotonic() - start < 15:
        line = res.fp.readline().decode("utf-8").rstrip("\r\n")
        if line.startswith("event: "):
            event = line[len("event: "):]
        elif line.startswith("data: ") and event == "added" and title in line:
            print("%d" % ((time.monotonic() - start) * 1000))
            return
        elif line == "":
            event = None
    sys.exit("no added event naming %r within 15 s" % title)


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "poll":
        poll(int(args[0]), args[1], args[2])
    elif mode == "appears":
        appears(args[0], [int(p) for p in args[1:]])
    elif mode == "forwarded":
        forwarded(int(args[0]), int(args[1]), args[2])
    elif mode == "events":
        events(int(args[0]), args[1], args[2])
    elif mode == "hostile":
        hostile(int(args[0]), int(args[1]))
    elif mode == "same":
        same([int(p) for p in args])
    else:
        sys.exit("unknown mode " + mode)
