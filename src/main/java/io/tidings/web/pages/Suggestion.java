package io.tidings.web.pages;

import io.tidings.article.EditDistance;
import io.tidings.catalog.Facet;
import java.util.Map;

/**
 * The existing topic or provider nearest to a key that has no article: "did you mean …?" on a
 * misspelled page. Near means an optimal-string-alignment (Damerau-Levenshtein, adjacent
 * transpositions) distance of at most {@link #MAX_DISTANCE} on the keys (1 for keys of three
 * characters or fewer); the smallest
 * distance wins, then the most articles, then the key, so the answer is deterministic. Cost:
 * one bounded comparison a facet, once per page render (pages are cached per snapshot).
 */
final class Suggestion {
  static final int MAX_DISTANCE = 2;
  /** Keys this short are too close to everything to suggest by distance. */
  private static final int MIN_LENGTH = 2;

  private Suggestion() {}

  /** The nearest facet to {@code key} in {@code index}, or null for none near enough. */
  static Facet nearest(Map<String, Facet> index, String key) {
    if (key.length() < MIN_LENGTH || index.containsKey(key)) {
      return null;
    }
    // One edit in a key of three or fewer is already a third of it: allow no more there.
    int limit = key.length() <= 3 ? 1 : MAX_DISTANCE;
    Facet best = null;
    int bestDistance = limit + 1;
    for (Facet f : index.values()) {
      if (f.key().isEmpty() || Math.abs(f.key().length() - key.length()) > limit) {
        continue;
      }
      int d = distance(key, f.key(), limit);
      if (d < bestDistance || (d == bestDistance && best != null && better(f, best))) {
        best = f;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? best : null;
  }

  private static boolean better(Facet a, Facet b) {
    return a.count() != b.count() ? a.count() > b.count() : a.key().compareTo(b.key()) < 0;
  }

  /** {@link EditDistance#of}, the measure every "did you mean" shares. */
  static int distance(String a, String b, int limit) {
    return EditDistance.of(a, b, limit);
  }
}
