package io.tidings.article;

import java.time.Instant;
import java.util.List;

/**
 * One article file, parsed. Immutable; the file's {@code secured} blob is never part of it.
 *
 * @param id the identity: {@code originalUrl}, else {@code webUrl}; stable across renames
 * @param contentHash a 64-bit hash of the fields that feeds show, for snapshot versions and change detection
 */
public record Article(
    String id,
    String title,
    Instant publishedAt,
    String originalUrl,
    String webUrl,
    String ampWebUrl,
    String cdnAmpWebUrl,
    String excerpt,
    String category,
    String type,
    Integer quality,
    Integer heat,
    boolean published,
    Provider provider,
    List<Topic> topics,
    List<Image> images,
    List<Related> related,
    String body,
    long contentHash) {

  public boolean hasTopic(String topicKey) {
    for (Topic t : topics) {
      if (t.key().equals(topicKey)) {
        return true;
      }
    }
    return false;
  }

  /** The category as a lookup key (same folding as topics), or null. */
  public String categoryKey() {
    return category == null ? null : Keys.topic(category);
  }
}
