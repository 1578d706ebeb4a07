package io.tidings.web.events;

import io.tidings.feed.FeedQuery;
import io.tidings.push.ArticleEvent;
import io.tidings.push.EventLog;
import io.tidings.push.StreamCounters;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event streams of one event loop. The event log hands each batch over once per event
 * loop; here it is written to every stream of the loop, each through its own filter. Every
 * stream is touched only on this loop's thread.
 *
 * <p>Each stream has a bounded queue. Its connection takes events until
 * {@code push.clientBuffer} bytes wait unsent; later events wait in the stream's own queue
 * (references to frames that every stream shares, so a waiting event costs a few bytes). A
 * client that falls more than {@code push.replay} events behind, as many as the log could
 * replay, is cut off with a log line: it never makes the others or the server wait, and when
 * it reconnects the log tells it to refetch.
 */
public final class EventStreams implements EventLog.Subscriber {
  /**
   * Each frame's bytes as the buffer this event loop sends, by the identity of the frame (the
   * event log keeps it while it may be replayed); forgotten with the frame.
   */
  private final Map<byte[], Buffer> buffers = new WeakHashMap<>();
  private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);
  private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

  private final Context context;
  private final EventLog log;
  private final StreamCounters counters;
  private final long clientBuffer;
  private final int maxBehind;
  private final Set<Stream> streams = new LinkedHashSet<>();
  private final long heartbeatTimer;
  private boolean closed;

  /** Made on the event loop it serves (an HTTP verticle's start). */
  public EventStreams(Context context, EventLog log, StreamCounters counters, long clientBuffer,
      int maxBehind, long heartbeatMillis) {
    this.context = context;
    this.maxBehind = maxBehind;
    this.log = log;
    this.counters = counters;
    this.clientBuffer = clientBuffer;
    this.heartbeatTimer = context.owner().setPeriodic(heartbeatMillis, heartbeatMillis,
        id -> heartbeat());
    log.subscribe(this);
  }

  EventLog log() {
    return log;
  }

  StreamCounters counters() {
    return counters;
  }

  @Override
  public void deliver(EventLog.Batch batch) {
    context.runOnContext(v -> {
      // One pass over this loop's streams. Each stream gets the batch in one write: the frames
      // its filter lets through, joined once for every stream whose filter lets the same
      // frames through, and shared by them (as is the id line they end with).
      Map<List<byte[]>, byte[]> joined = new HashMap<>();
      byte[] idLine = idLine(batch.lastId());
      for (Stream s : List.copyOf(streams)) {
        s.send(batch, joined, idLine);
      }
    });
  }

  private static byte[] idLine(String id) {
    return ("id: " + id + "\n\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] join(List<byte[]> frames) {
    int n = 0;
    for (byte[] f : frames) {
      n += f.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] f : frames) {
      System.arraycopy(f, 0, out, at, f.length);
      at += f.length;
    }
    return out;
  }

  /**
   * Starts a stream on a response whose head is not yet written: the catch-up first (missed
   * events or a reset), then live events. On this loop's thread.
   */
  void open(HttpServerResponse response, FeedQuery filter, String resetData,
      String lastEventId, String remote) {
    if (closed) {
      response.setStatusCode(503).putHeader("Retry-After", "1").end();
      counters.closed();
      return;
    }
    response.setChunked(true).setWriteQueueMaxSize((int) Math.min(clientBuffer, 1 << 30));
    Stream s = new Stream(response, filter, resetData, remote);
    streams.add(s);
    response.closeHandler(v -> s.closed());
    response.drainHandler(v -> s.drain());
    // Reconnect soon after a stream ends (a restart, a cut-off): the log bridges the gap.
    s.write("retry: 2000\n\n".getBytes(StandardCharsets.US_ASCII));
    EventLog.CatchUp c = log.catchUp(lastEventId);
    if (c.reset()) {
      s.reset(c.lastId());
    } else {
      s.sendEvents(c.missed());
    }
    s.position(c.lastSeq(), c.lastId(), idLine(c.lastId()));
  }

  int size() {
    return streams.size();
  }

  private void heartbeat() {
    for (Stream s : List.copyOf(streams)) {
      if (s.queue.isEmpty()) { // a stream with events waiting is not idle
        s.write(HEARTBEAT);
      }
    }
  }

  /** Ends every stream (the server is stopping); clients reconnect to another replica. */
  public void close() {
    closed = true;
    context.owner().cancelTimer(heartbeatTimer);
    log.unsubscribe(this);
    for (Stream s : List.copyOf(streams)) {
      s.closed(); // first: an event still on its way to this loop then writes nothing
      s.response.end();
    }
  }

  private final class Stream {
    private final HttpServerResponse response;
    private final FeedQuery filter;
    private final String resetData;
    private final String remote;
    /** The last event this stream is past, sent or not (its filter may have skipped it). */
    private long lastSeq;
    /** The id this client holds: that of the last event or id line it was sent. */
    private String clientId = "";
    private boolean gone;
    /** Frames waiting for the connection to take them. */
    private final java.util.ArrayDeque<byte[]> queue = new java.util.ArrayDeque<>();
    /** While a batch is being sent: its frames for this stream, written together after. */
    private List<byte[]> collected;

    Stream(HttpServerResponse response, FeedQuery filter, String resetData, String remote) {
      this.response = response;
      this.filter = filter;
      this.resetData = resetData;
      this.remote = remote;
    }

    void send(EventLog.Batch batch, Map<List<byte[]>, byte[]> joined, byte[] idLine) {
      if (gone || batch.lastSeq() <= lastSeq) {
        return; // already in this stream's catch-up
      }
      collected = new ArrayList<>(2);
      try {
        sendBatch(batch, idLine);
      } finally {
        List<byte[]> frames = collected;
        collected = null;
        if (frames.size() == 1) {
          write(frames.get(0));
        } else if (!frames.isEmpty() && !gone && queue.isEmpty() && !response.writeQueueFull()) {
          send(joined.computeIfAbsent(frames, EventStreams::join)); // one write, one flush
        } else {
          frames.forEach(this::write); // queued one by one: the cut-off counts events
        }
      }
    }

    private void sendBatch(EventLog.Batch batch, byte[] idLine) {
      if (batch.reset()) {
        reset(batch.lastId());
      } else {
        List<ArticleEvent> fresh = new ArrayList<>(batch.events().size());
        for (ArticleEvent e : batch.events()) {
          if (e.seq() > lastSeq) {
            fresh.add(e);
          }
        }
        sendEvents(fresh);
      }
      position(batch.lastSeq(), batch.lastId(), idLine);
    }

    void sendEvents(List<ArticleEvent> events) {
      int n = 0;
      for (ArticleEvent e : events) {
        ArticleEvent.Type type = e.typeFor(filter);
        if (type != null && !gone) {
          write(e.frame(type));
          clientId = e.id();
          n++;
        }
      }
      counters.sent(n);
    }

    void reset(String id) {
      write(("id: " + id + "\nevent: reset\ndata: " + resetData + "\n\n")
          .getBytes(StandardCharsets.UTF_8));
      clientId = id;
      counters.sent(1);
    }

    /**
     * Moves the stream past {@code seq}. A client whose filter skipped the last events still
     * learns the newest id (an id line alone dispatches no event), so that when it reconnects
     * the log can continue from there, however long ago its last event was.
     */
    void position(long seq, String id, byte[] idLine) {
      lastSeq = seq;
      if (!id.equals(clientId)) {
        write(idLine);
        clientId = id;
      }
    }

    void write(byte[] bytes) {
      if (gone) {
        return;
      }
      if (collected != null) {
        collected.add(bytes);
        return;
      }
      if (queue.isEmpty() && !response.writeQueueFull()) {
        send(bytes);
        return;
      }
      queue.addLast(bytes);
      if (queue.size() > maxBehind) {
        LOG.warn("event stream to {} cut off: its client is more than {} events behind"
            + " (and {} bytes unread)", remote, maxBehind, clientBuffer);
        counters.cutOffTooSlow();
        queue.clear();
        closed();
        response.reset();
      }
    }

    /** The connection can take more: hand it what waits, up to its bound. */
    void drain() {
      while (!gone && !queue.isEmpty() && !response.writeQueueFull()) {
        send(queue.pollFirst());
      }
    }

    private void send(byte[] bytes) {
      // One buffer per frame and event loop, shared by every stream that sends it: Vert.x
      // writes a slice of it, so a frame is copied once, not once a stream.
      response.write(buffers.computeIfAbsent(bytes, Buffer::buffer));
    }

    void closed() {
      if (!gone) {
        gone = true;
        streams.remove(this);
        counters.closed();
      }
    }
  }
}
