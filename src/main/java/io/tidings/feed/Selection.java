package io.tidings.feed;

import io.tidings.article.Article;
import io.tidings.catalog.Facet;
import io.tidings.catalog.Ordering;
import io.tidings.catalog.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs a query on a snapshot: starts from the narrowest index the query names (its topics,
 * else its providers, else its categories, else everything), walks it newest first, and
 * stops at the limit, so that a filtered feed does not scan the whole catalog. A query with
 * words starts from the word index instead ({@link WordSearch}).
 */
public final class Selection {
  private Selection() {}

  public static List<Article> run(Snapshot snapshot, FeedQuery query) {
    return run(snapshot, query, 0, query.limit());
  }

  /** The page of matches after skipping {@code offset} of them. */
  public static List<Article> run(Snapshot snapshot, FeedQuery query, int offset, int limit) {
    if (!query.words().isEmpty()) {
      return words(snapshot, query, sources(snapshot, query), offset, limit);
    }
    List<Article> out = new ArrayList<>(Math.min(Math.max(limit, 0), 64));
    if (limit <= 0) {
      return out;
    }
    int[] skipped = {0};
    walk(snapshot, query, a -> {
      if (skipped[0] < offset) {
        skipped[0]++;
        return true;
      }
      out.add(a);
      return out.size() < limit;
    });
    return out;
  }

  /** How many articles match, whatever the limit: the API's {@code total}. */
  public static int count(Snapshot snapshot, FeedQuery query) {
    int[] n = {0};
    walk(snapshot, query, a -> {
      n[0]++;
      return true;
    });
    return n[0];
  }

  /**
   * Hands every match to {@code visitor}, newest first ({@link Ordering#NEWEST_FIRST}), until
   * it returns false; the query's limit is not applied.
   */
  public static void walk(Snapshot snapshot, FeedQuery query, Predicate<Article> visitor) {
    List<List<Article>> sources = sources(snapshot, query);
    if (!query.words().isEmpty()) {
      for (Article a : words(snapshot, query, sources, 0, Integer.MAX_VALUE)) {
        if (!visitor.test(a)) {
          return;
        }
      }
      return;
    }
    // Lists from the topic index hold only articles that have one of the query's topics.
    boolean topicsHold = !query.topics().isEmpty();
    if (sources.size() == 1) {
      for (Article a : sources.get(0)) {
        if (query.matches(a, topicsHold) && !visitor.test(a)) {
          return;
        }
      }
      return;
    }
    // Several lists (topic=a,b): merge them newest first; an article in two lists comes once.
    PriorityQueue<Cursor> heads = new PriorityQueue<>();
    for (List<Article> list : sources) {
      if (!list.isEmpty()) {
        heads.add(new Cursor(list));
      }
    }
    Article last = null;
    while (!heads.isEmpty()) {
      Cursor c = heads.poll();
      Article a = c.list.get(c.index);
      if (++c.index < c.list.size()) {
        heads.add(c);
      }
      if (a == last) {
        continue;
      }
      last = a;
      if (query.matches(a, topicsHold) && !visitor.test(a)) {
        return;
      }
    }
  }

  /** A query with words: from the word index, stopping at the limit. */
  private static List<Article> words(Snapshot snapshot, FeedQuery query,
      List<List<Article>> sources, int offset, int limit) {
    boolean narrow = !query.topics().isEmpty() || !query.providers().isEmpty()
        || !query.categories().isEmpty();
    return WordSearch.run(snapshot, query, sources, narrow, offset, limit);
  }

  private static List<List<Article>> sources(Snapshot s, FeedQuery q) {
    if (!q.topics().isEmpty()) {
      return facets(s.topics(), q.topics());
    }
    if (!q.providers().isEmpty()) {
      return facets(s.providers(), q.providers());
    }
    if (!q.categories().isEmpty()) {
      return facets(s.categories(), q.categories());
    }
    return List.of(s.articles());
  }

  private static List<List<Article>> facets(Map<String, Facet> index, Set<String> keys) {
    List<List<Article>> lists = new ArrayList<>(keys.size());
    for (String key : keys) {
      Facet f = index.get(key);
      if (f != null) {
        lists.add(f.articles());
      }
    }
    return lists.isEmpty() ? List.of(List.of()) : lists;
  }

  private static final class Cursor implements Comparable<Cursor> {
    final List<Article> list;
    int index;

    Cursor(List<Article> list) {
      this.list = list;
    }

    @Override
    public int compareTo(Cursor o) {
      return Ordering.NEWEST_FIRST.compare(list.get(index), o.list.get(o.index));
    }
  }
}
