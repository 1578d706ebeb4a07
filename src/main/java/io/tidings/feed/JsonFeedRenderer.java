package io.tidings.feed;

import static io.tidings.feed.XmlText.clean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidings.article.Article;
import io.tidings.article.Topic;
import java.util.List;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with Jackson; fields in a fixed order. */
final class JsonFeedRenderer implements FeedRenderer {
  /**
   * Characters outside the BMP (emoji) as themselves in UTF-8, like every other character:
   * Jackson otherwise writes each as the JSON escapes of its two surrogates.
   */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  @Override
  public byte[] render(FeedMeta meta, List<Article> items) {
    ObjectNode feed = MAPPER.createObjectNode();
    feed.put("version", "https://jsonfeed.org/version/1.1");
    feed.put("title", clean(meta.title()));
    feed.put("home_page_url", meta.htmlUrl());
    feed.put("feed_url", meta.selfUrl());
    feed.put("description", clean(meta.description()));
    if (!meta.language().isEmpty()) {
      feed.put("language", meta.language());
    }
    if (meta.hub() != null) {
      ObjectNode hub = feed.putArray("hubs").addObject();
      hub.put("type", "WebSub");
      hub.put("url", meta.hub());
    }
    ArrayNode list = feed.putArray("items");
    for (Article a : items) {
      list.add(item(a));
    }
    try {
      return MAPPER.writeValueAsBytes(feed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON Feed output failed", e);
    }
  }

  static ObjectNode item(Article a) {
    ObjectNode item = MAPPER.createObjectNode();
    item.put("id", a.id());
    item.put("url", a.webUrl());
    item.put("external_url", a.originalUrl() != null ? a.originalUrl() : a.webUrl());
    item.put("title", clean(a.title()));
    if (a.excerpt() != null) {
      item.put("summary", clean(a.excerpt()));
    }
    item.put("content_html", ItemHtml.of(a));
    item.put("date_published", a.publishedAt().toString());
    if (!a.images().isEmpty()) {
      item.put("image", a.images().get(0).url());
    }
    ArrayNode tags = item.putArray("tags");
    for (Topic t : a.topics()) {
      String tag = clean(t.name());
      if (!tag.isBlank()) {
        tags.add(tag);
      }
    }
    ObjectNode author = item.putArray("authors").addObject();
    author.put("name", clean(a.provider().name()));
    if (a.provider().siteUrl() != null) {
      author.put("url", a.provider().siteUrl());
    }
    return item;
  }
}
