package io.tidings.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many visible articles spell each key of one kind of facet which way ({@code AI} 3,
 * {@code ai} 1), kept up to date change by change, so that a facet's name (its commonest
 * spelling) costs the change, never a recount of the facet's articles. The catalog's, on the
 * ingest thread only.
 */
final class FacetNames {
  /** Key to spelling to count; a key with no articles has no entry. */
  private final Map<String, Map<String, Integer>> counts = new HashMap<>();
  /** Keys counted since the last {@link #drainTouched}. */
  private Set<String> touched = new HashSet<>();

  /** Adds {@code delta} (1 or -1) to one spelling of a key. */
  void count(String key, String name, int delta) {
    touched.add(key);
    Map<String, Integer> spellings = counts.computeIfAbsent(key, k -> new HashMap<>(2));
    spellings.merge(name, delta, (a, b) -> a + b == 0 ? null : a + b);
    if (spellings.isEmpty()) {
      counts.remove(key);
    }
  }

  /**
   * The spelling most articles use for a key; ties go to the first in code point order. Costs
   * the number of spellings the key has (almost always one or two).
   */
  String commonest(String key) {
    Map<String, Integer> spellings = counts.get(key);
    if (spellings == null) {
      return key;
    }
    String best = key;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : spellings.entrySet()) {
      int c = e.getValue();
      if (c > bestCount || (c == bestCount && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        bestCount = c;
      }
    }
    return best;
  }

  /** The keys counted since the last call. */
  Set<String> drainTouched() {
    Set<String> t = touched;
    touched = new HashSet<>();
    return t;
  }

  /** How many articles spell the key which way; empty when no article has it. */
  Map<String, Integer> spellings(String key) {
    return counts.getOrDefault(key, Map.of());
  }
}
