package io.tidings.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tidings.catalog.Snapshot;
import io.tidings.ingest.IngestStatus;
import io.tidings.push.StreamCounters;
import io.tidings.push.WebSubPublisher;
import io.tidings.web.feeds.Subscribers;
import io.tidings.web.http.RepresentationCache.CacheStats;
import io.tidings.web.server.ConnectionGuard;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Everything {@code /metrics} shows, in one Prometheus registry: the HTTP server's requests
 * (from Vert.x, labelled by route template, method and status code, so that the number of
 * series stays bounded whatever paths clients ask for), the JVM, and Tidings' own gauges and
 * counters, which read the current snapshot, ingest status and render cache on each scrape.
 */
public final class ServerMetrics {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final PrometheusMeterRegistry registry = newRegistry();
  private final HttpRequestMetrics http;
  private final List<Object> sources = new CopyOnWriteArrayList<>();
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
  private final Timer snapshotBuild = Timer.builder("tidings.snapshot.build")
      .description("Time to build a snapshot from the last one and a batch of file changes")
      .register(registry);
  private final Timer feedRender = Timer.builder("tidings.feed.render")
      .description("Time to render a feed that the render cache did not hold")
      .register(registry);

  /** With the HTTP latency histograms ({@code metrics.httpHistograms: true}). */
  public ServerMetrics() {
    this(true);
  }

  /** @param httpHistograms whether HTTP latency is recorded ({@code metrics.httpHistograms}) */
  public ServerMetrics(boolean httpHistograms) {
    this.http = new HttpRequestMetrics(registry, httpHistograms);
  }

