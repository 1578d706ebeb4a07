package io.tidings;

import io.tidings.config.Config;
import io.tidings.web.EventStreams;
import io.tidings.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
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
  private HttpServer server;
  private EventStreams events;

  /** @param stopping set by the first instance that stops, so that /health says 503 on all */
  HttpVerticle(Config config, Routes.Sources sources, Push push, AtomicBoolean stopping) {
    this.config = config;
    this.push = push;
    this.sources = sources;
    this.stopping = stopping;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setCompressionSupported(false)
        // No HTTP/2 over plain TCP (h2c): the JDK's HttpClient, which asks for the upgrade by
        // default, loses the frames that follow the 101 in the same read when a cached feed is
        // answered at once, and hangs. nginx offers no h2c upgrade either; clients stay on
        // HTTP/1.1, and HTTP/2 belongs to the TLS proxy in front.
        .setHttp2ClearTextEnabled(false)
        .setHost(config.http().host())
        .setPort(config.http().port());
    if (push != null) {
      events = new EventStreams(context, push.log(), push.counters(),
          config.push().clientBuffer(), config.push().replay(),
          config.push().heartbeat().toMillis());
    }
    return vertx.createHttpServer(options)
        .requestHandler(Routes.create(vertx, config, sources, events))
        .listen()
        .onSuccess(s -> server = s);
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
