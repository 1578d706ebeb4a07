package io.tidings.load;

import io.tidings.load.FeedItems.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the responses tagged with each snapshot version showed, and the checks that all of
 * them are renderings of one and the same catalog state.
 *
 * <p>Why a torn feed fails here. Suppose a feed mixed two states S1 and S2 (items selected in
 * one and rendered from the other, half its items from each, or a cached copy of S1 sent under
 * S2's version). It is tagged with one version V. The responses tagged V include the complete
 * feed of V (every visible article, limit 500) whenever a client asked for it while V was
 * current, and the test asserts that most versions have one. Against it: (1) an article whose
 * generation, title, topics or provider differ from V's copy fails {@link #record}; (2) the
 * torn feed's list differs from "the complete feed of V, filtered and cut at the limit" (an
 * article that entered, left, changed topic or word between S1 and S2 is in one and not the
 * other) and fails {@link #crossCheck}; (3) two different bodies of one URL under one V fail
 * {@link #record}. A mix of S1 and S2 that no check tells from V is one in which S1 and S2
 * agree on everything the feed shows: then it is not torn.
 */
final class SnapshotLedger {
  private record Key(String version, String path) {}

  private record Seen(String etag, List<Item> items) {}

  private final Map<Key, Seen> feeds = new HashMap<>();
  private final Map<String, Map<String, Item>> articles = new HashMap<>();
  private final Map<String, List<FeedSpec>> specsByVersion = new HashMap<>();
  private final Queue<String> violations = new ConcurrentLinkedQueue<>();
  private final AtomicLong violationCount = new AtomicLong();
  private final Map<String, Long> firstSeen = new java.util.concurrent.ConcurrentHashMap<>();
  private long crossChecks;
  private long pairsWithoutReference;

  /** Notes when a response (200 or 304) first named {@code version}. */
  void seen(String version, long nanos) {
    if (version != null) {
      firstSeen.putIfAbsent(version, nanos);
    }
  }

  /** When a response first named {@code version}, or null. */
  Long firstSeen(String version) {
    return firstSeen.get(version);
  }

  /** Records one 200 response: its version, the ETag of its identity bytes, its items. */
  synchronized void record(FeedSpec spec, String version, String etag, List<Item> items) {
    Key key = new Key(version, spec.path());
    Seen before = feeds.get(key);
    if (before != null) {
      if (!before.etag().equals(etag)) {
        violation(spec + " gave two different bodies under snapshot " + version + ": "
            + before.etag() + " and " + etag);
      }
      return;
    }
    feeds.put(key, new Seen(etag, items));
    specsByVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(spec);
    Map<String, Item> known = articles.computeIfAbsent(version, v -> new HashMap<>());
    for (Item i : items) {
      Item other = known.putIfAbsent(i.id(), i);
      if (other != null && !sameArticle(other, i)) {
        violation("snapshot " + version + " shows " + i.id() + " as \"" + other.title()
            + "\" " + other.mark() + " in one feed and as \"" + i.title() + "\" " + i.mark()
            + " in " + spec);
      }
    }
  }

  /**
   * The same version of an article: the mark (generation, topics, provider, word), the title
   * and the date. Static articles never change; their text is not compared across formats,
   * whose readers may normalise markup and white space differently.
   */
  private static boolean sameArticle(Item a, Item b) {
    return Objects.equals(a.mark(), b.mark()) && Objects.equals(a.published(), b.published())
        && (a.mark() == null || Objects.equals(a.title(), b.title()));
  }

  /**
   * For every version with a complete feed: each other writer feed of that version must be
   * exactly the complete feed filtered by its own rule, in the same order, cut at its limit.
   */
  synchronized void crossCheck() {
    for (Map.Entry<String, List<FeedSpec>> v : specsByVersion.entrySet()) {
      List<Item> complete = null;
      for (FeedSpec s : v.getValue()) {
        if (s.complete()) {
          List<Item> items = feeds.get(new Key(v.getKey(), s.path())).items();
          if (complete == null) {
            complete = items;
          } else if (!ids(complete).equals(ids(items))) {
            violation("the complete feeds of snapshot " + v.getKey() + " differ: " + s);
          }
        }
      }
      for (FeedSpec s : v.getValue()) {
        if (s.staticOnly() || s.complete()) {
          continue;
        }
        if (complete == null) {
          pairsWithoutReference++;
          continue;
        }
        List<String> expected = new ArrayList<>();
        for (Item i : complete) {
          boolean in = i.mark() == null ? s.withStatic() : s.filter().test(i.mark());
          if (in && expected.size() < s.limit()) {
            expected.add(i.id());
          }
        }
        List<String> actual = ids(feeds.get(new Key(v.getKey(), s.path())).items());
        crossChecks++;
        if (!expected.equals(actual)) {
          violation(s + " under snapshot " + v.getKey() + " lists " + actual.size()
              + " items that are not the complete feed's " + expected.size() + " filtered: "
              + difference(expected, actual));
        }
      }
    }
  }

  private static String difference(List<String> expected, List<String> actual) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> extra = new ArrayList<>(actual);
    extra.removeAll(expected);
    return "missing " + missing + ", extra " + extra
        + (missing.isEmpty() && extra.isEmpty() ? " (order differs)" : "");
  }

  static List<String> ids(List<Item> items) {
    List<String> out = new ArrayList<>(items.size());
    items.forEach(i -> out.add(i.id()));
    return out;
  }

  void violation(String what) {
    if (violationCount.incrementAndGet() <= 20) {
      violations.add(what);
    }
  }

  long violationCount() {
    return violationCount.get();
  }

  List<String> firstViolations() {
    return List.copyOf(violations);
  }

  synchronized int versions() {
    return specsByVersion.size();
  }

  synchronized int versionsWithComplete() {
    int n = 0;
    for (List<FeedSpec> l : specsByVersion.values()) {
      if (l.stream().anyMatch(FeedSpec::complete)) {
        n++;
      }
    }
    return n;
  }

  synchronized long crossChecks() {
    return crossChecks;
  }

  synchronized long pairsWithoutReference() {
    return pairsWithoutReference;
  }

  synchronized long bodies() {
    return feeds.size();
  }
}
