package io.tidings.article;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What one file may declare: a file under the size limit can still list a hundred thousand
 * topics, each of which becomes a facet, a page and a feed. A file over a limit is an error
 * that names the field, the count and the limit; its last good version keeps serving.
 */
public final class Limits {
  /** Entries of {@code topics}. */
  public static final int MAX_TOPICS = 100;
  /** Entries of {@code related}. */
  public static final int MAX_RELATED = 100;
  /** Entries of {@code images}, and of each related entry's {@code images}. */
  public static final int MAX_IMAGES = 100;
  /** Characters (code points) of one topic name: its key is part of URLs. */
  public static final int MAX_TOPIC_LENGTH = 200;

  private Limits() {}

  /** Refuses a list field with more than {@code max} entries. */
  static void entries(JsonNode node, String field, int max, int line) throws ArticleFileException {
    if (node != null && node.isArray() && node.size() > max) {
      throw new ArticleFileException(line, 0, String.format(Locale.ROOT,
          "%s has %,d entries, over the limit of %,d a file may declare", field, node.size(), max));
    }
  }

  /** Refuses a topic name longer than {@link #MAX_TOPIC_LENGTH}. */
  static void topicName(String name, int index, int line) throws ArticleFileException {
    int length = name.codePointCount(0, name.length());
    if (length > MAX_TOPIC_LENGTH) {
      throw new ArticleFileException(line, 0, String.format(Locale.ROOT,
          "topics[%d] is %,d characters long, over the limit of %,d for a topic name", index,
          length, MAX_TOPIC_LENGTH));
    }
  }
}
