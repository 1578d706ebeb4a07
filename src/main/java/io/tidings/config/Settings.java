package io.tidings.config;

import java.time.Duration;
import java.util.List;

/** Every configuration key in one table: the file, the environment and --help all read it. */
public final class Settings {
  private Settings() {}

  public static final List<Setting> ALL = List.of(
      new Setting("http.host", "0.0.0.0", ValueType.string(),
          "address to listen on"),
      new Setting("http.port", "8080", ValueType.integer(0, 65535),
          "port to listen on (0 picks a free one)"),
      new Setting("http.baseUrl", "", ValueType.baseUrl(),
          "public URL of the server for self links; empty: from the Host header (and"
              + " X-Forwarded-Host / X-Forwarded-Proto from http.trustedProxies)"),
      new Setting("http.trustedProxies", "", ValueType.trustedProxies(),
          "IP addresses and CIDR blocks (127.0.0.1, 10.0.0.0/8) whose X-Forwarded-Host and"
              + " X-Forwarded-Proto are believed; empty: nobody's"),
      new Setting("http.shutdownGrace", "8s", ValueType.duration(Duration.ZERO),
          "on SIGTERM, how long requests in flight may take to finish before they are cut"),
      new Setting("http.eventLoops", "0", ValueType.integer(0, 256),
          "event loops serving HTTP; 0: one per core (with port 0, always one)"),
      new Setting("http.accessLog", "false", ValueType.bool(),
          "log one line per request (method, path, status, bytes, duration)"),
      new Setting("http.maxHeaderSize", "8KiB", ValueType.size(1024, 1L << 20),
          "largest request head (all header lines together); more gets 431")
          .nestedIn("limits"),
      new Setting("http.maxUriLength", "4096", ValueType.integer(256, 65_536),
          "longest request URI (path and query); longer gets 414")
          .nestedIn("limits"),
      new Setting("http.maxQueryParams", "64", ValueType.integer(1, 10_000),
          "most query parameters in one request; more gets 400")
          .nestedIn("limits"),
      new Setting("http.headerTimeout", "10s", ValueType.duration(Duration.ofMillis(100)),
          "time a new connection has to send its first complete request head; then it is closed")
          .nestedIn("limits"),
      new Setting("http.keepAliveTimeout", "30s", ValueType.duration(Duration.ofSeconds(2)),
          "time a kept-alive connection waits for its next complete request head after a"
              + " response; then it is closed (advertised as Keep-Alive: timeout, a little less)")
          .nestedIn("limits"),
      new Setting("http.idleTimeout", "60s", ValueType.duration(Duration.ofSeconds(1)),
          "a connection that neither sends nor receives a byte for this long is closed")
          .nestedIn("limits"),
      new Setting("http.maxConnections", "16384", ValueType.integer(1, 1_000_000),
          "open connections at once, over every event loop; more are closed at once")
          .nestedIn("limits"),
      new Setting("content.dir", "conf/content", ValueType.path(),
          "directory of article files, read recursively"),
      new Setting("content.watch", "auto", ValueType.oneOf("auto", "native", "poll"),
          "native: file events (inotify); poll: periodic walk; auto: native, else poll"),
      new Setting("content.pollInterval", "2s", ValueType.duration(Duration.ofMillis(100)),
          "time between walks in poll mode, and between checks for a vanished directory"),
      new Setting("content.debounce", "100ms", ValueType.duration(Duration.ofMillis(1)),
          "bounds bursts: events after the first gather until this long quiet; files written"
              + " in place settle max(5x this, 500ms)"),
      new Setting("content.rescanInterval", "10m", ValueType.duration(Duration.ZERO),
          "full rescan as a safety net in native mode; 0 turns it off"),
      new Setting("content.maxFileSize", "1MiB", ValueType.size(1024, 1L << 30),
          "larger files are refused without being read"),
      new Setting("content.includeUnpublished", "false", ValueType.bool(),
          "serve articles marked published: false (drafts)"),
      new Setting("content.hideFuture", "true", ValueType.bool(),
          "hold back articles dated in the future until their time comes; false: show them at once"),
      new Setting("content.extensions", "txt,md,markdown,yaml,yml", ValueType.extensions(),
          "file extensions that hold articles; other files are ignored"),
      new Setting("content.parseThreads", "0", ValueType.integer(0, 256),
          "threads that parse files during a scan; 0: one per core"),
      new Setting("content.stallTimeout", "60s", ValueType.duration(Duration.ofMillis(100)),
          "/health answers 503 while the ingest thread has been on one task this long"),
      new Setting("content.cacheDir", "", ValueType.path(),
          "folder of the restart cache (parsed articles, so a restart reads only changed files);"
              + " empty: off"),
      new Setting("feeds.title", "Tidings", ValueType.string(),
          "site name, the first part of every feed title"),
      new Setting("feeds.description", "Articles served by Tidings", ValueType.string(),
          "feed description"),
      new Setting("feeds.language", "", ValueType.language(),
          "language of the articles (en, de-CH); empty: not declared"),
      new Setting("feeds.defaultLimit", "50", ValueType.integer(1, 10_000),
          "items in a feed when the query has no limit"),
      new Setting("feeds.maxLimit", "500", ValueType.integer(1, 10_000),
          "largest limit a query may ask for"),
      new Setting("feeds.ttl", "30m", ValueType.duration(Duration.ofMinutes(1)),
          "RSS ttl: how long readers may wait before polling again"),
      new Setting("feeds.maxAge", "60s", ValueType.duration(Duration.ZERO),
          "Cache-Control max-age of feeds"),
      new Setting("feeds.cacheEntries", "2000", ValueType.integer(0, 1_000_000),
          "rendered feeds kept in memory"),
      new Setting("feeds.cacheBytes", "64MiB", ValueType.size(0, 1L << 34),
          "bytes of rendered feeds kept in memory"),
      new Setting("feeds.stylesheet", "true", ValueType.bool(),
          "RSS and Atom name an XSLT stylesheet (for clients that get the XML and run XSLT)"),
      new Setting("push.maxClients", "10000", ValueType.integer(0, 1_000_000),
          "server-sent event streams at once (/events); one more gets 503"),
      new Setting("push.heartbeat", "15s", ValueType.duration(Duration.ofMillis(10)),
          "a comment on every idle event stream this often, so that proxies keep it open"),
      new Setting("push.replay", "1000", ValueType.integer(1, 1_000_000),
          "recent events kept for clients that reconnect; a client further behind is cut off"),
      new Setting("push.clientBuffer", "256KiB", ValueType.size(1024, 1L << 30),
          "bytes an event stream's connection may hold unsent; more events wait in its queue"),
      new Setting("websub.hub", "", ValueType.baseUrl(),
          "WebSub hub to notify of changed feeds; empty: off (needs http.baseUrl)"),
      new Setting("websub.timeout", "10s", ValueType.duration(Duration.ofMillis(1)),
          "how long a notification may take before it counts as failed"),
      new Setting("websub.retryDelay", "2s", ValueType.duration(Duration.ofMillis(1)),
          "wait before the first retry of a failed notification; doubles on each retry"),
      new Setting("websub.maxAttempts", "8", ValueType.integer(1, 100),
          "notifications of one feed URL tried at most this often before it is given up"),
      new Setting("metrics.httpHistograms", "true", ValueType.bool(),
          "/metrics has HTTP latency histograms by route and status class; false: only the"
              + " request counts"));

  static Setting find(String key) {
    for (Setting s : ALL) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    return null;
  }
}
