package io.tidings.web;

import io.tidings.ingest.IngestStatus;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@code /health}: 503 until the first scan is done and once shutdown began, 200 between. */
final class HealthHandler implements Handler<RoutingContext> {
  private final Supplier<IngestStatus> status;
  private final BooleanSupplier stopping;

  HealthHandler(Supplier<IngestStatus> status, BooleanSupplier stopping) {
    this.status = status;
    this.stopping = stopping;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String problem = stopping.getAsBoolean() ? "stopping: the server is shutting down\n"
        : status.get().ready() ? null
        : "starting: the first scan of the content directory is not done\n";
    ctx.response()
        .setStatusCode(problem == null ? 200 : 503)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(problem == null ? "ok\n" : problem);
  }
}
