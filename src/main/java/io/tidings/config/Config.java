package io.tidings.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The typed configuration; made only by {@link ConfigLoader}, so always valid. Each component
 * is bound by name from a key of {@link Settings} ({@code content.maxFileSize} is
 * {@code content().maxFileSize()}): a new key is a line in that table and a component here.
 */
public record Config(Http http, Content content, Feeds feeds, Push push, WebSub websub,
    Metrics metrics) {

  /** @param trustedProxies the peers whose X-Forwarded-Host and -Proto are believed */
  public record Http(String host, int port, String baseUrl, Duration shutdownGrace,
      int eventLoops, boolean accessLog, Limits limits, TrustedProxies trustedProxies) {

    /** No trusted proxy: the default. */
    public Http(String host, int port, String baseUrl, Duration shutdownGrace, int eventLoops,
        boolean accessLog, Limits limits) {
      this(host, port, baseUrl, shutdownGrace, eventLoops, accessLog, limits,
          TrustedProxies.NONE);
    }

    /** Event loops to serve on: one per core unless configured; one with a random port. */
    public int effectiveEventLoops() {
      if (port == 0) {
        return 1; // each server on port 0 would get a port of its own
      }
      return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    }
  }

  /**
   * What one client may ask of the server (SECURITY.md): sizes of a request head, parameters,
   * how long a connection may take to send a head or stay silent, connections at once.
   */
  public record Limits(int maxHeaderSize, int maxUriLength, int maxQueryParams,
      Duration headerTimeout, Duration keepAliveTimeout, Duration idleTimeout,
      int maxConnections) {}

  public record Content(Path dir, String watch, Duration pollInterval, Duration debounce,
      Duration rescanInterval, long maxFileSize, boolean includeUnpublished,
      List<String> extensions, int parseThreads, boolean hideFuture, Duration stallTimeout,
      Path cacheDir) {
    /** Whether the restart cache is on: {@code content.cacheDir} is not empty. */
    public boolean cacheEnabled() {
      return cacheDir != null && !cacheDir.toString().isEmpty();
    }
  }

  public record Feeds(String title, String description, String language, int defaultLimit,
      int maxLimit, Duration ttl, Duration maxAge, int cacheEntries, long cacheBytes,
      boolean stylesheet) {}

  public record Push(int maxClients, Duration heartbeat, int replay, long clientBuffer) {}

  /** @param hub the hub's URL, "" when WebSub is off */
  public record WebSub(String hub, Duration timeout, Duration retryDelay, int maxAttempts) {

    public boolean enabled() {
      return !hub.isEmpty();
    }
  }

  /** @param httpHistograms whether HTTP latency is recorded as histograms on /metrics */
  public record Metrics(boolean httpHistograms) {}

  /** Defaults everywhere but the content directory and port: for tests and tools. */
  public static Config defaults(Path contentDir) {
    try {
      return ConfigLoader.load(null, Map.of(), Map.of("content.dir", contentDir.toString()));
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }
}
