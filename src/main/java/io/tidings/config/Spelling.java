package io.tidings.config;

import io.tidings.article.EditDistance;
import java.util.Collection;
import java.util.Optional;

/** The known name that a misspelt one was most likely meant to be, for "did you mean" hints. */
final class Spelling {
  private Spelling() {}

  /**
   * The candidate nearest to {@code word}, compared without case, dots, dashes and underscores
   * (so {@code max_file_size} finds {@code maxFileSize}), if it is a few edits away at most
   * ({@link EditDistance#nearest}).
   */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    return EditDistance.nearest(word, candidates);
  }
}
