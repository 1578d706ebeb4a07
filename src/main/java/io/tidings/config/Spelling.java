package io.tidings.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known name that a misspelt one was most likely meant to be, for "did you mean" hints. */
final class Spelling {
  private Spelling() {}

  /**
   * The candidate nearest to {@code word}, compared without case, dots, dashes and underscores
   * (so {@code max_file_size} finds {@code maxFileSize}), if it is a few edits away at most.
   */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    String w = fold(word);
    if (w.length() > 100) {
      return Optional.empty(); // no name is that long; and the table below grows with it
    }
    int limit = Math.max(2, w.length() / 6);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, fold(c));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[._\\-\\s]", "");
  }

  /** Edits (insert, delete, replace, swap two neighbours) that turn a into b. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
