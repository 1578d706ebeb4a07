package io.tidings.feed;

import static io.tidings.feed.XmlText.clean;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tidings.article.Article;
import java.util.List;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): records through Jackson, fields in component order. */
final class JsonFeedRenderer implements FeedRenderer {
  /**
   * Characters outside the BMP (emoji) as themselves in UTF-8, like every other character:
   * Jackson otherwise writes each as the JSON escapes of its two surrogates.
   */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  @Override
  public byte[] render(FeedMeta meta, List<Article> items) {
    // An archive page names its feed as feed_url (JSON Feed's pagination keeps the feed's URL);
    // next_url is the next older page: the newest archive from the feed, the older one from a page.
    Feed feed = new Feed("https://jsonfeed.org/version/1.1", clean(meta.title()), meta.htmlUrl(),
        meta.feedId(), clean(meta.description()),
        meta.language().isEmpty() ? null : meta.language(),
        meta.hub() == null ? null : List.of(new Hub("WebSub", meta.hub())),
        meta.history().prevArchive(), items.stream().map(JsonFeedRenderer::item).toList());
    try {
      return MAPPER.writeValueAsBytes(feed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON Feed output failed", e);
    }
  }

  static Item item(Article a) {
    List<String> tags = a.topics().stream().map(t -> clean(t.name()))
        .filter(tag -> !tag.isBlank()).toList();
    return new Item(a.id(), a.webUrl(), a.originalUrl() != null ? a.originalUrl() : a.webUrl(),
        clean(a.title()), a.excerpt() == null ? null : clean(a.excerpt()), ItemHtml.of(a),
        a.publishedAt().toString(), a.images().isEmpty() ? null : a.images().get(0).url(), tags,
        List.of(new Author(clean(a.provider().name()), a.provider().siteUrl())));
  }

  /** The feed object; {@code language}, {@code hubs}, {@code next_url} only when there are some. */
  record Feed(String version, String title, String home_page_url, String feed_url,
      String description, @JsonInclude(Include.NON_NULL) String language,
      @JsonInclude(Include.NON_NULL) List<Hub> hubs,
      @JsonInclude(Include.NON_NULL) String next_url, List<Item> items) {}

  record Hub(String type, String url) {}

  /** One item; {@code summary} and {@code image} only when the article has them. */
  record Item(String id, String url, String external_url, String title,
      @JsonInclude(Include.NON_NULL) String summary, String content_html, String date_published,
      @JsonInclude(Include.NON_NULL) String image, List<String> tags, List<Author> authors) {}

  record Author(String name, @JsonInclude(Include.NON_NULL) String url) {}
}
