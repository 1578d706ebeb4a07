package io.tidings.web;

import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.FeedRequest;
import io.tidings.feed.FeedService;
import io.tidings.feed.Scope;
import io.tidings.ingest.IngestStatus;
import io.tidings.web.api.ArticlesApiHandler;
import io.tidings.web.api.FacetsApiHandler;
import io.tidings.web.api.HealthHandler;
import io.tidings.web.api.OpmlHandler;
import io.tidings.web.api.StatusHandler;
import io.tidings.web.events.EventStreams;
import io.tidings.web.events.EventsHandler;
import io.tidings.web.feeds.AggregatorAgent;
import io.tidings.web.feeds.AssetHandler;
import io.tidings.web.feeds.FeedAliases;
import io.tidings.web.feeds.FeedHandler;
import io.tidings.web.feeds.Subscribers;
import io.tidings.web.http.BaseUrl;
import io.tidings.web.http.Errors;
import io.tidings.web.http.FeedFastPath;
import io.tidings.web.http.RepresentationCache;
import io.tidings.web.http.Responses;
import io.tidings.web.pages.FeedView;
import io.tidings.web.pages.PageHandler;
import io.tidings.web.pages.Pages;
import io.tidings.web.pages.SiteFileHandler;
import io.tidings.web.server.AccessLog;
import io.tidings.web.server.CommonHeaders;
import io.tidings.web.server.StartingGate;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Every URL of the server in one table (DESIGN.md, "The public interface"). */
public final class Routes {
  private Routes() {}

  /**
   * What the routes read: the current snapshot, the ingest state, whether the server is
   * stopping, nothing they can change; the cache of what they send, which every event loop
   * shares; and the {@code /metrics} handler, or null for none.
   */
  public record Sources(Supplier<Snapshot> snapshot, Supplier<IngestStatus> ingest,
      FeedService feeds, RepresentationCache cache, BooleanSupplier stopping,
      Handler<RoutingContext> metrics, Subscribers subscribers) {

    /** With counts of subscribers of their own. */
    public Sources(Supplier<Snapshot> snapshot, Supplier<IngestStatus> ingest,
        FeedService feeds, RepresentationCache cache, BooleanSupplier stopping,
        Handler<RoutingContext> metrics) {
      this(snapshot, ingest, feeds, cache, stopping, metrics, new Subscribers());
    }

    /** For a server without metrics, never stopping, rendering on the common pool. */
    public Sources(Supplier<Snapshot> snapshot, Supplier<IngestStatus> ingest,
        FeedService feeds) {
      this(snapshot, ingest, feeds, new RepresentationCache(2000, 64L << 20,
          ForkJoinPool.commonPool()), () -> false, null, new Subscribers());
    }
  }

  public static Router create(Vertx vertx, Config config, Sources sources) {
    return router(vertx, config, sources, null, null);
  }

  /**
   * The routes with the fast path of cached feeds in front ({@link FeedFastPath}): what an
   * event loop serves.
   *
   * @param events this event loop's event streams, or null for no {@code /events}
   */
  public static Handler<HttpServerRequest> create(Vertx vertx, Config config, Sources sources,
      EventStreams events) {
    FeedFastPath fast = new FeedFastPath(sources.cache(),
        new BaseUrl(config.http().baseUrl(), config.http().trustedProxies()),
        config.http().accessLog());
    Router router = router(vertx, config, sources, events, fast);
    return req -> {
      if (!routedOnly(req) && fast.serve(req)) {
        return;
      }
      router.handle(req);
    };
  }
  /**
   * What the fast path must leave to the feed route, which does more than send the cached
   * bytes: a browser's request (the feed's HTML view), {@code A-IM} (a delta), an aggregator
   * that reports its subscribers (counted).
   */
  private static boolean routedOnly(HttpServerRequest req) {
    return req.getHeader("A-IM") != null
        || AggregatorAgent.mayReport(req.getHeader(HttpHeaders.USER_AGENT))
        || Responses.prefersHtml(req);
  }


