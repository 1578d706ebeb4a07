package io.tidings.catalog;

import io.tidings.article.Article;
import java.time.Instant;
import java.util.List;

/**
 * One topic, provider or category of a snapshot: its key, the name people read, and its
 * articles newest first (unmodifiable).
 */
public record Facet(String key, String name, List<Article> articles) {
  public int count() {
    return articles.size();
  }

  /** The newest article's date, null when the facet is empty. */
  public Instant newest() {
    return articles.isEmpty() ? null : articles.get(0).publishedAt();
  }
}
