package io.tidings.push;

import io.tidings.article.Article;
import io.tidings.catalog.SnapshotChange;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The article events of recent snapshots, for live streams and for clients that reconnect.
 * The catalog's announcement goes in ({@link #publish}, on the ingest thread); every
 * subscriber (one per event loop) gets each batch in order; a reconnecting client asks for
 * what came after its last event id ({@link #catchUp}).
 *
 * <p>Event ids are {@code <token>-<seq>}: {@code seq} counts this process's events and the
 * random token names the process, so that an id from another replica or an earlier run is
 * never mistaken for one of ours: such a client gets {@code reset} and refetches the feed.
 */
public final class EventLog {

  /** Receives each batch in order. Called under the log's lock: only hand the batch on. */
  public interface Subscriber {
    void deliver(Batch batch);
  }

  /**
   * What one snapshot changed: its events, or, for a change too big to replay (more articles
   * than the log holds), a reset that tells clients to refetch.
   *
   * @param lastSeq the seq of the batch's last event (a reset uses one seq of its own)
   */
  public record Batch(List<ArticleEvent> events, boolean reset, long lastSeq, String lastId) {}

  /**
   * What a connecting client gets before the live events: either the events it missed or a
   * reset, and its position, the id of the newest event so far.
   */
  public record CatchUp(List<ArticleEvent> missed, boolean reset, long lastSeq, String lastId) {}

  private final int capacity;
  private final String token;
  private final ArrayDeque<ArticleEvent> recent = new ArrayDeque<>();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  /** Events up to this seq are gone from the log (it rolled over, or a reset cleared it). */
  private long forgottenUpTo;
  private long seq;

  /** @param capacity how many recent events reconnecting clients can be replayed */
  public EventLog(int capacity) {
    this.capacity = capacity;
    this.token = Long.toString(new SecureRandom().nextLong() >>> 16, 36);
  }

  public void subscribe(Subscriber s) {
    subscribers.add(s);
  }

  public void unsubscribe(Subscriber s) {
    subscribers.remove(s);
  }

  /** The catalog's listener: turns one snapshot change into a batch and hands it on. */
  public synchronized void publish(SnapshotChange change) {
    if (change.isEmpty()) {
      return;
    }
    Map<String, Article> gone = new HashMap<>();
    for (Article a : change.removed()) {
      gone.put(a.id(), a);
    }
    int size = gone.size();
    for (Article a : change.added()) {
      if (!gone.containsKey(a.id())) {
        size++;
      }
    }
    Batch batch;
    if (size > capacity) {
      recent.clear();
      seq++;
      forgottenUpTo = seq;
      batch = new Batch(List.of(), true, seq, id(seq));
    } else {
      List<ArticleEvent> events = new ArrayList<>(size);
      for (Article a : change.added()) {
        seq++;
        events.add(new ArticleEvent(seq, id(seq), gone.remove(a.id()), a));
      }
      for (Article a : change.removed()) {
        if (gone.containsKey(a.id())) {
          seq++;
          events.add(new ArticleEvent(seq, id(seq), a, null));
        }
      }
      for (ArticleEvent e : events) {
        recent.addLast(e);
        if (recent.size() > capacity) {
          forgottenUpTo = recent.removeFirst().seq();
        }
      }
      batch = new Batch(List.copyOf(events), false, seq, id(seq));
    }
    for (Subscriber s : subscribers) {
      s.deliver(batch);
    }
  }

  /**
   * Where a client starts: after {@code lastEventId} (null for a new client, which starts
   * now). An id this log cannot continue from (too old, another process's, not ours at all)
   * gives a reset.
   */
  public synchronized CatchUp catchUp(String lastEventId) {
    String now = id(seq);
    if (lastEventId == null || lastEventId.isBlank()) {
      return new CatchUp(List.of(), false, seq, now);
    }
    long from = parse(lastEventId.strip());
    if (from < forgottenUpTo || from > seq) {
      return new CatchUp(List.of(), true, seq, now);
    }
    List<ArticleEvent> missed = new ArrayList<>();
    for (ArticleEvent e : recent) {
      if (e.seq() > from) {
        missed.add(e);
      }
    }
    return new CatchUp(missed, false, seq, now);
  }

  /** The seq an id of ours names, or -1 for any other string. */
  private long parse(String id) {
    if (!id.startsWith(token) || id.length() <= token.length() + 1
        || id.charAt(token.length()) != '-') {
      return -1;
    }
    try {
      return Long.parseLong(id.substring(token.length() + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  String id(long n) {
    return token + "-" + n;
  }

  public synchronized int size() {
    return recent.size();
  }
}
