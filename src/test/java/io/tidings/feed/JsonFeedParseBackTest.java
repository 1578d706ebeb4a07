package io.tidings.feed;

import static io.tidings.feed.SampleFeeds.assertItemHtml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.TestServer;
import io.tidings.article.Article;
import io.tidings.article.Topic;
import io.tidings.feed.SampleFeeds.Route;
import io.tidings.testing.TidingsServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON Feed 1.1 from a real server over the sample content, read back with Jackson. */
@TidingsServer(settings = "feeds.language=en-GB")
class JsonFeedParseBackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void everyItemMatchesTheCatalog() throws Exception {
    for (Route route : SampleFeeds.mainRoutes(FeedFormat.JSON)) {
      List<Article> expected = route.expected(server);
      JsonNode feed = JSON.readTree(SampleFeeds.fetch(server, route));
      JsonNode items = feed.get("items");
      assertThat(items.isArray()).isTrue();
      assertThat(items.size()).as("items of %s", route).isEqualTo(expected.size());
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        Article a = expected.get(i);
        String what = route + " item " + a.id();
        assertThat(item.get("id").asText()).as(what).isEqualTo(a.id()).isEqualTo(a.originalUrl());
        assertThat(item.get("url").asText()).as(what).isEqualTo(a.webUrl());
        assertThat(item.get("external_url").asText()).as(what).isEqualTo(a.originalUrl());
        assertThat(item.get("title").asText()).as(what).isEqualTo(a.title());
        if (a.excerpt() == null) {
          assertThat(item.has("summary")).as(what).isFalse();
        } else {
          assertThat(item.get("summary").asText()).as(what).isEqualTo(a.excerpt());
        }
        assertItemHtml(item.get("content_html").asText(), a);
        assertThat(Instant.parse(item.get("date_published").asText())).as(what)
            .isEqualTo(a.publishedAt());
        assertThat(texts(item.get("tags"))).as(what)
            .containsExactlyElementsOf(a.topics().stream().map(Topic::name).toList());
        JsonNode authors = item.get("authors");
        assertThat(authors.size()).as(what).isEqualTo(1);
        assertThat(authors.get(0).get("name").asText()).isEqualTo(a.provider().name());
        assertThat(authors.get(0).get("url").asText())
            .isEqualTo("https://" + a.provider().domain() + "/");
        if (a.images().isEmpty()) {
          assertThat(item.has("image")).as(what).isFalse();
        } else {
          assertThat(item.get("image").asText()).as(what).isEqualTo(a.images().get(0).url());
        }
        assertThat(item.has("date_modified")).as("no date that heat could move").isFalse();
      }
    }
  }

  @Test
  void feedDescribesTheFilter() throws Exception {
    for (Route route : SampleFeeds.mainRoutes(FeedFormat.JSON)) {
      JsonNode feed = JSON.readTree(SampleFeeds.fetch(server, route));
      assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
      assertThat(feed.get("title").asText()).as("title of %s", route).startsWith("Tidings");
      assertThat(feed.get("home_page_url").asText()).isEqualTo(server.url(route.pagePath()));
      assertThat(feed.get("feed_url").asText()).isEqualTo(server.url(route.path()));
      assertThat(feed.get("description").asText()).isEqualTo("Articles served by Tidings");
      assertThat(feed.get("language").asText()).isEqualTo("en-GB");
    }
    JsonNode ai = JSON.readTree(SampleFeeds.fetch(server, Route.topic(FeedFormat.JSON, "AI", "")));
    assertThat(ai.get("title").asText()).isEqualTo("Tidings: AI");
  }

  @Test
  void sampleTextSurvivesExactly() throws Exception {
    JsonNode feed = JSON.readTree(SampleFeeds.fetch(server, Route.all(FeedFormat.JSON, "limit=500")));
    List<String> titles = feed.get("items").findValuesAsText("title");
    assertThat(titles).contains("Rust <3 & \"safety\": why the kernel is finally letting the crab in");
    assertThat(titles).anyMatch(t -> t.startsWith("阿里云通义千问720亿参数模型开源"));
    assertThat(feed.get("items").findValuesAsText("summary"))
        .anyMatch(s -> s.contains("why <b>markup</b> in model cards") && s.contains("]]> and all"));
  }
}
