package io.tidings.article;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The one "did you mean" measure: the optimal-string-alignment distance (Damerau-Levenshtein
 * with adjacent transpositions), bounded so that a comparison stops as soon as it is too far.
 * Used for misspelt settings, topic and provider pages and article field names.
 */
public final class EditDistance {
  private EditDistance() {}

  /**
   * The name among {@code candidates} nearest to {@code word}, compared without case, dots,
   * dashes, underscores and spaces (so {@code max_file_size} finds {@code maxFileSize} and
   * {@code Title} finds {@code title}), if it is a few edits away at most: two, or one in six
   * for long names. Ties go to the first candidate.
   */
  public static Optional<String> nearest(String word, Collection<String> candidates) {
    String w = fold(word);
    if (w.length() > 100) {
      return Optional.empty(); // no name is that long
    }
    int limit = Math.max(2, w.length() / 6);
    String best = null;
    int bestDistance = limit + 1;
    for (String c : candidates) {
      int d = of(w, fold(c), limit);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** A name without case, dots, dashes, underscores and spaces. */
  public static String fold(String s) {
    // By hand, not a regular expression: every key of every article file passes here.
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder b = null;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean drop = c == '.' || c == '_' || c == '-' || Character.isWhitespace(c);
      if (drop && b == null) {
        b = new StringBuilder(lower.length()).append(lower, 0, i);
      } else if (!drop && b != null) {
        b.append(c);
      }
    }
    return b == null ? lower : b.toString();
  }

  /**
   * The optimal-string-alignment distance of {@code a} and {@code b} (by UTF-16 unit), or
   * {@code limit + 1} as soon as it must exceed {@code limit}.
   */
  public static int of(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > limit) {
      return limit + 1;
    }
    int[] before = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, before[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = before;
      before = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[m], limit + 1);
  }
}
