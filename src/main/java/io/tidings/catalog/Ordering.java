package io.tidings.catalog;

import io.tidings.article.Article;
import java.util.ArrayList;
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

  /**
   * {@code base} without {@code removed}, with {@code added} (already sorted) merged in: O(n + k)
   * so that a one-file change does not re-sort a large list.
   */
  static Article[] merge(Article[] base, Set<Article> removed, List<Article> added) {
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
