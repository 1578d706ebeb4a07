package io.tidings.catalog;

import io.tidings.article.Article;
import java.util.List;

/**
 * The announcement of a new snapshot: what it replaced and which visible articles left or
 * entered it, each newest first. An article that changed is in both lists (its old and its new
 * version).
 */
public record SnapshotChange(Snapshot previous, Snapshot next, List<Article> removed,
    List<Article> added) {

  public boolean isEmpty() {
    return removed.isEmpty() && added.isEmpty();
  }
}
