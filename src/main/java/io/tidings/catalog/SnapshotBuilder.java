package io.tidings.catalog;

import io.tidings.article.Article;
import io.tidings.article.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

  /** The spelling counts of each kind of facet, which the catalog keeps from build to build. */
  record Names(FacetNames topics, FacetNames providers, FacetNames categories) {
    Names() {
      this(new FacetNames(), new FacetNames(), new FacetNames());
    }
  }

  /**
   * Costs what changed: each added or removed article's keys are read once (an article with N
   * topics costs O(N)), and each touched facet is merged once; untouched facets are shared.
   */
  static Snapshot next(Snapshot previous, Set<Article> removed, List<Article> added,
      int hiddenDrafts, Snapshot.Scheduled scheduled, List<FileProblem> problems,
      List<Duplicate> duplicates, Names names) {
    if (removed.isEmpty() && added.isEmpty()) {
      return new Snapshot(previous.version(), previous.articles(), previous.topics(),
          previous.providers(), previous.categories(), hiddenDrafts, scheduled, problems,
          duplicates, previous.search(), previous.warnings());
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
        ArticleList.of(Ordering.merge(ArticleList.array(previous.articles()), removed, added)),
        facets(previous.topics(), removed, added, TOPICS, names.topics()),
        facets(previous.providers(), removed, added, PROVIDERS, names.providers()),
        facets(previous.categories(), removed, added, CATEGORIES, names.categories()),
        hiddenDrafts,
        scheduled,
        problems,
        duplicates,
        previous.search().with(removed, added), previous.warnings());
  }

  private static Map<String, Facet> facets(Map<String, Facet> before, Set<Article> removed,
      List<Article> added, Kind kind, FacetNames names) {
    Map<String, List<Article>> addedByKey = new HashMap<>();
    for (Article a : added) {
      for (Map.Entry<String, String> e : kind.keysAndNames().apply(a).entrySet()) {
        addedByKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(a);
        names.count(e.getKey(), e.getValue(), 1);
      }
    }
    Map<String, Set<Article>> removedByKey = new HashMap<>();
    for (Article a : removed) {
      for (Map.Entry<String, String> e : kind.keysAndNames().apply(a).entrySet()) {
        removedByKey.computeIfAbsent(e.getKey(), k -> Ordering.identitySet()).add(a);
        names.count(e.getKey(), e.getValue(), -1);
      }
    }
    if (addedByKey.isEmpty() && removedByKey.isEmpty()) {
      return before;
    }
    TreeMap<String, Facet> after = new TreeMap<>(before);
    Set<String> touched = new HashSet<>(addedByKey.keySet());
    touched.addAll(removedByKey.keySet());
    for (String key : touched) {
      Facet old = before.get(key);
      Article[] merged = Ordering.merge(
          old == null ? new Article[0] : ArticleList.array(old.articles()),
          removedByKey.getOrDefault(key, Set.of()), addedByKey.getOrDefault(key, List.of()));
      if (merged.length == 0) {
        after.remove(key);
      } else {
        after.put(key, new Facet(key, names.commonest(key), ArticleList.of(merged)));
      }
    }
    return after;
  }

  /** Spreads a 64-bit hash (SplitMix64's finaliser) so that a sum of many stays well mixed. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