  private static Router router(Vertx vertx, Config config, Sources sources,
      EventStreams events, FeedFastPath fast) {
    Router router = Router.router(vertx);
    if (config.http().accessLog()) {
      router.route().handler(new AccessLog());
    }
    router.route().handler(new CommonHeaders());
    router.route().handler(new StartingGate(sources.ingest()));
    BaseUrl baseUrl = new BaseUrl(config.http().baseUrl(), config.http().trustedProxies());
    long maxAge = config.feeds().maxAge().toSeconds();
    String cacheControl = "public, max-age=" + maxAge;
    FeedQuery.Limits limits = sources.feeds().limits();
    Supplier<Snapshot> snapshot = sources.snapshot();
    RepresentationCache views = sources.cache();
    FeedService feeds = sources.feeds();
    Pages pages = new Pages(config.feeds().title(), limits);
    Subscribers subscribers = sources.subscribers();
    FeedView view = new FeedView(feeds, config.feeds().title());

    for (Scope scope : Scope.values()) {
      String template = switch (scope) {
        case ALL -> "/feed.{format}";
        case TOPIC -> "/topics/{topic}/feed.{format}";
        case PROVIDER -> "/providers/{provider}/feed.{format}";
      };
      String regex = switch (scope) {
        case ALL -> "/feed\\.([^/]*)";
        case TOPIC -> "/topics/([^/]+)/feed\\.([^/]*)";
        case PROVIDER -> "/providers/([^/]+)/feed\\.([^/]*)";
      };
      feed(router, template, regex, new FeedHandler(feeds, view, views, snapshot, baseUrl,
          maxAge, scope, subscribers, template, fast));
    }
    get(router, FeedRequest.STYLESHEET_PATH,
        new AssetHandler("assets/feed.xsl", "text/xsl; charset=utf-8"));

    for (String alias : FeedAliases.TARGETS.keySet().stream().sorted().toList()) {
      get(router, alias, new FeedAliases(alias, cacheControl));
    }
    get(router, "/favicon.ico", new AssetHandler("assets/favicon.ico", "image/x-icon",
        new Responses.Policy("public, max-age=604800", false)));
    get(router, "/robots.txt", new SiteFileHandler(snapshot, views, baseUrl, cacheControl,
        SiteFileHandler.Kind.ROBOTS));
    get(router, "/sitemap.xml", new SiteFileHandler(snapshot, views, baseUrl, cacheControl,
        SiteFileHandler.Kind.SITEMAP));

    get(router, "/", new PageHandler(snapshot, pages, views, baseUrl, cacheControl, Scope.ALL));
    page(router, "/topics/:key", "/topics/{topic}",
        new PageHandler(snapshot, pages, views, baseUrl, cacheControl, Scope.TOPIC));
    page(router, "/providers/:key", "/providers/{provider}",
        new PageHandler(snapshot, pages, views, baseUrl, cacheControl, Scope.PROVIDER));
    get(router, "/opml", new OpmlHandler(snapshot, views, baseUrl, config.feeds().title(),
        limits, cacheControl));
    get(router, "/api/topics",
        new FacetsApiHandler(snapshot, views, baseUrl, limits, cacheControl, Scope.TOPIC));
    get(router, "/api/providers",
        new FacetsApiHandler(snapshot, views, baseUrl, limits, cacheControl, Scope.PROVIDER));
    get(router, "/api/articles",
        new ArticlesApiHandler(snapshot, views, baseUrl, limits, cacheControl));

    if (events != null) {
      router.get("/events").handler(AccessLog.route("/events")).handler(new EventsHandler(events, baseUrl, limits,
          sources.stopping()));
    }
    router.get("/health").handler(AccessLog.route("/health")).handler(new HealthHandler(sources.ingest(), sources.stopping()));
    router.get("/status").handler(AccessLog.route("/status")).handler(new StatusHandler(sources.snapshot(), sources.ingest(),
        config.content().includeUnpublished(), config.content().dir().toAbsolutePath().toString(),
        subscribers));
    if (sources.metrics() != null) {
      router.get("/metrics").handler(AccessLog.route("/metrics")).handler(sources.metrics());
    }
    Errors.install(router);
    return router;
  }

  private static void get(Router router, String path, Handler<RoutingContext> handler) {
    router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(AccessLog.route(path)).handler(handler);
  }

  /**
   * A route with a path parameter; {@code template} names it in metrics and the access log in
   * the style of the feed routes ({@code /topics/{topic}}), not Vert.x's {@code /topics/:key}.
   */
  private static void page(Router router, String path, String template,
      Handler<RoutingContext> handler) {
    router.route(path).setName(template).method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(AccessLog.route(template)).handler(handler);
  }

  /** A feed route; {@code template} names it in metrics (the route label), not the raw path. */
  private static void feed(Router router, String template, String regex, FeedHandler handler) {
    router.routeWithRegex(regex).setName(template)
        .method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(AccessLog.route(template)).handler(handler);
  }
}
