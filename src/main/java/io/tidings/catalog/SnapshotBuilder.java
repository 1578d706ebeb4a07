package io.tidings.catalog;

import io.tidings.article.Article;
import io.tidings.article.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Makes the next snapshot from the previous one, rebuilding only the facets a change touched. */
final class SnapshotBuilder {
  private SnapshotBuilder() {}

  /** How one kind of facet reads its keys and names off an article. */
  private record Kind(Function<Article, Map<String, String>> keysAndNames) {}

  private static final Kind TOPICS = new Kind(a -> {
    Map<String, String> m = new LinkedHashMap<>();
    for (Topic t : a.topics()) {
      m.put(t.key(), t.name());
    }
    return m;
  });
  private static final Kind PROVIDERS = new Kind(a -> a.provider().key().isEmpty()
      ? Map.of() : Map.of(a.provider().key(), a.provider().name()));
  private static final Kind CATEGORIES = new Kind(a -> {
    String key = a.categoryKey();
    return key == null || key.isEmpty() ? Map.of() : Map.of(key, a.category());
  });

  static Snapshot next(Snapshot previous, Set<Article> removed, List<Article> added,
      int hiddenDrafts, Snapshot.Scheduled scheduled, List<FileProblem> problems,
      List<Duplicate> duplicates) {
    if (removed.isEmpty() && added.isEmpty()) {
      return new Snapshot(previous.version(), previous.articles(), previous.topics(),
          previous.providers(), previous.categories(), hiddenDrafts, scheduled, problems,
          duplicates);
    }
    long version = previous.version();
    for (Article a : removed) {
      version -= mix(a.contentHash());
    }
    for (Article a : added) {
      version += mix(a.contentHash());
    }
    return new Snapshot(
        version,
        Ordering.merge(previous.articles(), removed, added),
        facets(previous.topics(), removed, added, TOPICS),
        facets(previous.providers(), removed, added, PROVIDERS),
        facets(previous.categories(), removed, added, CATEGORIES),
        hiddenDrafts,
        scheduled,
        problems,
        duplicates);
  }

  private static Map<String, Facet> facets(Map<String, Facet> before, Set<Article> removed,
      List<Article> added, Kind kind) {
    Map<String, List<Article>> addedByKey = new HashMap<>();
    for (Article a : added) {
      for (String key : kind.keysAndNames().apply(a).keySet()) {
        addedByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
      }
    }
    Map<String, Set<Article>> removedByKey = new HashMap<>();
    for (Article a : removed) {
      for (String key : kind.keysAndNames().apply(a).keySet()) {
        removedByKey.computeIfAbsent(key, k -> Ordering.identitySet()).add(a);
      }
    }
    if (addedByKey.isEmpty() && removedByKey.isEmpty()) {
      return before;
    }
    TreeMap<String, Facet> after = new TreeMap<>(before);
    Set<String> touched = new java.util.HashSet<>(addedByKey.keySet());
    touched.addAll(removedByKey.keySet());
    for (String key : touched) {
      Facet old = before.get(key);
      Article[] merged = Ordering.merge(old == null ? new Article[0] : old.articles(),
          removedByKey.getOrDefault(key, Set.of()), addedByKey.getOrDefault(key, List.of()));
      if (merged.length == 0) {
        after.remove(key);
      } else {
        String name = old != null && nameHolds(old.name(), key, kind,
            removedByKey.getOrDefault(key, Set.of()), addedByKey.getOrDefault(key, List.of()))
            ? old.name() : commonestName(merged, key, kind);
        after.put(key, new Facet(key, name, merged));
      }
    }
    return after;
  }

  /**
   * Whether the commonest spelling stays what it was: true when the change moves no spelling's
   * count but up for the current one (an edit that keeps its topics, the usual case), so that
   * a large facet is not recounted on every change.
   */
  private static boolean nameHolds(String name, String key, Kind kind, Set<Article> removed,
      List<Article> added) {
    Map<String, Integer> delta = new HashMap<>();
    for (Article a : added) {
      delta.merge(kind.keysAndNames().apply(a).get(key), 1, Integer::sum);
    }
    for (Article a : removed) {
      delta.merge(kind.keysAndNames().apply(a).get(key), -1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : delta.entrySet()) {
      if (e.getValue() < 0 || (e.getValue() > 0 && !e.getKey().equals(name))) {
        return false;
      }
    }
    return true;
  }

  /** The spelling most articles use for a key ({@code AI} over {@code ai}); ties go to the first in code point order. */
  private static String commonestName(Article[] articles, String key, Kind kind) {
    Map<String, Integer> counts = new HashMap<>();
    for (Article a : articles) {
      String name = kind.keysAndNames().apply(a).get(key);
      if (name != null) {
        counts.merge(name, 1, Integer::sum);
      }
    }
    String best = key;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      int c = e.getValue();
      if (c > bestCount || (c == bestCount && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        bestCount = c;
      }
    }
    return best;
  }

  /** Spreads a 64-bit hash (SplitMix64's finaliser) so that a sum of many stays well mixed. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
