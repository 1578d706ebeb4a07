package io.tidings.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server's request metrics, as Vert.x reports each request: {@code
 * vertx_http_server_requests_total} by route template, method and code, and the latency
 * histogram {@code vertx_http_server_response_time_seconds} by route template, method and
 * status class (unless {@code metrics.httpHistograms} is false). The series are those that
 * vertx-micrometer exported, but the meters of a (route, method, code) are looked up once and
 * kept: a request costs a map lookup, a counter increment and a histogram record, not the
 * tags, meter ids and filters that vertx-micrometer builds on every request.
 *
 * <p>The route is what the router names ({@link io.vertx.core.http.HttpServerRequest#routed}):
 * a route's template, never the raw path, so that the series stay bounded; "" when no route
 * served the request (a 404, a refusal of the request gate).
 */
final class HttpRequestMetrics implements HttpServerMetrics<HttpRequestMetrics.Request, Object,
    Object> {
  static final String REQUESTS = "vertx.http.server.requests";
  static final String RESPONSE_TIME = "vertx.http.server.response.time";

  /** One request under way: when it began, its method, the route that serves it. */
  static final class Request {
    final long start = System.nanoTime();
    final HttpMethod method;
    String route;

    Request(HttpMethod method) {
      this.method = method;
    }
  }

  private record Key(String route, HttpMethod method, int code) {}

  private record Meters(Counter requests, Timer latency) {}

  private final MeterRegistry registry;
  private final boolean histograms;
  private final ConcurrentHashMap<Key, Meters> meters = new ConcurrentHashMap<>();

  HttpRequestMetrics(MeterRegistry registry, boolean histograms) {
    this.registry = registry;
    this.histograms = histograms;
  }

  @Override
  public Request requestBegin(Object socket, HttpRequest request) {
    return new Request(request.method());
  }

  @Override
  public void requestRouted(Request request, String route) {
    if (request == null || route == null) {
      return;
    }
    // vertx-micrometer's spelling when several routes serve one request (a sub-router)
    request.route = request.route == null ? route : request.route + ">" + route;
  }

  @Override
  public void responseEnd(Request request, HttpResponse response, long bytesWritten) {
    if (request == null) {
      return;
    }
    long nanos = System.nanoTime() - request.start;
    Key key = new Key(request.route == null ? "" : request.route, request.method,
        response.statusCode());
    Meters m = meters.get(key);
    if (m == null) {
      m = meters.computeIfAbsent(key, this::register);
    }
    m.requests().increment();
    if (m.latency() != null) {
      m.latency().record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private Meters register(Key key) {
    String method = key.method().name();
    String code = Integer.toString(key.code());
    Counter requests = Counter.builder(REQUESTS)
        .description("Number of processed requests")
        .tags("route", key.route(), "method", method, "code", code)
        .register(registry);
    // MetricConventions turns the code into its class (2xx) for the histogram
    Timer latency = !histograms ? null : Timer.builder(RESPONSE_TIME)
        .description("Request processing time")
        .tags("route", key.route(), "method", method, "code", code)
        .register(registry);
    return new Meters(requests, latency);
  }
}
