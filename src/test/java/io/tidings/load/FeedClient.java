package io.tidings.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * The clients' side: a Vert.x HTTP/1.1 client with keep-alive and a pool of one connection per
 * concurrent client, on its own Vert.x (so that closing it releases everything it opened).
 * Blocking calls, one per client thread at a time, as a feed reader's poll loop makes them.
 *
 * <p>Every request is made on one context of one event loop, so that the client's own
 * handling of a response and the callbacks here run on one thread, one after the other. Vert.x
 * 5.0.7's client drops a response's end when {@code body()} is asked for on another thread
 * after the end has arrived (eclipse-vertx/vert.x#6038, fixed after 5.0.7), and the future
 * never completes: requests issued from the readers' own threads, each on a context of its
 * own, hit that about once in 200,000 requests (the head received, the body never).
 */
final class FeedClient implements AutoCloseable {
  /** A request gets this long without a byte before it fails; any such failure is an error. */
  static final long IDLE_TIMEOUT_MS = 30_000;
  private final Vertx vertx;
  private final Context context;
  private final HttpClientAgent http;
  private final int port;

  /** What a response said, copied off the event loop. */
  record Reply(int status, String etag, String snapshot, String contentEncoding, byte[] body) {}

  FeedClient(int port, int connections) {
    this.port = port;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    this.context = vertx.getOrCreateContext();
    this.http = vertx.createHttpClient(new HttpClientOptions()
            .setProtocolVersion(HttpVersion.HTTP_1_1)
            .setKeepAlive(true)
            .setConnectTimeout(10_000)
            .setDecompressionSupported(false),
        new PoolOptions().setHttp1MaxSize(connections));
  }

  Reply get(String path, boolean gzip, String ifNoneMatch) throws Exception {
    StringBuffer phase = new StringBuffer("waiting for a connection from the pool");
    try {
      return request(path, gzip, ifNoneMatch, phase)
          .get(2 * IDLE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Where it stopped, to tell the client's pool from the server's answer.
      throw new TimeoutException("no answer within " + 2 * IDLE_TIMEOUT_MS + " ms, "
          + phase);
    }
  }

  /** The same request without waiting for it. */
  CompletableFuture<Reply> getAsync(String path, boolean gzip, String ifNoneMatch) {
    return request(path, gzip, ifNoneMatch, new StringBuffer());
  }

  private CompletableFuture<Reply> request(String path, boolean gzip, String ifNoneMatch,
      StringBuffer phase) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
        .setHost("127.0.0.1").setPort(port).setURI(path).setIdleTimeout(IDLE_TIMEOUT_MS)
        .putHeader("User-Agent", "tidings-churn-test");
    if (gzip) {
      options.putHeader("Accept-Encoding", "gzip");
    }
    if (ifNoneMatch != null) {
      options.putHeader("If-None-Match", ifNoneMatch);
    }
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    context.runOnContext(v -> http.request(options)
        .compose(req -> {
          phase.setLength(0);
          phase.append("sent on the connection from ").append(req.connection().localAddress());
          return req.send();
        })
        .compose(res -> {
          phase.append(", response head ").append(res.statusCode()).append(" received");
          return res.body().map(b -> new Reply(res.statusCode(), res.getHeader("ETag"),
              res.getHeader("X-Tidings-Snapshot"), res.getHeader("Content-Encoding"),
              b.getBytes()));
        })
        .onComplete(ar -> {
          if (ar.succeeded()) {
            reply.complete(ar.result());
          } else {
            reply.completeExceptionally(ar.cause());
          }
        }));
    return reply;
  }

  static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(gz.length * 4);
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      http.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
