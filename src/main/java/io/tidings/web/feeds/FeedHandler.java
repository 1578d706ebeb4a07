package io.tidings.web.feeds;

import io.tidings.catalog.Snapshot;
import io.tidings.feed.BadQueryException;
import io.tidings.feed.FeedFormat;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.FeedRequest;
import io.tidings.feed.FeedService;
import io.tidings.feed.Scope;
import io.tidings.web.http.BaseUrl;
import io.tidings.web.http.FeedFastPath;
import io.tidings.web.http.QueryParams;
import io.tidings.web.http.Representation;
import io.tidings.web.http.RepresentationCache;
import io.tidings.web.http.Responses;
import io.tidings.web.http.SecurityPolicy;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Every feed URL: parses the format and query, answers from the render cache on the event loop
 * when it can, else waits for the one render of that feed, then serves it like a good feed host
 * (ETag, Last-Modified, 304, gzip, Cache-Control, CORS, HEAD).
 */
public final class FeedHandler implements Handler<RoutingContext> {
  private final FeedService feeds;
  private final RepresentationCache cache;
  private final Supplier<Snapshot> snapshot;
  private final BaseUrl baseUrl;
  private final String cacheControl;
  private final Responses.Policy policy;
  /** What the path's first group names. */
  private final Scope scope;
  /** The route's template (metrics, access log). */
  private final String template;
  /** Told of each URI answered with a feed, or null. */
  private final FeedFastPath fastPath;

  public FeedHandler(FeedService feeds, RepresentationCache cache, Supplier<Snapshot> snapshot,
      BaseUrl baseUrl, long maxAgeSeconds, Scope scope) {
    this(feeds, cache, snapshot, baseUrl, maxAgeSeconds, scope, null, null);
  }

  /**
   * @param template the route's template, which {@code fastPath} names requests by
   * @param fastPath told of each URI answered with a cached feed; null for none
   */
  public FeedHandler(FeedService feeds, RepresentationCache cache, Supplier<Snapshot> snapshot,
      BaseUrl baseUrl, long maxAgeSeconds, Scope scope, String template,
      FeedFastPath fastPath) {
    this.template = template;
    this.fastPath = fastPath;
    this.feeds = feeds;
    this.cache = cache;
    this.snapshot = snapshot;
    this.baseUrl = baseUrl;
    this.cacheControl = "public, max-age=" + maxAgeSeconds;
    this.policy = new Responses.Policy(cacheControl, true);
    this.scope = scope;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String ext = ctx.pathParam(scope == Scope.ALL ? "param0" : "param1");
    FeedFormat format = FeedFormat.byExtension(ext);
    if (format == null) {
      ctx.fail(new HttpException(404, "unknown feed format \"feed." + ext + "\"; the formats are "
          + FeedFormat.fileNames()));
      return;
    }
    FeedRequest request;
    try {
      // Parameter names are case-insensitive (?TOPIC=ai is ?topic=ai), like their values.
      Map<String, List<String>> params = QueryParams.folded(ctx.queryParams());
      String scopeValue = scope == Scope.ALL ? "" : ctx.pathParam("param0");
      FeedQuery query = FeedQuery.parse(params, scope, scopeValue, feeds.limits());
      // The path's own key, also when the query contradicts it (/topics/ai/feed.rss?topic=x).
      String scopeKey = scope.key(scopeValue);
      request = new FeedRequest(format, scope, scopeKey, query, baseUrl.of(ctx.request()));
    } catch (BadQueryException e) {
      ctx.fail(new HttpException(400, e.getMessage()));
      return;
    }
    String canonical = canonicalTarget(ctx.request().path(), ctx.request().query(), request);
    if (canonical != null) {
      redirect(ctx, canonical);
      return;
    }
    if (fastPath != null) {
      fastPath.remember(ctx.request(), request.cacheKey(), template,
          format != FeedFormat.JSON, policy);
    }
    CompletableFuture<Representation> hit = cache.cachedFeed(request.cacheKey());
    if (hit != null) {
      send(ctx, format, hit.join());
      return;
    }
    FeedRequest asked = request;
    Future.fromCompletionStage(cache.feed(request.cacheKey(), () -> Representation.of(
            feeds.render(asked, snapshot.get()), negotiable(asked.format()))),
            ctx.vertx().getOrCreateContext())
        .onSuccess(rendered -> send(ctx, format, rendered))
        .onFailure(ctx::fail);
  }

  /** With the stylesheet on, a browser gets RSS and Atom as application/xml (Responses). */
  private boolean negotiable(FeedFormat format) {
    return feeds.stylesheet() && format != FeedFormat.JSON;
  }

  private void send(RoutingContext ctx, FeedFormat format, Representation feed) {
    if (ctx.response().closed()) {
      return;
    }
    if (format != FeedFormat.JSON) {
      SecurityPolicy.feed(ctx.response()); // a browser renders it through the XSLT: a page
    }
    Responses.send(ctx, feed, policy);
  }

  /**
   * Where a request for a feed by another spelling than its self link's (parameters in another
   * order or case, a default limit, {@code topic=AI}, {@code /topics/AI/}) is sent: the self
   * link's path and query, relative to the path asked for (so that it holds behind any host
   * and path prefix, like the stylesheet's href). Null when the request is already canonical.
   */
  String canonicalTarget(String rawPath, String rawQuery, FeedRequest request) {
    String path = request.path();
    String query = request.query().canonicalQuery(request.scope(), feeds.limits());
    String asked = rawQuery == null ? "" : rawQuery;
    if ((path.equals(rawPath) && query.equals(asked))
        || (request.scope() != Scope.ALL && request.scopeKey().isEmpty())
        || request.query().topics().contains("") || request.query().providers().contains("")) {
      // A segment of punctuation only has an empty key: no route serves its canonical path.
      // A path's topic that the query contradicts (/topics/ai/feed.rss?topic=space) is an
      // empty filter that no canonical query spells.
      return null;
    }
    int depth = (int) rawPath.chars().filter(c -> c == '/').count() - 1;
    return "../".repeat(Math.max(0, depth)) + path.substring(1)
        + (query.isEmpty() ? "" : "?" + query);
  }

  /**
   * 301 to the canonical URL: the reader then fetches the URL that the feed's rel="self" names
   * (the W3C validator's "self reference doesn't match document location"), and one URL is
   * cached per feed. HEAD gets the same answer; no body.
   */
  private void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(301)
        .putHeader("Location", location)
        .putHeader("Cache-Control", cacheControl)
        .putHeader("Access-Control-Allow-Origin", "*")
        .putHeader("Content-Length", "0")
        .end();
  }
}
