package io.tidings.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;

/**
 * vertx-micrometer's metrics (the JVM binders) with the HTTP server's request metrics of our
 * own ({@link HttpRequestMetrics}) in place of its per-request ones.
 */
final class VertxMetricsWithHttp implements VertxMetricsFactory {
  private final VertxMetricsFactory delegate;
  private final HttpRequestMetrics http;

  VertxMetricsWithHttp(VertxMetricsFactory delegate, HttpRequestMetrics http) {
    this.delegate = delegate;
    this.http = http;
  }

  @Override
  public MetricsOptions newOptions() {
    return delegate.newOptions();
  }

  @Override
  public MetricsOptions newOptions(MetricsOptions options) {
    return delegate.newOptions(options);
  }

  @Override
  public MetricsOptions newOptions(JsonObject json) {
    return delegate.newOptions(json);
  }

  @Override
  public VertxMetrics metrics(VertxOptions options) {
    VertxMetrics inner = delegate.metrics(options);
    return new VertxMetrics() {
      @Override
      public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions o,
          SocketAddress address) {
        return http;
      }

      @Override
      public EventBusMetrics<?> createEventBusMetrics() {
        return inner.createEventBusMetrics();
      }

      @Override
      public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remote, String type,
          String namespace) {
        return inner.createClientMetrics(remote, type, namespace);
      }

      @Override
      public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions o) {
        return inner.createHttpClientMetrics(o);
      }

      @Override
      public TCPMetrics<?> createNetServerMetrics(NetServerOptions o, SocketAddress address) {
        return inner.createNetServerMetrics(o, address);
      }

      @Override
      public TCPMetrics<?> createNetClientMetrics(NetClientOptions o) {
        return inner.createNetClientMetrics(o);
      }

      @Override
      public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions o) {
        return inner.createDatagramSocketMetrics(o);
      }

      @Override
      public PoolMetrics<?, ?> createPoolMetrics(String type, String name, int maxSize) {
        return inner.createPoolMetrics(type, name, maxSize);
      }

      @Override
      public void vertxCreated(Vertx vertx) {
        inner.vertxCreated(vertx);
      }

      @Override
      public boolean isMetricsEnabled() {
        return inner.isMetricsEnabled();
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }
}
