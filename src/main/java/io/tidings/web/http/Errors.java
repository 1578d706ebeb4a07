package io.tidings.web.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.nio.charset.StandardCharsets;
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
    ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store");
    if (api(ctx.request().path())) {
      apiHeaders(ctx.response()).end(Buffer.buffer(json(status, message)));
      return;
    }
    ctx.response()
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .end(message + "\n");
  }

  /** Whether a path is the JSON API's, whose errors are JSON that any origin may read. */
  public static boolean api(String path) {
    return path != null && (path.equals("/api") || path.startsWith("/api/"));
  }

  /** An API error's headers: JSON, and the CORS header of the API's answers. */
  public static HttpServerResponse apiHeaders(HttpServerResponse res) {
    return res.putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Access-Control-Allow-Origin", "*");
  }

  /** An API error's body, one line: {@code {"error":{"status":400,"message":"..."}}}. */
  public static byte[] json(int status, String message) {
    return (Json.compact(new ErrorBody(new Problem(status, message))) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  record ErrorBody(Problem error) {}

  record Problem(int status, String message) {}
}
