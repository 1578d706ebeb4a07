package io.tidings.web.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, logged when its response is done, under the logger
 * {@code io.tidings.access}: method, path, status, body bytes, milliseconds. The path is
 * logged without its query string, and no request header is logged at all (Authorization,
 * cookies), so that secrets a proxy or client adds never reach the log.
 */
public final class AccessLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("io.tidings.access");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    HttpServerRequest request = ctx.request();
    String method = request.method().name();
    String path = request.path();
    ctx.addEndHandler(done -> LOG.info("{} {} {} {} {}ms", method, path,
        ctx.response().getStatusCode(), ctx.response().bytesWritten(),
        (System.nanoTime() - start) / 1_000_000));
    ctx.next();
  }
}
