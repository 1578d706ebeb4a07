package io.tidings.web.server;

import io.tidings.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what connections may hold: at most {@code http.maxConnections} open at once over
 * every event loop (one more is closed as it opens), {@code http.headerTimeout} for a new
 * connection to send its first complete request head, and {@code http.keepAliveTimeout} for
 * a kept-alive one to send its next head after the end of a response. The idle time-out of
 * Vert.x does not stop a client that trickles one byte a second (each byte is activity);
 * these deadlines do. While a response is being sent (a big feed to a slow reader, a stream
 * of events) no deadline runs: the idle time-out covers it.
 *
 * <p>Every response on a connection that stays open says how long it will wait for the next
 * request ({@code Keep-Alive: timeout=N}), a little less than the real deadline: a client that
 * keeps its pooled connection no longer than that never sends on a connection that the server
 * is closing at that very moment (a request lost on the way, with nothing to tell the client
 * whether it may repeat it). Clients that ignore the hint meet the keep-alive deadline rarely,
 * since it is long, rather than every 10 s.
 *
 * <p>One instance is shared by every HTTP verticle (the count is global); each verticle asks
 * for its own {@link Loop}, whose state only its event loop touches.
 */
public final class ConnectionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  private static final long WARN_EVERY_NANOS = 60_000_000_000L;

  private final int maxConnections;
  private final long headerTimeoutMillis;
  private final long keepAliveMillis;
  private final String keepAliveHeader;
  private final AtomicInteger open = new AtomicInteger();
  private final LongAdder refused = new LongAdder();
  private final LongAdder headTimeouts = new LongAdder();
  private final LongAdder keepAliveExpired = new LongAdder();
  /** When the last refusal was logged: at most one warning a minute, whatever the load. */
  private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE);

  public ConnectionGuard(Config.Limits limits) {
    this.maxConnections = limits.maxConnections();
    this.headerTimeoutMillis = limits.headerTimeout().toMillis();
    this.keepAliveMillis = limits.keepAliveTimeout().toMillis();
    long promise = advertisedKeepAlive(limits.keepAliveTimeout());
    // Under 2 s (an idle time-out of 1 s shortens it) there is no whole second to promise.
    this.keepAliveHeader = promise * 1000 < keepAliveMillis ? "timeout=" + promise : null;
  }

  /**
   * The whole seconds that {@code Keep-Alive: timeout} promises: the deadline less a margin of
   * a sixth of it, at least 1 s (30 s: 25). Clients check their pools once a second or so and
   * the promise must hold until they have.
   */
  public static long advertisedKeepAlive(Duration keepAlive) {
    long millis = keepAlive.toMillis();
    return Math.max(1, (millis - Math.max(1000, millis / 6)) / 1000);
  }

  /** Connections open now, over every event loop. */
  public int open() {
    return open.get();
  }

  /** Connections closed as they opened, over {@code http.maxConnections}. */
  public long refused() {
    return refused.sum();
  }

  /** New connections closed with no complete request head within {@code http.headerTimeout}. */
  public long headTimeouts() {
    return headTimeouts.sum();
  }

  /**
   * Kept-alive connections closed with no complete next head within
   * {@code http.keepAliveTimeout} of the end of their last response.
   */
  public long keepAliveExpired() {
    return keepAliveExpired.sum();
  }

  /** The guard of one server, called on its event loop only. */
  public Loop loop(Vertx vertx) {
    return new Loop(vertx);
  }

  public final class Loop {
    private final Vertx vertx;
    private final Map<HttpConnection, State> states = new IdentityHashMap<>();

    private Loop(Vertx vertx) {
      this.vertx = vertx;
    }

    /** For {@code HttpServer.connectionHandler}. */
    public void opened(HttpConnection conn) {
      if (open.incrementAndGet() > maxConnections) {
        open.decrementAndGet();
        refused.increment();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if ((last == Long.MIN_VALUE || now - last > WARN_EVERY_NANOS)
            && lastWarning.compareAndSet(last, now)) {
          LOG.warn("{} connections are open (http.maxConnections): closing new ones until"
              + " some close", maxConnections);
        }
        conn.close();
        return;
      }
      State state = new State();
      state.idleSince = System.nanoTime();
      states.put(conn, state);
      conn.closeHandler(v -> {
        State s = states.remove(conn);
        if (s != null) {
          if (s.timer >= 0) {
            vertx.cancelTimer(s.timer);
          }
          open.decrementAndGet();
        }
      });
      arm(conn, state, headerTimeoutMillis);
    }

    /**
     * A complete head arrived: no deadline while it is answered; the next one starts when
     * the last response of the connection has been written. The response says how long the
     * connection will wait for the next request, unless it will not wait at all.
     *
     * @return false when the request must not be answered: it came on a connection that a
     *     refusal has ended ({@link #lastOn}), after bytes that were never read as a body
     */
    public boolean headArrived(HttpServerRequest request) {
      HttpConnection conn = request.connection();
      State state = states.get(conn);
      if (state == null) {
        return true; // refused or closed meanwhile
      }
      if (state.last) {
        return false;
      }
      state.inFlight++;
      if (keepAliveHeader != null && keptAlive(request)) {
        request.response().putHeader("Keep-Alive", keepAliveHeader);
      }
      request.response().bodyEndHandler(v -> {
        state.inFlight--;
        if (state.inFlight == 0 && states.get(conn) == state) {
          state.idleSince = System.nanoTime();
          state.keptAlive = true;
          if (state.timer < 0) {
            arm(conn, state, keepAliveMillis);
          }
        }
      });
      return true;
    }

    /**
     * The answer to this request is the last on its connection (RFC 9112, 6.3 and 9.6): a
     * request that follows it on the connection, pipelined or not, is never answered, and the
     * connection is closed once the answer is written. For a refusal whose body or framing was
     * not read, so that no byte after the head can be taken for a request. Call it before the
     * answer ends: Vert.x hands a pipelined request over as soon as it does.
     */
    public void lastOn(HttpServerRequest request) {
      State state = states.get(request.connection());
      if (state != null) {
        state.last = true;
      }
    }

    /**
     * One timer per connection, not one per request: when it fires it checks the deadline
     * that applies now (from the last response's end, or from the opening) and sleeps again
     * for what is left of it; while a request is being answered it stops, and the end of the
     * response starts it again.
     */
    private void arm(HttpConnection conn, State state, long millis) {
      state.timer = vertx.setTimer(Math.max(1, millis), id -> {
        state.timer = -1;
        if (state.inFlight > 0 || states.get(conn) != state) {
          return;
        }
        long limit = state.keptAlive ? keepAliveMillis : headerTimeoutMillis;
        long left = limit - (System.nanoTime() - state.idleSince) / 1_000_000;
        if (left > 0) {
          arm(conn, state, left);
          return;
        }
        (state.keptAlive ? keepAliveExpired : headTimeouts).increment();
        LOG.debug("closing a connection from {}: no complete request head within {} ms ({})",
            conn.remoteAddress(), limit,
            state.keptAlive ? "http.keepAliveTimeout" : "http.headerTimeout");
        conn.close();
      });
    }
  }

  /** Whether the connection stays open after this request's response (RFC 9112, 9.3). */
  private static boolean keptAlive(HttpServerRequest request) {
    String connection = request.getHeader("Connection");
    if (request.version() == HttpVersion.HTTP_1_1) {
      return connection == null || !hasToken(connection, "close");
    }
    return request.version() == HttpVersion.HTTP_1_0 && connection != null
        && hasToken(connection, "keep-alive");
  }

  private static boolean hasToken(String header, String token) {
    for (String part : header.split(",")) {
      if (part.strip().equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }

  private static final class State {
    long timer = -1;
    int inFlight;
    /** When the connection opened, or its last response ended (System.nanoTime). */
    long idleSince;
    /** Whether a response has ended: the next head's deadline is the keep-alive one. */
    boolean keptAlive;
    /** Whether a refusal ended the connection: no later request on it is answered. */
    boolean last;
  }
}
