package io.tidings.catalog;

import io.tidings.article.Article;
import io.tidings.article.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles as every output names their topics and category: by the facet's established name
 * ({@link Facet#name}, the spelling most articles use), not each file's own spelling, so that
 * {@code ai} in one file and {@code AI} in thirteen show as {@code AI} in every item's RSS
 * category, Atom category label, JSON Feed tag, page and API answer alike. Costs a lookup per
 * topic; an article is copied only when one of its names differs.
 */
public final class EstablishedNames {
  private EstablishedNames() {}

  public static List<Article> of(List<Article> items, Snapshot s) {
    List<Article> out = null;
    for (int i = 0; i < items.size(); i++) {
      Article a = items.get(i);
      Article named = of(a, s);
      if (named != a && out == null) {
        out = new ArrayList<>(items);
      }
      if (out != null) {
        out.set(i, named);
      }
    }
    return out == null ? items : out;
  }

  /** {@code a} itself when it already writes every name as established. */
  public static Article of(Article a, Snapshot s) {
    List<Topic> topics = a.topics();
    List<Topic> renamed = null;
    for (int i = 0; i < topics.size(); i++) {
      Topic t = topics.get(i);
      Facet f = s.topic(t.key());
      if (f != null && !f.name().equals(t.name())) {
        if (renamed == null) {
          renamed = new ArrayList<>(topics);
        }
        renamed.set(i, new Topic(f.name(), t.key()));
      }
    }
    String category = a.category();
    Facet c = category == null ? null : s.category(a.categoryKey());
    if (c != null && !c.name().equals(category)) {
      category = c.name();
    }
    if (renamed == null && category == a.category()) {
      return a;
    }
    return a.withFacets(category, renamed == null ? topics : List.copyOf(renamed));
  }

  /**
   * Whether a change renames a topic or category of one of its articles: then a feed that
   * shows any article of that facet shows another name, though none of its articles changed.
   */
  public static boolean renamed(SnapshotChange change) {
    return renamedIn(change.added(), change) || renamedIn(change.removed(), change);
  }

  private static boolean renamedIn(List<Article> articles, SnapshotChange change) {
    for (Article a : articles) {
      for (Topic t : a.topics()) {
        if (differs(change.previous().topic(t.key()), change.next().topic(t.key()))) {
          return true;
        }
      }
      String key = a.categoryKey();
      if (key != null && differs(change.previous().category(key), change.next().category(key))) {
        return true;
      }
    }
    return false;
  }

  private static boolean differs(Facet before, Facet after) {
    return before != null && after != null && !before.name().equals(after.name());
  }
}
