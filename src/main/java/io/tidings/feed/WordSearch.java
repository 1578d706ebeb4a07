package io.tidings.feed;

import io.tidings.article.Article;
import io.tidings.catalog.Ordering;
import io.tidings.catalog.Snapshot;
import io.tidings.catalog.WordIndex;
import io.tidings.search.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A query with words, answered from the snapshot's {@link WordIndex}: the posting lists of its
 * words' terms are intersected newest first, walking the shortest (or the query's one facet
 * list, when that is shorter) and seeking in the others, and the walk stops at the limit. A
 * word that no article holds costs one lookup.
 */
final class WordSearch {
  private WordSearch() {}

  static List<Article> run(Snapshot snapshot, FeedQuery query, List<List<Article>> facets,
      boolean facetsNarrow, int offset, int limit) {
    WordIndex index = snapshot.search();
    List<List<Article>> lists = new ArrayList<>();
    List<String> check = new ArrayList<>();
    for (String w : query.words()) {
      for (String term : Words.lookups(w)) {
        List<Article> p = index.postings(term);
        if (p.isEmpty()) {
          return List.of();
        }
        lists.add(p);
      }
      if (!Words.exact(w)) {
        check.add(w);
      }
    }
    lists.sort(Comparator.comparingInt(List::size));
    List<Article> driver = lists.get(0);
    int first = 1;
    boolean topicsHold = false;
    if (facetsNarrow && facets.size() == 1 && facets.get(0).size() < driver.size()) {
      driver = facets.get(0);
      first = 0;
      topicsHold = !query.topics().isEmpty();
    }
    int[] cursors = new int[lists.size()];
    List<Article> out = new ArrayList<>(Math.min(limit, 64));
    int skipped = 0;
    walk:
    for (Article a : driver) {
      for (int k = first; k < lists.size(); k++) {
        List<Article> list = lists.get(k);
        int at = seek(list, cursors[k], a);
        cursors[k] = at;
        if (at == list.size()) {
          break walk; // a list has nothing older left: nothing further can match
        }
        if (list.get(at) != a) {
          continue walk;
        }
      }
      if (!query.matchesFacets(a, topicsHold) || !holds(a, check)) {
        continue;
      }
      if (skipped++ < offset) {
        continue;
      }
      out.add(a);
      if (out.size() == limit) {
        break;
      }
    }
    return out;
  }

  /** Words whose terms do not settle it (CJK runs of three or more, long tokens). */
  private static boolean holds(Article a, List<String> check) {
    for (String w : check) {
      if (!FeedQuery.occursIn(w, a)) {
        return false;
      }
    }
    return true;
  }

  /** The first index at or after {@code from} whose article is not newer than {@code a}. */
  static int seek(List<Article> list, int from, Article a) {
    int n = list.size();
    if (from >= n || Ordering.compare(list.get(from), a) >= 0) {
      return from;
    }
    // Gallop: list[lo] is newer than a; find hi with list[hi] not newer (or the end).
    int lo = from;
    int step = 1;
    int hi = lo + step;
    while (hi < n && Ordering.compare(list.get(hi), a) < 0) {
      lo = hi;
      step <<= 1;
      hi = lo + step;
    }
    hi = Math.min(hi, n);
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (Ordering.compare(list.get(mid), a) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}
