package io.tidings.web;

import io.tidings.feed.BadQueryException;
import io.tidings.feed.FeedFormat;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.FeedRequest;
import io.tidings.feed.FeedService;
import io.tidings.feed.RenderedFeed;
import io.tidings.feed.Scope;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.netty.buffer.Unpooled;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every feed URL: parses the format and query, answers from the render cache on the event loop
 * when it can, else waits for the one render of that feed, then serves it like a good feed host
 * (ETag, Last-Modified, 304, gzip, Cache-Control, CORS, HEAD).
 */
final class FeedHandler implements Handler<RoutingContext> {
  /** What browsers apply a feed's XSLT to. */
  static final String BROWSER_TYPE = "application/xml; charset=utf-8";
  /** The version of the snapshot whose rendering the response is (README, "HTTP"). */
  static final String SNAPSHOT_HEADER = "X-Tidings-Snapshot";

  private final FeedService feeds;
  private final BaseUrl baseUrl;
  private final String cacheControl;
  /** What the path's first group names. */
  private final Scope scope;
  private final boolean stylesheet;

  FeedHandler(FeedService feeds, BaseUrl baseUrl, long maxAgeSeconds, Scope scope,
      boolean stylesheet) {
    this.stylesheet = stylesheet;
    this.feeds = feeds;
    this.baseUrl = baseUrl;
    this.cacheControl = "public, max-age=" + maxAgeSeconds;
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
    // One cache lookup per request, so that hits + misses in /metrics count feed requests;
    // a hit comes back completed and is answered at once.
    CompletableFuture<RenderedFeed> feed = feeds.get(request);
    if (feed.isDone() && !feed.isCompletedExceptionally()) {
      send(ctx, feed.join());
      return;
    }
    Future.fromCompletionStage(feed, ctx.vertx().getOrCreateContext())
        .onSuccess(rendered -> send(ctx, rendered))
        .onFailure(ctx::fail);
  }

  private void send(RoutingContext ctx, RenderedFeed feed) {
    if (ctx.response().closed()) {
      return;
    }
    boolean gzip = Conditional.acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
    // With the stylesheet on, a browser (it prefers HTML) gets the same bytes as
    // application/xml: Chromium shows application/rss+xml and atom+xml as plain text and
    // applies no XSLT to them. Another Content-Type is another representation: own ETags.
    boolean negotiated = stylesheet && feed.format() != FeedFormat.JSON;
    boolean asXml = negotiated && Conditional.prefersHtml(ctx.request().getHeader("Accept"));
    String etag = asXml ? browserTag(feed.etag()) : feed.etag();
    String gzipEtag = asXml ? browserTag(feed.gzipEtag()) : feed.gzipEtag();
    HttpServerResponse res = ctx.response()
        .putHeader("ETag", gzip ? gzipEtag : etag)
        .putHeader("Cache-Control", cacheControl)
        .putHeader("Vary", negotiated ? "Accept-Encoding, Accept" : "Accept-Encoding")
        .putHeader("Access-Control-Allow-Origin", "*")
        .putHeader(SNAPSHOT_HEADER, feed.snapshot());
    if (feed.format() != FeedFormat.JSON) {
      SecurityPolicy.feed(res); // a browser renders it through the XSLT: a page
    }
    if (feed.lastModifiedHttp() != null) {
      res.putHeader("Last-Modified", feed.lastModifiedHttp());
    }
    if (Conditional.notModified(ctx.request().getHeader("If-None-Match"),
        ctx.request().getHeader("If-Modified-Since"), feed.lastModified(), feed.etag(),
        feed.gzipEtag(), browserTag(feed.etag()), browserTag(feed.gzipEtag()))) {
      res.setStatusCode(304).end();
      return;
    }
    res.putHeader("Content-Type", asXml ? BROWSER_TYPE : feed.format().contentType());
    if (gzip) {
      res.putHeader("Content-Encoding", "gzip");
    }
    byte[] bytes = gzip ? feed.gzip() : feed.body();
    if (ctx.request().method() == HttpMethod.HEAD) {
      // The headers of GET and no body: Vert.x does not drop the body of HEAD over HTTP/2.
      res.putHeader("Content-Length", Integer.toString(bytes.length)).end();
      return;
    }
    // Wrap, not copy: the bytes are immutable and shared by every response of this feed.
    res.end(BufferInternal.buffer(Unpooled.wrappedBuffer(bytes)));
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

  /** The tag of the application/xml representation: {@code "abc"} gives {@code "abc-xml"}. */
  static String browserTag(String etag) {
    return etag.substring(0, etag.length() - 1) + "-xml\"";
  }
}
