package io.tidings.catalog;

import io.tidings.article.Article;
import java.time.Instant;

/**
 * One topic, provider or category of a snapshot: its key, the name people read, and its
 * articles newest first.
 */
public record Facet(String key, String name, Article[] articles) {
  public int count() {
    return articles.length;
  }

  /** The newest article's date, null when the facet is empty. */
  public Instant newest() {
    return articles.length == 0 ? null : articles[0].publishedAt();
  }
}
