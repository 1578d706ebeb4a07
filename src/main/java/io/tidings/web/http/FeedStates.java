package io.tidings.web.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tidings.article.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recent states of the feeds that delta clients read (RFC 3229 with {@code A-IM: feed}):
 * per feed (its render cache key: format, base URL, path and canonical query), the last
 * {@link #STATES_PER_FEED} entity tags it was answered with, each with the id and content
 * hash of every item it held. A client that names one of them in If-None-Match gets only the
 * items that are new or changed since.
 *
 * <p>Tags derive from the bytes, so every replica gives a state the same tag; a replica knows
 * the states it answered a delta client with. A tag it does not know (another replica's
 * answer, a state older than the history, a restart) is answered with the whole feed, which is
 * always right. Bounded: at most {@link #MAX_WEIGHT} bytes (estimated) over all feeds, the
 * feed least recently asked for dropped first.
 */
public final class FeedStates {
  /** States kept per feed: older tags get the whole feed. */
  static final int STATES_PER_FEED = 8;
  /** Estimated bytes of every feed's history together. */
  static final long MAX_WEIGHT = 8L << 20;

  /**
   * One state of a feed.
   *
   * @param etag the tag of the identity body
   * @param ids the items' ids, in feed order
   * @param hashes their content hashes, at the same index
   */
  private record State(String etag, String[] ids, long[] hashes) {
    static State of(String etag, List<Article> items) {
      String[] ids = new String[items.size()];
      long[] hashes = new long[items.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = items.get(i).id();
        hashes[i] = items.get(i).contentHash();
      }
      return new State(etag, ids, hashes);
    }

    long weight() {
      long w = 64 + etag.length() * 2L + hashes.length * 8L;
      for (String id : ids) {
        w += 40 + id.length() * 2L;
      }
      return w;
    }
  }

  private final Cache<String, List<State>> history = Caffeine.newBuilder()
      .maximumWeight(MAX_WEIGHT)
      .<String, List<State>>weigher((k, states) -> {
        long w = 64 + k.length() * 2L;
        for (State s : states) {
          w += s.weight();
        }
        return (int) Math.min(Integer.MAX_VALUE, w);
      })
      .executor(Runnable::run)
      .build();

  /**
   * Whether an {@code A-IM} header (a list of instance manipulations, each maybe with
   * parameters) names {@code feed}, in any case, with no {@code q=0}.
   */
  public static boolean asksForFeed(String aIm) {
    if (aIm == null) {
      return false;
    }
    for (String part : aIm.split(",")) {
      String[] bits = part.split(";");
      if (!bits[0].strip().toLowerCase(Locale.ROOT).equals("feed")) {
        continue;
      }
      boolean refused = false;
      for (int k = 1; k < bits.length; k++) {
        String p = bits[k].strip().toLowerCase(Locale.ROOT);
        if (p.startsWith("q=")) {
          try {
            refused = Double.parseDouble(p.substring(2)) <= 0;
          } catch (NumberFormatException e) {
            refused = true;
          }
        }
      }
      if (!refused) {
        return true;
      }
    }
    return false;
  }

  /** Remembers that {@code feedKey} was answered with {@code feed} (a feed with content). */
  public void record(String feedKey, Representation feed) {
    if (feed.content() == null) {
      return;
    }
    history.asMap().compute(feedKey, (k, states) -> {
      if (states != null && !states.isEmpty() && states.get(0).etag().equals(feed.etag())) {
        return states; // still the newest: nothing to add (and the lookup refreshed it)
      }
      List<State> next = new ArrayList<>(STATES_PER_FEED);
      next.add(State.of(feed.etag(), feed.content().items()));
      if (states != null) {
        for (State s : states) {
          if (next.size() < STATES_PER_FEED && !s.etag().equals(feed.etag())) {
            next.add(s);
          }
        }
      }
      return List.copyOf(next);
    });
  }

  /**
   * What a delta holds.
   *
   * @param from the tag (identity body) of the state the delta starts from
   * @param items the items new or changed since, in feed order
   */
  public record Delta(String from, List<Article> items) {}

  /**
   * The items of {@code current} that are new or changed since the state of {@code feedKey}
   * that {@code ifNoneMatch} names (any variant of its tag: gzip, the browser's XML); null
   * when no named state is known, or when every item is new (then the whole feed says the
   * same).
   */
  public Delta changedSince(String feedKey, String ifNoneMatch, Representation current) {
    List<State> states = history.getIfPresent(feedKey);
    if (states == null || current.content() == null) {
      return null;
    }
    State from = null;
    for (String tag : Conditional.entityTags(ifNoneMatch)) {
      String base = identityTag(tag);
      for (State s : states) {
        if (s.etag().equals(base)) {
          from = s;
          break;
        }
      }
      if (from != null) {
        break;
      }
    }
    if (from == null) {
      return null;
    }
    Map<String, Long> before = new HashMap<>(from.ids().length * 2);
    for (int i = 0; i < from.ids().length; i++) {
      before.put(from.ids()[i], from.hashes()[i]);
    }
    List<Article> items = current.content().items();
    List<Article> changed = new ArrayList<>();
    for (Article a : items) {
      Long hash = before.get(a.id());
      if (hash == null || hash != a.contentHash()) {
        changed.add(a);
      }
    }
    return changed.size() == items.size() ? null : new Delta(from.etag(), List.copyOf(changed));
  }

  /** Feeds with a history, for tests and status. */
  public long feeds() {
    history.cleanUp();
    return history.estimatedSize();
  }

  /** {@code "abc-gz-xml"} and {@code "abc-gz"} are variants of {@code "abc"} (Representation). */
  static String identityTag(String tag) {
    String t = tag;
    if (t.endsWith("-xml\"")) {
      t = t.substring(0, t.length() - 5) + "\"";
    }
    if (t.endsWith("-gz\"")) {
      t = t.substring(0, t.length() - 4) + "\"";
    }
    return t;
  }
}
