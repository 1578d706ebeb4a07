package io.tidings.web.feeds;

import io.tidings.catalog.Snapshot;
import io.tidings.feed.Archive;
import io.tidings.feed.BadQueryException;
import io.tidings.feed.FeedFormat;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.FeedRequest;
import io.tidings.feed.FeedService;
import io.tidings.feed.Scope;
import io.tidings.web.http.BaseUrl;
import io.tidings.web.http.FeedFastPath;
import io.tidings.web.http.FeedStates;
import io.tidings.web.http.QueryParams;
import io.tidings.web.http.Representation;
import io.tidings.web.http.RepresentationCache;
import io.tidings.web.http.Responses;
import io.tidings.web.http.SecurityPolicy;
import io.tidings.web.pages.FeedView;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Every feed URL: parses the format and query, answers from the render cache on the event loop
 * when it can, else waits for the one render of that feed, then serves it like a good feed host
 * (ETag, Last-Modified, 304, gzip, Cache-Control, CORS, HEAD). A browser (its Accept prefers
 * HTML) gets the same query as an HTML page ({@link FeedView}), made once per snapshot; every
 * answer says {@code Vary: Accept-Encoding, Accept}.
 */
public final class FeedHandler implements Handler<RoutingContext> {
  private static final String HTML = "text/html; charset=utf-8";

  private final FeedService feeds;
  private final FeedView view;
  private final RepresentationCache cache;
  private final Supplier<Snapshot> snapshot;
  private final BaseUrl baseUrl;
  private final String cacheControl;
  private final Responses.Policy policy;
  /** What the path's first group names. */
  private final Scope scope;
  private final Subscribers subscribers;
  /** The route's template (metrics, access log). */
  private final String template;
  /** Told of each URI answered with a feed, or null. */
  private final FeedFastPath fastPath;