  // The filters come first: a meter registered before them would keep its unfiltered shape.
  private static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config()
        .meterFilter(MetricConventions.baseUnitsOnly())
        .meterFilter(MetricConventions.statusClass())
        .meterFilter(MetricConventions.buckets());
    ProcessMetrics.bind(registry);
    return registry;
  }

  /**
   * A Vert.x that reports its HTTP server to this registry ({@link HttpRequestMetrics}) and
   * the JVM's metrics (vertx-micrometer's binders; none of its per-request meters). Each
   * instance gets a registry name of its own: vertx-micrometer keeps registries in a static map
   * by name, and tests run several servers in one JVM.
   */
  public Vertx newVertx() {
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName("tidings-" + INSTANCES.incrementAndGet())
        .setJvmMetricsEnabled(true);
    for (MetricsDomain unused : MetricsDomain.values()) {
      options.addDisabledMetricsCategory(unused);
    }
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new VertxMetricsWithHttp(new MicrometerMetricsFactory(registry), http))
        .build();
  }

  /** Answers {@code /metrics} with the Prometheus text format. */
  public Handler<RoutingContext> scrapeHandler() {
    Handler<RoutingContext> scrape = PrometheusScrapingHandler.create(registry);
    return ctx -> {
      for (Runnable r : beforeScrape) {
        r.run();
      }
      scrape.handle(ctx);
    };
  }

  /**
   * {@code tidings_feed_subscribers{feed, aggregator}}: the latest count each aggregator
   * reported for each feed (its canonical path and query), as many series as {@link
   * Subscribers} keeps at most; refreshed at a scrape when a count changed.
   */
  public void bindSubscribers(Subscribers subscribers) {
    MultiGauge gauge = MultiGauge.builder("tidings.feed.subscribers")
        .description("Subscribers that an aggregator reported in its User-Agent, per feed")
        .register(registry);
    AtomicLong shown = new AtomicLong(-1);
    beforeScrape.add(() -> {
      long version = subscribers.version();
      if (shown.getAndSet(version) == version) {
        return;
      }
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      for (Subscribers.Row r : subscribers.rows()) {
        rows.add(MultiGauge.Row.of(Tags.of("feed", r.feed(), "aggregator", r.aggregator()),
            r.subscribers()));
      }
      gauge.register(rows, true);
    });
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Records one snapshot build (see {@code Ingest#onSnapshotBuilt}). */
  public void snapshotBuilt(Duration took) {
    snapshotBuild.record(took);
  }

  /** Records one feed render (see {@code RepresentationCache#onFeedRendered}). */
  public void feedRendered(long nanos) {
    feedRender.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The catalog's size, read from the current snapshot on each scrape. */
  public void bindCatalog(Supplier<Snapshot> snapshot) {
    gauge("tidings.catalog.articles", "Visible articles in the current snapshot", snapshot,
        s -> s.get().size());
    gauge("tidings.catalog.drafts", "Articles marked published: false and not served",
        snapshot, s -> s.get().hiddenDrafts());
    gauge("tidings.catalog.topics", "Topics in the current snapshot", snapshot,
        s -> s.get().topics().size());
    gauge("tidings.catalog.providers", "Providers in the current snapshot", snapshot,
        s -> s.get().providers().size());
    gauge("tidings.catalog.files.with.errors", "Files that do not parse right now", snapshot,
        s -> s.get().problems().size());
    gauge("tidings.search.index.terms", "Distinct terms in the word index of q", snapshot,
        s -> s.get().search().terms());
    Gauge.builder("tidings.search.index", snapshot, s -> s.get().search().estimatedBytes())
        .description("Estimated heap of the word index of q (terms, posting lists, shards)")
        .baseUnit("bytes")
        .strongReference(true)
        .register(registry);
  }

  /** Ingest's counters: file events, rescans, parse errors, files watched. */
  public void bindIngest(Supplier<IngestStatus> status) {
    counter("tidings.ingest.file.events", "File events received from the watcher", status,
        s -> s.get().fileEvents());
    counter("tidings.ingest.rescans", "Full rescans (safety net, event overflow, request)",
        status, s -> s.get().rescans());
    counter("tidings.ingest.parse.errors", "File reads that ended in a parse error", status,
        s -> s.get().parseErrors());
    gauge("tidings.ingest.files", "Article files in the content directory", status,
        s -> s.get().filesSeen());
    gauge("tidings.ingest.ready", "1 once the first scan is done", status,
        s -> s.get().ready() ? 1 : 0);
  }

  /** The render cache: hits, misses, evictions, renders, entries and bytes. */
  public void bindRenderCache(Supplier<CacheStats> stats) {
    counter("tidings.render.cache.hits", "Feed requests answered from the render cache", stats,
        s -> s.get().hits());
    counter("tidings.render.cache.fast.hits",
        "Feed requests answered from the render cache without routing (of the hits)", stats,
        s -> s.get().fastHits());
    counter("tidings.render.cache.misses", "Feed requests that found no cached feed", stats,
        s -> s.get().misses());
    counter("tidings.render.cache.evictions", "Cached feeds dropped to stay within bounds",
        stats, s -> s.get().evictions());
    counter("tidings.feed.renders", "Feeds rendered", stats, s -> s.get().renders());
    gauge("tidings.render.cache.entries", "Feeds in the render cache", stats,
        s -> s.get().entries());
    Gauge.builder("tidings.render.cache.size", stats, s -> s.get().bytes())
        .description("Bytes of feeds in the render cache")
        .baseUnit("bytes")
        .strongReference(true)
        .register(registry);
  }

  /**
   * Connections as the guard sees them: open now, refused over {@code http.maxConnections},
   * closed waiting for a first head ({@code http.headerTimeout}: slow or silent clients) or
   * for a next one ({@code http.keepAliveTimeout}: the end of an idle kept-alive connection).
   */
  public void bindConnections(ConnectionGuard guard) {
    gauge("tidings.http.connections", "HTTP connections open now", guard, ConnectionGuard::open);
    counter("tidings.http.connections.refused",
        "Connections closed as they opened, over http.maxConnections", guard,
        ConnectionGuard::refused);
    counter("tidings.http.connections.head.timeouts",
        "New connections closed with no complete request head within http.headerTimeout",
        guard, ConnectionGuard::headTimeouts);
    counter("tidings.http.connections.keepalive.expired",
        "Kept-alive connections closed with no next request within http.keepAliveTimeout",
        guard, ConnectionGuard::keepAliveExpired);
  }

  /** Server-sent event streams: open, events sent, cut off as too slow, refused at the bound. */
  public void bindPush(StreamCounters streams) {
    gauge("tidings.push.clients", "Server-sent event streams open now", streams,
        StreamCounters::open);
    counter("tidings.push.events", "Events written to event streams", streams,
        StreamCounters::eventsSent);
    counter("tidings.push.clients.cut.off",
        "Event streams closed because their client did not read (push.clientBuffer)", streams,
        StreamCounters::cutOff);
    counter("tidings.push.clients.refused", "Event streams refused at push.maxClients",
        streams, StreamCounters::refused);
  }

  /** WebSub notifications: accepted by the hub, failed attempts, retries, given up, waiting. */
  public void bindWebSub(WebSubPublisher publisher) {
    counter("tidings.websub.notifications", "Notifications the hub accepted", publisher,
        WebSubPublisher::sent);
    counter("tidings.websub.notifications.failed",
        "Notification attempts that failed (error status, connection error, time-out)",
        publisher, WebSubPublisher::failed);
    counter("tidings.websub.notifications.retried", "Notifications scheduled for a retry",
        publisher, WebSubPublisher::retried);
    counter("tidings.websub.notifications.abandoned",
        "Feed URLs given up after websub.maxAttempts", publisher, WebSubPublisher::abandoned);
    gauge("tidings.websub.pending", "Feed URLs waiting to be told to the hub", publisher,
        WebSubPublisher::waiting);
  }

  // Micrometer holds the object a meter reads weakly; the suppliers here are often method
  // references made on the spot, so keep them strongly or they read NaN after a GC.
  private <T> void gauge(String name, String help, T source, ToDoubleFunction<T> read) {
    sources.add(source);
    Gauge.builder(name, source, read).description(help).strongReference(true).register(registry);
  }

  private <T> void counter(String name, String help, T source, ToDoubleFunction<T> read) {
    sources.add(source);
    FunctionCounter.builder(name, source, read).description(help).register(registry);
  }
}
