package io.tidings.web.server;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.tidings.config.Config;
import io.tidings.web.http.Errors;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.List;

/**
 * What every request passes before it is routed (SECURITY.md). The server only reads: a method
 * other than GET, HEAD or OPTIONS is a 405, a request with a body a 413, and the body is never
 * read (the connection is closed after the answer, and nothing that follows on it is read as
 * a request). An HTTP/1.1 request needs exactly one Host header, and a valid one
 * ({@link HostName}): none, two or an invalid one is a 400, and closes the connection too
 * (RFC 9112, 3.2). The URI is bounded in length and in
 * query parameters, and must be well-formed: {@link RequestTarget} refuses bad
 * percent-encoding, invalid UTF-8, dot segments, encoded slashes, backslashes and control
 * characters, however they are encoded. Refusals say what is wrong, as plain text (JSON under
 * {@code /api/}, like the API's other errors).
 */
public final class RequestGate implements Handler<HttpServerRequest> {
  static final String ALLOW = "GET, HEAD, OPTIONS";

  private final Config.Limits limits;
  private final ConnectionGuard.Loop connections;
  private final Handler<HttpServerRequest> next;

  /** @param connections told of each refusal that ends its connection */
  public RequestGate(Config.Limits limits, ConnectionGuard.Loop connections,
      Handler<HttpServerRequest> next) {
    this.limits = limits;
    this.connections = connections;
    this.next = next;
  }

  @Override
  public void handle(HttpServerRequest req) {
    boolean body = hasBody(req);
    String host = hostProblem(req);
    if (host != null) {
      refuse(req, 400, host, true);
      return;
    }
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

  /** The request's path, or null when its head is too broken to have one. */
  private static String pathOf(HttpServerRequest req) {
    try {
      return req.path();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** For {@code HttpServer.invalidRequestHandler}: a head that HTTP/1.1 could not decode. */
  public void invalid(HttpServerRequest req) {
    Throwable cause = req.decoderResult().cause();
    if (cause instanceof TooLongHttpLineException) {
      refuse(req, 414, "the request line is too long (http.maxUriLength)", true);
    } else if (cause instanceof TooLongHttpHeaderException) {
      refuse(req, 431, "the request headers are too large (http.maxHeaderSize)", true);
    } else {
      refuse(req, 400, "the request is not valid HTTP/1.1", true);
    }
  }

  /**
   * A Content-Length other than one 0, or any Transfer-Encoding (chunked or not), is a body
   * (or a framing that cannot be trusted: two lengths, a list).
   */
  private static boolean hasBody(HttpServerRequest req) {
    List<String> lengths = req.headers().getAll("Content-Length");
    if (lengths.size() > 1 || lengths.size() == 1 && !lengths.get(0).strip().equals("0")) {
      return true;
    }
    return req.headers().contains("Transfer-Encoding");
  }

  /** What is wrong with the request's Host headers (RFC 9112, 3.2), or null. */
  private static String hostProblem(HttpServerRequest req) {
    if (req.version() != HttpVersion.HTTP_1_1 && req.version() != HttpVersion.HTTP_1_0) {
      return null; // HTTP/2 has :authority instead, which Vert.x checks
    }
    List<String> hosts = req.headers().getAll("Host");
    if (hosts.isEmpty()) {
      return req.version() == HttpVersion.HTTP_1_1
          ? "an HTTP/1.1 request must have a Host header" : null;
    }
    if (hosts.size() > 1) {
      return "the request has " + hosts.size() + " Host headers; exactly one is allowed";
    }
    if (HostName.valid(hosts.get(0)) == null) {
      return "the Host header \"" + RequestTarget.quote(hosts.get(0)) + "\" is not a host name"
          + " or address with an optional port from 1 to 65535";
    }
    return null;
  }

  private void refuse(HttpServerRequest req, int status, String message, boolean close) {
    var res = req.response().setStatusCode(status)
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Content-Type-Options", "nosniff");
    // The API answers its errors as JSON, readable from any origin like its answers.
    boolean api = Errors.api(pathOf(req));
    if (api) {
      Errors.apiHeaders(res);
    } else {
      res.putHeader("Content-Type", "text/plain; charset=utf-8");
    }
    Buffer body = api ? Buffer.buffer(Errors.json(status, message))
        : Buffer.buffer(message + "\n");
    if (status == 405) {
      res.putHeader("Allow", ALLOW);
    }
    if (close) {
      // What follows the head (a body, or bytes that are not HTTP) is never read: not even
      // as a next request, which Vert.x would hand over as soon as this answer ends.
      connections.lastOn(req);
      res.putHeader("Connection", "close");
      res.headers().remove("Keep-Alive");
      res.end(body).onComplete(done -> req.connection().close());
    } else {
      res.end(body);
    }
  }
}
