package io.tidings.catalog;

import io.tidings.article.Article;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** The one order of every feed: newest first, ties broken by identity so that it is total. */
public final class Ordering {
  public static final Comparator<Article> NEWEST_FIRST = Comparator
      .comparing(Article::publishedAt, Comparator.reverseOrder())
      .thenComparing(Article::id);

  private Ordering() {}

  /** {@link #NEWEST_FIRST} without the comparator's indirections: for walks of long lists. */
  public static int compare(Article a, Article b) {
    if (a == b) {
      return 0;
    }
    int c = b.publishedAt().compareTo(a.publishedAt());
    return c != 0 ? c : a.id().compareTo(b.id());
  }

  /**
   * {@code base} without {@code removed}, with {@code added} (already sorted) merged in. A
   * change of a few articles finds its places by binary search and copies the runs between
   * them, so that a one-file change costs a few array copies, not a walk of the whole list.
   */
  static Article[] merge(Article[] base, Set<Article> removed, List<Article> added) {
    int changed = removed.size() + added.size();
    if (changed == 0) {
      return base;
    }
    if (changed > 64 && changed > base.length / 16) {
      return mergeByWalking(base, removed, added);
    }
    int[] gone = new int[removed.size()];
    int g = 0;
    for (Article a : removed) {
      int i = Arrays.binarySearch(base, a, NEWEST_FIRST);
      if (i < 0 || base[i] != a) {
        return mergeByWalking(base, removed, added); // not where the order says: be safe
      }
      gone[g++] = i;
    }
    Arrays.sort(gone);
    Article[] out = new Article[base.length - gone.length + added.size()];
    int b = 0;
    int o = 0;
    int r = 0;
    int next = 0;
    while (b < base.length || next < added.size()) {
      int nextGone = r < gone.length ? gone[r] : base.length;
      int nextInsert = next < added.size() ? insertionPoint(base, added.get(next)) : base.length;
      int stop = Math.min(nextGone, nextInsert);
      if (stop > b) {
        System.arraycopy(base, b, out, o, stop - b);
        o += stop - b;
        b = stop;
      }
      if (next < added.size() && nextInsert == b) {
        out[o++] = added.get(next++);
      } else if (r < gone.length && nextGone == b) {
        b++;
        r++;
      }
    }
    return out;
  }

  /** The index of the first element of {@code base} that comes after {@code a}. */
  private static int insertionPoint(Article[] base, Article a) {
    int lo = 0;
    int hi = base.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (NEWEST_FIRST.compare(base[mid], a) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The same result in one pass over everything: for large changes such as the first scan. */
  static Article[] mergeByWalking(Article[] base, Set<Article> removed, List<Article> added) {
    int keep = base.length;
    if (!removed.isEmpty()) {
      keep = 0;
      for (Article a : base) {
        if (!removed.contains(a)) {
          keep++;
        }
      }
    }
    Article[] out = new Article[keep + added.size()];
    int i = 0;
    int j = 0;
    int o = 0;
    while (i < base.length || j < added.size()) {
      if (i < base.length && removed.contains(base[i])) {
        i++;
        continue;
      }
      if (j >= added.size()
          || (i < base.length && NEWEST_FIRST.compare(base[i], added.get(j)) <= 0)) {
        out[o++] = base[i++];
      } else {
        out[o++] = added.get(j++);
      }
    }
    return out;
  }

  static Set<Article> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  static List<Article> sorted(Iterable<Article> articles) {
    List<Article> list = new ArrayList<>();
    articles.forEach(list::add);
    list.sort(NEWEST_FIRST);
    return list;
  }
}
