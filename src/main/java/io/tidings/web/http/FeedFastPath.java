package io.tidings.web.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tidings.web.server.AccessLog;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.util.concurrent.CompletableFuture;

/**
 * Cached feeds without the router: a request whose raw URI and Host (the base URL of its self
 * links, see {@link BaseUrl#keyOf}) a feed route has served before goes straight to the render
 * cache's entry for it, and is answered with headers made once per entry. The cache decides
 * alone what is current: a feed that a new snapshot changed or that was evicted is not there,
 * and the request takes the router's way as before (which renders it and remembers it again).
 * The answer is the router's, byte for byte: {@link FeedResponseHeads} lists the headers in
 * the order that CommonHeaders, SecurityPolicy and {@link Responses} put them.
 *
 * <p>What it skips per request: routing, parsing the query, the feed request and its cache
 * key, the base URL, and formatting the headers. Only GET and HEAD over HTTP/1.1 with a Host
 * header take it; everything else, and every URI it has not seen answered, goes the router's
 * way.
 */
public final class FeedFastPath {
  /** URIs remembered at most, per event loop. */
  private static final int TARGETS = 10_000;

  private record Key(String uri, String host) {}

  /**
   * Where a URI leads: the feed's cache key, the route's template (metrics, access log), and
   * the headers of the last entry served from it.
   */
  private static final class Target {
    final String cacheKey;
    final String route;
    final boolean feedSecurity;
    final Responses.Policy policy;
    volatile FeedResponseHeads heads;

    Target(String cacheKey, String route, boolean feedSecurity, Responses.Policy policy) {
      this.cacheKey = cacheKey;
      this.route = route;
      this.feedSecurity = feedSecurity;
      this.policy = policy;
    }

    FeedResponseHeads heads(Representation r) {
      FeedResponseHeads h = heads;
      if (h == null || !h.isFor(r)) {
        h = new FeedResponseHeads(r, policy, feedSecurity);
        heads = h;
      }
      return h;
    }
  }

  private final RepresentationCache cache;
  private final BaseUrl baseUrl;
  private final boolean accessLog;
  private final Cache<Key, Target> targets = Caffeine.newBuilder()
      .maximumSize(TARGETS)
      .executor(Runnable::run)
      .build();

  public FeedFastPath(RepresentationCache cache, BaseUrl baseUrl, boolean accessLog) {
    this.cache = cache;
    this.baseUrl = baseUrl;
    this.accessLog = accessLog;
  }

  /** Answers {@code req} if it is a cached feed's known URI; false: the router's turn. */
  public boolean serve(HttpServerRequest req) {
    HttpMethod method = req.method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD
        || req.version() != HttpVersion.HTTP_1_1) {
      return false;
    }
    String host = baseUrl.keyOf(req);
    if (host == null) {
      return false;
    }
    Target t = targets.getIfPresent(new Key(req.uri(), host));
    if (t == null) {
      return false;
    }
    CompletableFuture<Representation> hit = cache.cachedFeed(t.cacheKey);
    if (hit == null) {
      return false;
    }
    Representation r = hit.join();
    cache.countFastHit();
    req.routed(t.route);
    if (accessLog) {
      AccessLog.begin(req, t.route);
    }
    HttpServerResponse res = req.response();
    if (res.closed()) {
      return true;
    }
    FeedResponseHeads heads = t.heads(r);
    boolean gzip = Conditional.acceptsGzip(req.getHeader(HttpHeaders.ACCEPT_ENCODING));
    CharSequence[] pairs = heads.pairs(gzip);
    boolean notModified = Conditional.notModified(req.getHeader(HttpHeaders.IF_NONE_MATCH),
        req.getHeader(HttpHeaders.IF_MODIFIED_SINCE), r.lastModified(), r::matches);
    int n = notModified ? heads.conditionalLength() : pairs.length;
    MultiMap headers = res.headers();
    for (int i = 0; i < n; i += 2) {
      headers.add(pairs[i], pairs[i + 1]);
    }
    if (notModified) {
      res.setStatusCode(304).end();
    } else if (method == HttpMethod.HEAD) {
      headers.add(FeedResponseHeads.CONTENT_LENGTH, heads.contentLength(gzip));
      res.end();
    } else {
      res.end(gzip ? r.gzip() : r.body());
    }
    return true;
  }

  /**
   * Remembers that the router's feed route {@code route} answers {@code req} with the cached
   * feed {@code cacheKey} (a request that it neither refused nor redirected).
   *
   * @param feedSecurity whether the answer carries the feed's Content-Security-Policy
   */
  public void remember(HttpServerRequest req, String cacheKey, String route,
      boolean feedSecurity, Responses.Policy policy) {
    HttpMethod method = req.method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD
        || req.version() != HttpVersion.HTTP_1_1) {
      return;
    }
    String host = baseUrl.keyOf(req);
    if (host == null) {
      return;
    }
    Key key = new Key(req.uri(), host);
    if (targets.getIfPresent(key) == null) {
      targets.put(key, new Target(cacheKey, route, feedSecurity, policy));
    }
  }
}
