package io.tidings.catalog;

import io.tidings.article.Article;
import io.tidings.article.FileWarning;
import io.tidings.article.Printable;
import io.tidings.article.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The warnings for topics spelt otherwise than their established name: {@code ai} in one file
 * where most articles write {@code AI} is one topic (one key) with two spellings, and feeds show
 * the established one ({@link FacetNames#commonest}: most articles, then code point order). A
 * key is looked at again only when a change counted it, at the cost of its facet's articles
 * when it has more than one spelling (almost never) and of nothing else. The catalog's, on the
 * ingest thread only.
 */
final class TopicSpellings {
  private static final int MAX_QUOTED = 80;

  /** Topic key to the warnings for its other spellings; only keys that have some. */
  private final Map<String, List<FileWarning>> byKey = new HashMap<>();

  /**
   * Looks again at each key in {@code keys} of snapshot {@code next}; {@code fileOf} names the
   * file that an article was read from. Whether any warning changed.
   */
  boolean update(Collection<String> keys, Snapshot next, FacetNames names,
      Function<Article, String> fileOf) {
    boolean changed = false;
    for (String key : keys) {
      List<FileWarning> now = warnings(key, next.topic(key), names.spellings(key), fileOf);
      List<FileWarning> before = now.isEmpty() ? byKey.remove(key) : byKey.put(key, now);
      changed |= !Objects.equals(before == null ? List.of() : before, now);
    }
    return changed;
  }

  /** Every current warning, in no order. */
  void addTo(List<FileWarning> out) {
    byKey.values().forEach(out::addAll);
  }

  private static List<FileWarning> warnings(String key, Facet facet,
      Map<String, Integer> spellings, Function<Article, String> fileOf) {
    if (facet == null || spellings.size() < 2) {
      return List.of();
    }
    String established = facet.name();
    int count = spellings.getOrDefault(established, 0);
    List<FileWarning> out = new ArrayList<>();
    for (Article a : facet.articles()) {
      for (Topic t : a.topics()) {
        if (t.key().equals(key) && !t.name().equals(established)) {
          out.add(new FileWarning(fileOf.apply(a), 0, "topic " + quote(t.name())
              + " is spelt " + quote(established) + " in " + count + " other article"
              + (count == 1 ? "" : "s") + ", and feeds show " + quote(established)
              + ": write " + quote(established)));
        }
      }
    }
    return out;
  }

  private static String quote(String name) {
    return Printable.quote(name, MAX_QUOTED);
  }
}
