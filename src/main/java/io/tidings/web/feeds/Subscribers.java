package io.tidings.web.feeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The subscriber counts that aggregators report in their User-Agent
 * ({@link AggregatorAgent}), the latest report per aggregator and feed. A feed is its
 * canonical path and query (the URL its self link names), never what a client spelled, so a
 * client cannot make up labels; and at most {@link #MAX_ROWS} (feed, aggregator) pairs are
 * kept, the least recently reported dropped first, however many feeds are asked for.
 * Thread-safe: every event loop reports here; reports are rare (only agents that carry one).
 */
public final class Subscribers {
  /** Pairs of (feed, aggregator) kept at most. */
  public static final int MAX_ROWS = 1_000;

  /** One count: {@code subscribers} of {@code feed} read it at {@code aggregator}. */
  public record Row(String feed, String aggregator, long subscribers) {}

  /** A feed's counts: per aggregator (by name) and their sum. */
  public record FeedCounts(String feed, long total, Map<String, Long> aggregators) {}

  private record Key(String feed, String aggregator) {}

  private final int maxRows;
  /** In order of the last report, oldest first. */
  private final LinkedHashMap<Key, Long> counts = new LinkedHashMap<>();
  private long version;

  public Subscribers() {
    this(MAX_ROWS);
  }

  Subscribers(int maxRows) {
    this.maxRows = maxRows;
  }

  /**
   * Records the count in {@code userAgent}, if it carries one, for {@code feed} (canonical).
   * Costs a scan for two words when it carries none.
   */
  public void report(String feed, String userAgent) {
    if (!AggregatorAgent.mayReport(userAgent)) {
      return;
    }
    AggregatorAgent.Report r = AggregatorAgent.parse(userAgent);
    if (r != null) {
      put(feed, r.aggregator(), r.subscribers());
    }
  }

  synchronized void put(String feed, String aggregator, long subscribers) {
    Key key = new Key(feed, aggregator);
    Long before = counts.remove(key);
    counts.put(key, subscribers);
    if (before == null || before != subscribers) {
      version++;
    }
    Iterator<Key> oldest = counts.keySet().iterator();
    while (counts.size() > maxRows) {
      oldest.next();
      oldest.remove();
      version++;
    }
  }

  /** Changes with every change of a count, to tell whether {@link #rows()} may differ. */
  public synchronized long version() {
    return version;
  }

  /** Every count, by feed then aggregator. */
  public synchronized List<Row> rows() {
    List<Row> rows = new ArrayList<>(counts.size());
    counts.forEach((k, v) -> rows.add(new Row(k.feed(), k.aggregator(), v)));
    rows.sort(Comparator.comparing(Row::feed).thenComparing(Row::aggregator));
    return rows;
  }

  /** Per feed (by path), the counts of each aggregator and their total. */
  public List<FeedCounts> byFeed() {
    Map<String, Map<String, Long>> feeds = new TreeMap<>();
    for (Row r : rows()) {
      feeds.computeIfAbsent(r.feed(), f -> new TreeMap<>()).put(r.aggregator(), r.subscribers());
    }
    List<FeedCounts> out = new ArrayList<>(feeds.size());
    feeds.forEach((feed, byName) -> out.add(new FeedCounts(feed,
        byName.values().stream().mapToLong(Long::longValue).sum(), byName)));
    return out;
  }
}
