package io.tidings.web;

import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import io.tidings.ingest.IngestStatus;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.function.Supplier;

/** Every URL of the server in one table (DESIGN.md, "The public interface"). */
public final class Routes {
  private Routes() {}

  /** What the routes read: the current snapshot and the ingest state, nothing they can change. */
  public record Sources(Supplier<Snapshot> snapshot, Supplier<IngestStatus> ingest) {}

  public static Router create(Vertx vertx, Config config, Sources sources) {
    Router router = Router.router(vertx);
    router.route().handler(new CommonHeaders());
    router.get("/health").handler(new HealthHandler(sources.ingest()));
    router.get("/status").handler(new StatusHandler(sources.snapshot(), sources.ingest(),
        config.content().includeUnpublished(), config.content().dir().toAbsolutePath().toString()));
    Errors.install(router);
    return router;
  }
}