  /**
   * @param template the route's template, which {@code fastPath} names requests by
   * @param fastPath told of each URI answered with a cached feed; null for none
   */
  public FeedHandler(FeedService feeds, FeedView view, RepresentationCache cache,
      Supplier<Snapshot> snapshot, BaseUrl baseUrl, long maxAgeSeconds, Scope scope,
      Subscribers subscribers, String template, FeedFastPath fastPath) {
    this.subscribers = subscribers;
    this.template = template;
    this.fastPath = fastPath;
    this.feeds = feeds;
    this.view = view;
    this.cache = cache;
    this.snapshot = snapshot;
    this.baseUrl = baseUrl;
    this.cacheControl = "public, max-age=" + maxAgeSeconds;
    this.policy = new Responses.Policy(cacheControl, true, true);
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
      Map<String, List<String>> params = QueryParams.folded(ctx.queryParams(), Archive.PARAMETER);
      String scopeValue = scope == Scope.ALL ? "" : ctx.pathParam("param0");
      FeedQuery query = FeedQuery.parse(params, scope, scopeValue, feeds.limits());
      YearMonth archive = archive(params.get(Archive.PARAMETER));
      if (archive != null) {
        // A page holds its whole month: its canonical URL names no limit (a limit 301s away).
        query = new FeedQuery(query.topics(), query.providers(), query.categories(),
            query.words(), query.minQuality(), feeds.limits().defaultLimit());
      }
      // The path's own key, also when the query contradicts it (/topics/ai/feed.rss?topic=x).
      String scopeKey = scope.key(scopeValue);
      request = new FeedRequest(format, scope, scopeKey, query, baseUrl.of(ctx.request()),
          archive);
    } catch (BadQueryException e) {
      ctx.fail(new HttpException(400, e.getMessage()));
      return;
    }
    String canonical = canonicalTarget(ctx.request().path(), ctx.request().query(), request);
    if (canonical != null) {
      redirect(ctx, canonical);
      return;
    }
    String agent = ctx.request().getHeader(HttpHeaders.USER_AGENT);
    if (AggregatorAgent.mayReport(agent)) {
      // By the canonical URL only (others were redirected): a client cannot make up labels.
      String query = request.query().canonicalQuery(request.scope(), feeds.limits());
      subscribers.report(request.path() + (query.isEmpty() ? "" : "?" + query), agent);
    }
    if (Responses.prefersHtml(ctx.request())) {
      sendView(ctx, request);
      return;
    }
    if (fastPath != null) {
      fastPath.remember(ctx.request(), request.cacheKey(), template,
          format != FeedFormat.JSON, policy);
    }
    CompletableFuture<Representation> hit = cache.cachedFeed(request.cacheKey());
    if (hit != null) {
      send(ctx, request, hit.join());
      return;
    }
    FeedRequest asked = request;
    Future.fromCompletionStage(cache.feed(request.cacheKey(), () -> Representation.of(
            feeds.render(asked, snapshot.get()))), ctx.vertx().getOrCreateContext())
        .onSuccess(rendered -> send(ctx, asked, rendered))
        .onFailure(ctx::fail);
  }

  /**
   * The HTML view of the feed, a view of the snapshot like the pages (made on the render pool,
   * cached until the next snapshot): its bytes, and so its ETags, are not the feed's.
   */
  private void sendView(RoutingContext ctx, FeedRequest request) {
    Snapshot s = snapshot.get();
    cache.view(ctx.vertx().getOrCreateContext(), s.version(), "feed view " + request.cacheKey(),
            HTML, () -> view.render(request, s))
        .onSuccess(r -> {
          if (!ctx.response().closed()) {
            SecurityPolicy.feedView(ctx.response());
            Responses.send(ctx, r, policy);
          }
        })
        .onFailure(ctx::fail);
  }

  /** The month {@code archive=} names, or null for the feed itself. */
  private static YearMonth archive(List<String> values) throws BadQueryException {
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.stream().distinct().count() > 1) {
      throw new BadQueryException(Archive.PARAMETER + " is given " + values.size()
          + " times; give it once");
    }
    return values.get(0).isBlank() ? null : Archive.parseMonth(values.get(0));
  }

  private void send(RoutingContext ctx, FeedRequest request, Representation feed) {
    if (ctx.response().closed()) {
      return;
    }
    if (request.format() != FeedFormat.JSON) {
      SecurityPolicy.feed(ctx.response()); // a client that runs XSLT shows it as a page
    }
    String aIm = ctx.request().getHeader("A-IM");
    if (aIm != null && FeedStates.asksForFeed(aIm) && feed.content() != null) {
      sendDelta(ctx, request.cacheKey(), feed);
      return;
    }
    Responses.send(ctx, feed, policy);
  }

  /**
   * RFC 3229 with {@code A-IM: feed}: when If-None-Match names a recent state of this feed
   * that is not the current one, 226 with only the items new or changed since; else as
   * without A-IM (304 for the current tag, the whole feed for an unknown or too old one).
   */
  private void sendDelta(RoutingContext ctx, String feedKey, Representation feed) {
    FeedStates states = cache.states();
    states.record(feedKey, feed);
    String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    FeedStates.Delta delta = ifNoneMatch == null || Responses.matches(feed, ifNoneMatch) ? null
        : states.changedSince(feedKey, ifNoneMatch, feed);
    if (delta == null) {
      Responses.send(ctx, feed, policy);
      return;
    }
    cache.delta(ctx.vertx().getOrCreateContext(), feedKey, delta.from(), feed.etag(),
            () -> Representation.of(feed.contentType(),
                feeds.renderSubset(feed.content(), delta.items())))
        .onSuccess(items -> Responses.sendDelta(ctx, feed, items, policy))
        .onFailure(ctx::fail);
  }

  /**
   * Where a request for a feed by another spelling than its self link's (parameters in another
   * order or case, a default limit, {@code topic=AI}, {@code /topics/AI/}) is sent: the self
   * link's path and query, relative to the path asked for (so that it holds behind any host
   * and path prefix, like the stylesheet's href). Null when the request is already canonical.
   */
  String canonicalTarget(String rawPath, String rawQuery, FeedRequest request) {
    String path = request.path();
    String query = request.canonicalQuery(feeds.limits());
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
