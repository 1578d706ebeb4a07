package io.tidings.web;

import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import io.tidings.feed.FeedService;
import io.tidings.ingest.IngestStatus;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Every URL of the server in one table (DESIGN.md, "The public interface"). */
public final class Routes {
  private Routes() {}

  /**
   * What the routes read: the current snapshot, the ingest state, whether the server is
   * stopping, nothing they can change; and the {@code /metrics} handler, or null for none.
   */
  public record Sources(Supplier<Snapshot> snapshot, Supplier<IngestStatus> ingest,
      FeedService feeds, BooleanSupplier stopping, Handler<RoutingContext> metrics) {

    public Sources(Supplier<Snapshot> snapshot, Supplier<IngestStatus> ingest,
        FeedService feeds) {
      this(snapshot, ingest, feeds, () -> false, null);
    }
  }

  public static Router create(Vertx vertx, Config config, Sources sources) {
    Router router = Router.router(vertx);
    if (config.http().accessLog()) {
      router.route().handler(new AccessLog());
    }
    router.route().handler(new CommonHeaders());
    BaseUrl baseUrl = new BaseUrl(config.http().baseUrl());
    long maxAge = config.feeds().maxAge().toSeconds();
    feed(router, "/feed.{format}", "/feed\\.([^/]*)",
        new FeedHandler(sources.feeds(), baseUrl, maxAge, ""));
    feed(router, "/topics/{topic}/feed.{format}", "/topics/([^/]+)/feed\\.([^/]*)",
        new FeedHandler(sources.feeds(), baseUrl, maxAge, "topic"));
    feed(router, "/providers/{provider}/feed.{format}", "/providers/([^/]+)/feed\\.([^/]*)",
        new FeedHandler(sources.feeds(), baseUrl, maxAge, "provider"));
    router.get("/health").handler(new HealthHandler(sources.ingest(), sources.stopping()));
    router.get("/status").handler(new StatusHandler(sources.snapshot(), sources.ingest(),
        config.content().includeUnpublished(), config.content().dir().toAbsolutePath().toString()));
    if (sources.metrics() != null) {
      router.get("/metrics").handler(sources.metrics());
    }
    Errors.install(router);
    return router;
  }

  /** A feed route; {@code template} names it in metrics (the route label), not the raw path. */
  private static void feed(Router router, String template, String regex, FeedHandler handler) {
    router.routeWithRegex(regex).setName(template)
        .method(HttpMethod.GET).method(HttpMethod.HEAD).handler(handler);
  }
}
