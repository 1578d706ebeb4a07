package io.tidings.web;

import io.tidings.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what connections may hold: at most {@code http.maxConnections} open at once over
 * every event loop (one more is closed as it opens), and {@code http.headerTimeout} to send a
 * complete request head, from the connection's opening and again from the end of each
 * response. The idle time-out of Vert.x does not stop a client that trickles one byte a
 * second (each byte is activity); this deadline does. While a response is being sent (a big
 * feed to a slow reader, a stream of events) no deadline runs: the idle time-out covers it.
 *
 * <p>One instance is shared by every HTTP verticle (the count is global); each verticle asks
 * for its own {@link Loop}, whose state only its event loop touches.
 */
public final class ConnectionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  private static final long WARN_EVERY_NANOS = 60_000_000_000L;

  private final int maxConnections;
  private final long headerTimeoutMillis;
  private final AtomicInteger open = new AtomicInteger();
  /** When the last refusal was logged: at most one warning a minute, whatever the load. */
  private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE);

  public ConnectionGuard(Config.Limits limits) {
    this.maxConnections = limits.maxConnections();
    this.headerTimeoutMillis = limits.headerTimeout().toMillis();
  }

  /** Connections open now, over every event loop. */
  public int open() {
    return open.get();
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
      states.put(conn, state);
      conn.closeHandler(v -> {
        State s = states.remove(conn);
        if (s != null) {
          vertx.cancelTimer(s.timer);
          open.decrementAndGet();
        }
      });
      arm(conn, state);
    }

    /**
     * A complete head arrived: no deadline while it is answered; the next one starts when
     * the last response of the connection has been written.
     */
    public void headArrived(HttpServerRequest request) {
      HttpConnection conn = request.connection();
      State state = states.get(conn);
      if (state == null) {
        return; // refused or closed meanwhile
      }
      vertx.cancelTimer(state.timer);
      state.inFlight++;
      request.response().bodyEndHandler(v -> {
        state.inFlight--;
        if (state.inFlight == 0 && states.get(conn) == state) {
          arm(conn, state);
        }
      });
    }

    private void arm(HttpConnection conn, State state) {
      vertx.cancelTimer(state.timer);
      state.timer = vertx.setTimer(headerTimeoutMillis, id -> {
        LOG.debug("closing a connection from {}: no complete request head within {} ms"
            + " (http.headerTimeout)", conn.remoteAddress(), headerTimeoutMillis);
        conn.close();
      });
    }
  }

  private static final class State {
    long timer = -1;
    int inFlight;
  }
}
