package io.tidings.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.article.Article;

/** One article as a JSON Feed 1.1 item, the same object the JSON feeds list: for push. */
public final class JsonFeedItems {
  private static final ObjectMapper MAPPER = JsonFeedRenderer.MAPPER;

  private JsonFeedItems() {}

  /** The item as one line of UTF-8 JSON (Jackson escapes every line break inside strings). */
  public static byte[] of(Article a) {
    try {
      return MAPPER.writeValueAsBytes(JsonFeedRenderer.item(a));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON Feed item output failed", e);
    }
  }
}
