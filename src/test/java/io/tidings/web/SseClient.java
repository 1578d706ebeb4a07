package io.tidings.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent events client for tests, on a Vert.x HttpClient: parses the stream as the
 * HTML standard says (fields, blank-line dispatch, comments, id lines that dispatch nothing)
 * and queues each event. Comments are counted, so heartbeats can be seen.
 */
final class SseClient implements AutoCloseable {
  /** One dispatched event; {@code id} is the last event id in effect when it came. */
  record Event(String type, String data, String id) {}

  private final HttpClient client;
  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final StringBuilder pending = new StringBuilder();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile HttpClientResponse response;
  private volatile String lastId = "";
  private volatile int comments;
  private String type = "";
  private StringBuilder data;
  private String idBuffer = "";

  private SseClient(HttpClient client) {
    this.client = client;
  }

  /** Connects and waits for the response head; fails on any status but 200. */
  static SseClient connect(Vertx vertx, int port, String pathAndQuery,
      Map<String, String> headers) throws Exception {
    SseClient c = new SseClient(vertx.createHttpClient());
    RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(port)
        .setURI(pathAndQuery).setMethod(HttpMethod.GET);
    headers.forEach(o::putHeader);
    // Handlers go on in the callback, before any body byte is handed on: the request is made
    // on one context, so that the client's handling of the response and this callback share
    // its thread (Vert.x 5.0.7 drops bytes that arrive on another thread before a handler is
    // set, eclipse-vertx/vert.x#6038; see io.tidings.load.FeedClient).
    CompletableFuture<HttpClientResponse> head = new CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(v -> c.client.request(o)
        .compose(req -> req.send()).map(res -> {
          res.handler(c::onBytes);
          res.endHandler(end -> c.ended.complete(null));
          res.exceptionHandler(c.ended::completeExceptionally);
          return res;
        }).onComplete(ar -> {
          if (ar.succeeded()) {
            head.complete(ar.result());
          } else {
            head.completeExceptionally(ar.cause());
          }
        }));
    c.response = head.get(20, TimeUnit.SECONDS);
    if (c.response.statusCode() != 200) {
      c.close();
      throw new AssertionError("GET " + pathAndQuery + " answered " + c.response.statusCode());
    }
    return c;
  }

  static SseClient connect(Vertx vertx, int port, String pathAndQuery) throws Exception {
    return connect(vertx, port, pathAndQuery, Map.of());
  }

  HttpClientResponse response() {
    return response;
  }

  private synchronized void onBytes(Buffer b) {
    pending.append(b.toString(StandardCharsets.UTF_8));
    int nl;
    while ((nl = pending.indexOf("\n")) >= 0) {
      String line = pending.substring(0, nl);
      pending.delete(0, nl + 1);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      line(line);
    }
  }

  private void line(String line) {
    if (line.isEmpty()) {
      lastId = idBuffer;
      if (data != null) {
        events.add(new Event(type.isEmpty() ? "message" : type, data.toString(), lastId));
      }
      type = "";
      data = null;
      return;
    }
    if (line.startsWith(":")) {
      comments++;
      return;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> type = value;
      case "data" -> {
        if (data == null) {
          data = new StringBuilder(value);
        } else {
          data.append('\n').append(value);
        }
      }
      case "id" -> idBuffer = value;
      default -> { } // retry, and fields the standard says to ignore
    }
  }

  /** The next event, waiting up to {@code timeout}; fails if none comes. */
  Event next(Duration timeout) throws InterruptedException {
    Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return e;
  }

  Event next() throws InterruptedException {
    return next(Duration.ofSeconds(10));
  }

  /** The events that have come and not been taken. */
  List<Event> drain() {
    List<Event> out = new ArrayList<>();
    events.drainTo(out);
    return out;
  }

  /** The id the client would send as Last-Event-ID if it reconnected now. */
  String lastEventId() {
    return lastId;
  }

  int comments() {
    return comments;
  }

  /** Completes when the server ends the stream (or the connection fails). */
  CompletableFuture<Void> ended() {
    return ended;
  }

  @Override
  public void close() throws Exception {
    client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
