package io.tidings.web;

import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.FeedRequest;
import io.tidings.feed.FeedService;
import io.tidings.ingest.IngestStatus;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** Every URL of the server in one table (DESIGN.md, "The public interface"). */
public final class Routes {
  private Routes() {}

  /** What the routes read: the current snapshot and the ingest state, nothing they can change. */
  public record Sources(Supplier<Snapshot> snapshot, Supplier<IngestStatus> ingest,
      FeedService feeds) {}

  public static Router create(Vertx vertx, Config config, Sources sources) {
    Router router = Router.router(vertx);
    router.route().handler(new CommonHeaders());
    BaseUrl baseUrl = new BaseUrl(config.http().baseUrl());
    long maxAge = config.feeds().maxAge().toSeconds();
    String cacheControl = "public, max-age=" + maxAge;
    boolean stylesheet = config.feeds().stylesheet();
    FeedQuery.Limits limits = sources.feeds().limits();
    Supplier<Snapshot> snapshot = sources.snapshot();
    ViewCache views = new ViewCache(vertx, snapshot, 1000, 32L << 20);
    Pages pages = new Pages(config.feeds().title(), limits);

    feed(router, "/feed\\.([^/]*)",
        new FeedHandler(sources.feeds(), baseUrl, maxAge, "", stylesheet));
    feed(router, "/topics/([^/]+)/feed\\.([^/]*)",
        new FeedHandler(sources.feeds(), baseUrl, maxAge, "topic", stylesheet));
    feed(router, "/providers/([^/]+)/feed\\.([^/]*)",
        new FeedHandler(sources.feeds(), baseUrl, maxAge, "provider", stylesheet));
    get(router, FeedRequest.STYLESHEET_PATH,
        new AssetHandler("assets/feed.xsl", "text/xsl; charset=utf-8"));

    get(router, "/", new PageHandler(snapshot, pages, views, baseUrl, cacheControl, ""));
    get(router, "/topics/:key",
        new PageHandler(snapshot, pages, views, baseUrl, cacheControl, "topic"));
    get(router, "/providers/:key",
        new PageHandler(snapshot, pages, views, baseUrl, cacheControl, "provider"));
    get(router, "/opml", new OpmlHandler(snapshot, views, baseUrl, config.feeds().title(),
        limits, cacheControl));
    get(router, "/api/topics",
        new FacetsApiHandler(snapshot, views, baseUrl, limits, cacheControl, "topic"));
    get(router, "/api/providers",
        new FacetsApiHandler(snapshot, views, baseUrl, limits, cacheControl, "provider"));
    get(router, "/api/articles",
        new ArticlesApiHandler(snapshot, views, baseUrl, limits, cacheControl));

    router.get("/health").handler(new HealthHandler(sources.ingest()));
    router.get("/status").handler(new StatusHandler(sources.snapshot(), sources.ingest(),
        config.content().includeUnpublished(), config.content().dir().toAbsolutePath().toString()));
    Errors.install(router);
    return router;
  }

  private static void get(Router router, String path, Handler<RoutingContext> handler) {
    router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(handler);
  }

  private static void feed(Router router, String regex, FeedHandler handler) {
    router.routeWithRegex(regex).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(handler);
  }
}
