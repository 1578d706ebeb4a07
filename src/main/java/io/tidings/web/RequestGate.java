package io.tidings.web;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.tidings.config.Config;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * What every request passes before it is routed (SECURITY.md). The server only reads: a method
 * other than GET, HEAD or OPTIONS is a 405, a request with a body a 413, and the body is never
 * read (the connection is closed after the answer). The URI is bounded in length and in
 * query parameters, and must be well-formed: {@link RequestTarget} refuses bad
 * percent-encoding, invalid UTF-8, dot segments, encoded slashes, backslashes and control
 * characters, however they are encoded. Refusals are plain text that says what is wrong.
 */
public final class RequestGate implements Handler<HttpServerRequest> {
  static final String ALLOW = "GET, HEAD, OPTIONS";

  private final Config.Limits limits;
  private final Handler<HttpServerRequest> next;

  public RequestGate(Config.Limits limits, Handler<HttpServerRequest> next) {
    this.limits = limits;
    this.next = next;
  }

  @Override
  public void handle(HttpServerRequest req) {
    boolean body = hasBody(req);
    HttpMethod method = req.method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
      refuse(req, 405, "method " + method.name() + " is not allowed: this server only reads ("
          + ALLOW + ")", body);
      return;
    }
    if (body) {
      refuse(req, 413, "a request body is not accepted: this server has no write API", true);
      return;
    }
    if (method == HttpMethod.OPTIONS) {
      req.response().setStatusCode(204)
          .putHeader("Allow", ALLOW)
          .putHeader("Access-Control-Allow-Methods", ALLOW)
          .putHeader("X-Content-Type-Options", "nosniff")
          .end();
      return;
    }
    String uri = req.uri();
    if (uri.length() > limits.maxUriLength()) {
      refuse(req, 414, "the request URI is " + uri.length() + " characters long; at most "
          + limits.maxUriLength() + " are allowed (http.maxUriLength)", false);
      return;
    }
    String problem = RequestTarget.check(req.path(), req.query(), limits.maxQueryParams());
    if (problem != null) {
      refuse(req, 400, problem, false);
      return;
    }
    next.handle(req);
  }

  /** For {@code HttpServer.invalidRequestHandler}: a head that HTTP/1.1 could not decode. */
  public static void invalid(HttpServerRequest req) {
    Throwable cause = req.decoderResult().cause();
    if (cause instanceof TooLongHttpLineException) {
      refuse(req, 414, "the request line is too long (http.maxUriLength)", true);
    } else if (cause instanceof TooLongHttpHeaderException) {
      refuse(req, 431, "the request headers are too large (http.maxHeaderSize)", true);
    } else {
      refuse(req, 400, "the request is not valid HTTP/1.1", true);
    }
  }

  /** A Content-Length other than 0, or any Transfer-Encoding (chunked or not), is a body. */
  private static boolean hasBody(HttpServerRequest req) {
    String length = req.getHeader("Content-Length");
    if (length != null && !length.strip().equals("0")) {
      return true;
    }
    return req.getHeader("Transfer-Encoding") != null;
  }

  private static void refuse(HttpServerRequest req, int status, String message, boolean close) {
    var res = req.response().setStatusCode(status)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Content-Type-Options", "nosniff");
    if (status == 405) {
      res.putHeader("Allow", ALLOW);
    }
    if (close) {
      // What follows the head (a body, or bytes that are not HTTP) is never read.
      res.putHeader("Connection", "close");
      res.headers().remove("Keep-Alive");
      res.end(message + "\n").onComplete(done -> req.connection().close());
    } else {
      res.end(message + "\n");
    }
  }
}
