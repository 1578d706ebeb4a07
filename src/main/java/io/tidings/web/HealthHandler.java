package io.tidings.web;

import io.tidings.ingest.IngestStatus;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** {@code /health}: 503 until the first scan is done (and while shutting down), 200 after. */
final class HealthHandler implements Handler<RoutingContext> {
  private final Supplier<IngestStatus> status;

  HealthHandler(Supplier<IngestStatus> status) {
    this.status = status;
  }

  @Override
  public void handle(RoutingContext ctx) {
    IngestStatus s = status.get();
    boolean ok = s.ready();
    ctx.response()
        .setStatusCode(ok ? 200 : 503)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(ok ? "ok\n" : "starting: the first scan of the content directory is not done\n");
  }
}
