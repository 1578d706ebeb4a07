package io.tidings.web.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, logged when its response is done, under the logger
 * {@code io.tidings.access}: method, path, status, body bytes, milliseconds. The path is
 * logged without its query string, and no request header is logged at all (Authorization,
 * cookies), so that secrets a proxy or client adds never reach the log. The same values go
 * with the event as key-value pairs, which the JSON log writes as Elastic Common Schema fields:
 * {@code http.request.method}, {@code url.path}, {@code http.response.status_code},
 * {@code http.response.body.bytes}, {@code event.duration} (nanoseconds) and
 * {@code http.route}, the template of the route that served the request (absent when none
 * did, e.g. a 404).
 */
public final class AccessLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("io.tidings.access");
  private static final String ROUTE = "tidings.accessLog.route";

  /** A handler, first on a route, that names the route's template to the access log. */
  public static Handler<RoutingContext> route(String template) {
    return ctx -> {
      ctx.put(ROUTE, template);
      ctx.next();
    };
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    HttpServerRequest request = ctx.request();
    String method = request.method().name();
    String path = request.path();
    ctx.addEndHandler(done -> log(method, path, ctx.get(ROUTE), ctx.response(), start));
    ctx.next();
  }

  /**
   * The line of a request that no router sees (a cached feed's fast path, FeedFastPath),
   * served by {@code route}: logged when its response ends or its connection closes, once.
   */
  public static void begin(HttpServerRequest request, String route) {
    long start = System.nanoTime();
    String method = request.method().name();
    String path = request.path();
    HttpServerResponse response = request.response();
    boolean[] logged = {false};
    Handler<Void> done = v -> {
      if (!logged[0]) {
        logged[0] = true;
        log(method, path, route, response, start);
      }
    };
    response.endHandler(done).closeHandler(done);
  }

  private static void log(String method, String path, String route,
      HttpServerResponse response, long start) {
    long nanos = System.nanoTime() - start;
    int status = response.getStatusCode();
    long bytes = response.bytesWritten();
    var event = LOG.atInfo()
        .addKeyValue("http.request.method", method)
        .addKeyValue("url.path", path);
    if (route != null) {
      event = event.addKeyValue("http.route", route);
    }
    event.addKeyValue("http.response.status_code", status)
        .addKeyValue("http.response.body.bytes", bytes)
        .addKeyValue("event.duration", nanos)
        .log("{} {} {} {} {}ms", method, path, status, bytes, nanos / 1_000_000);
  }
}
