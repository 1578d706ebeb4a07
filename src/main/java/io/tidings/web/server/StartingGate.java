package io.tidings.web.server;

import io.tidings.ingest.IngestStatus;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.function.Supplier;

/**
 * Until the first scan is done, the catalog is empty or partial: answers made from it would
 * differ from every other replica's (an empty feed with its own ETag, which a cache would keep
 * for max-age). So feeds, pages, OPML and the API answer 503 with Retry-After until then, and a
 * balancer moves the request to a replica that is ready. /health, /status, /metrics and the
 * stylesheet do not depend on the content and answer at once.
 */
public final class StartingGate implements Handler<RoutingContext> {
  static final String MESSAGE = "starting: the first scan of the content directory is not done;"
      + " retry in a moment";

  private final Supplier<IngestStatus> ingest;
  /** Once the first scan is done it stays done: from then on no status is built per request. */
  private volatile boolean open;

  public StartingGate(Supplier<IngestStatus> ingest) {
    this.ingest = ingest;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (open || exempt(ctx.request().path())) {
      ctx.next();
      return;
    }
    if (ingest.get().ready()) {
      open = true;
      ctx.next();
      return;
    }
    ctx.response().putHeader("Retry-After", "1");
    ctx.fail(new HttpException(503, MESSAGE));
  }

  private static boolean exempt(String path) {
    return path.equals("/health") || path.equals("/status") || path.equals("/metrics")
        || path.startsWith("/assets/");
  }
}
