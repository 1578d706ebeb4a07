package io.tidings.web.api;

import io.tidings.ingest.IngestStatus;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /health}: 503 until the first scan is done, while the ingest thread's task has made no
 * progress for longer than content.stallTimeout (no new file would be read), and once
 * shutdown began; 200 otherwise.
 */
public final class HealthHandler implements Handler<RoutingContext> {
  private final Supplier<IngestStatus> status;
  private final BooleanSupplier stopping;

  public HealthHandler(Supplier<IngestStatus> status, BooleanSupplier stopping) {
    this.status = status;
    this.stopping = stopping;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String problem = problem();
    ctx.response()
        .setStatusCode(problem == null ? 200 : 503)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(problem == null ? "ok\n" : problem);
  }

  private String problem() {
    if (stopping.getAsBoolean()) {
      return "stopping: the server is shutting down\n";
    }
    IngestStatus s = status.get();
    if (!s.ready()) {
      return "starting: the first scan of the content directory is not done\n";
    }
    if (s.stalled()) {
      return String.format(java.util.Locale.ROOT, "stalled: the ingest thread's task has made"
          + " no progress for %d s, over content.stallTimeout (%d s); changed files are not being read"
          + " (see the log)\n", s.busyFor().toSeconds(), s.stallTimeout().toSeconds());
    }
    return null;
  }
}
