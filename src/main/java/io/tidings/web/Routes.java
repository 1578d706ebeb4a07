package io.tidings.web;

import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import io.tidings.feed.FeedService;
import io.tidings.ingest.IngestStatus;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
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
    feed(router, "/feed\\.([^/]*)",
        new FeedHandler(sources.feeds(), baseUrl, maxAge, ""));
    feed(router, "/topics/([^/]+)/feed\\.([^/]*)",
        new FeedHandler(sources.feeds(), baseUrl, maxAge, "topic"));
    feed(router, "/providers/([^/]+)/feed\\.([^/]*)",
        new FeedHandler(sources.feeds(), baseUrl, maxAge, "provider"));
    router.get("/health").handler(new HealthHandler(sources.ingest()));
    router.get("/status").handler(new StatusHandler(sources.snapshot(), sources.ingest(),
        config.content().includeUnpublished(), config.content().dir().toAbsolutePath().toString()));
    Errors.install(router);
    return router;
  }

  private static void feed(Router router, String regex, FeedHandler handler) {
    router.routeWithRegex(regex).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(handler);
  }
}
