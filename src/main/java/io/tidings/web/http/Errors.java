package io.tidings.web.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One way out for every error: a status and a one-line message that says what to fix. */
public final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  public static void install(Router router) {
    router.route().last().handler(ctx -> ctx.fail(new HttpException(404,
        "no such page: " + ctx.request().path())));
    router.errorHandler(400, Errors::render);
    router.errorHandler(404, Errors::render);
    router.errorHandler(405, Errors::render);
    router.errorHandler(500, Errors::render);
    router.errorHandler(503, Errors::render);
  }

  private static void render(RoutingContext ctx) {
    int status = ctx.statusCode() < 0 ? 500 : ctx.statusCode();
    String message;
    if (ctx.failure() instanceof HttpException h && h.getPayload() != null) {
      message = h.getPayload();
    } else if (status == 500) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      message = "internal error";
    } else {
      message = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(message + "\n");
  }
}
