package io.tidings;

import io.tidings.config.Config;
import io.tidings.web.Routes;
import io.tidings.web.events.EventStreams;
import io.tidings.web.server.ConnectionGuard;
import io.tidings.web.server.RequestGate;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP server on one event loop. {@link TidingsVerticle} deploys one per core; Vert.x
 * spreads the connections of the shared port over them. They share every service (catalog,
 * render cache, ingest): each only routes requests.
 */
final class HttpVerticle extends VerticleBase {
  private final Config config;
  private final Routes.Sources sources;
  private final AtomicBoolean stopping;
  /** The event log and stream counters all event loops share; null for no /events. */
  private final Push push;
  private final ConnectionGuard connections;
  private HttpServer server;
  private EventStreams events;

  /**
   * @param stopping set by the first instance that stops, so that /health says 503 on all
   * @param connections shared by every instance, so that the connection limit is global
   */
  HttpVerticle(Config config, Routes.Sources sources, Push push, AtomicBoolean stopping,
      ConnectionGuard connections) {
    this.config = config;
    this.push = push;
    this.sources = sources;
    this.stopping = stopping;
    this.connections = connections;
  }

  @Override
  public Future<?> start() {
    if (push != null) {
      events = new EventStreams(context, push.log(), push.counters(),
          config.push().clientBuffer(), config.push().replay(),
          config.push().heartbeat().toMillis());
    }
    return server(vertx, config, connections, Routes.create(vertx, config, sources, events))
        .listen()
        .onSuccess(s -> server = s);
  }

  /**
   * A server with every limit in place around {@code routes}: the options that Vert.x
   * enforces, the connection guard (count, head deadline) and the request gate. Call it on
   * the event loop that will serve it.
   */
  static HttpServer server(Vertx vertx, Config config, ConnectionGuard connections,
      Handler<HttpServerRequest> routes) {
    ConnectionGuard.Loop guard = connections.loop(vertx);
    RequestGate gate = new RequestGate(config.http().limits(), guard, routes);
    // A request that the guard holds back came after a refusal that ends its connection.
    return vertx.createHttpServer(options(config))
        .connectionHandler(guard::opened)
        .invalidRequestHandler(req -> {
          if (guard.headArrived(req)) {
            gate.invalid(req);
          }
        })
        .requestHandler(req -> {
          if (guard.headArrived(req)) {
            gate.handle(req);
          }
        });
  }

  /** The server's options: the address, and the limits that Vert.x enforces itself. */
  static HttpServerOptions options(Config config) {
    Config.Limits limits = config.http().limits();
    return new HttpServerOptions()
        .setCompressionSupported(false)
        // No HTTP/2 over plain TCP (h2c): the JDK's HttpClient, which asks for the upgrade by
        // default, loses the frames that follow the 101 in the same read when a cached feed is
        // answered at once, and hangs. nginx offers no h2c upgrade either; clients stay on
        // HTTP/1.1, and HTTP/2 belongs to the TLS proxy in front.
        .setHttp2ClearTextEnabled(false)
        .setHost(config.http().host())
        .setPort(config.http().port())
        .setMaxHeaderSize(limits.maxHeaderSize())
        // The line holds the method and the version too; RequestGate bounds the URI exactly.
        .setMaxInitialLineLength(limits.maxUriLength() + 32)
        .setIdleTimeout((int) limits.idleTimeout().toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
  }

  int port() {
    return server.actualPort();
  }

  /** Takes no new connection and gives requests in flight up to {@code http.shutdownGrace}. */
  @Override
  public Future<?> stop() {
    stopping.set(true);
    if (events != null) {
      events.close(); // event streams never finish on their own: end them, clients reconnect
    }
    return server == null ? Future.succeededFuture()
        : server.shutdown(config.http().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
  }
}
