package io.tidings.web;

import static io.tidings.web.FeedHttp.etag;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.ids;
import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON API on the sample: the same articles as the feeds, paging without gaps or repeats. */
@TidingsServer
class ApiTest {
  static TestServer server;

  private static JsonNode api(String path) {
    HttpResponse<byte[]> r = ok(server, path);
    assertThat(header(r, "Content-Type")).isEqualTo("application/json; charset=utf-8");
    return json(r.body());
  }

  private static List<String> articleIds(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("articles").forEach(a -> out.add(a.path("id").asText()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "topic=ai", "topic=AI,space", "provider=reuters.com",
      "provider=www.theguardian.com,bbc.com", "category=news", "q=ai", "minQuality=40",
      "topic=ai&provider=reuters.com", "limit=3", "topic=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD",
      "topic=no-such-topic"})
  void articlesMatchTheJsonFeedOfTheSameFilter(String query) {
    String q = query.isEmpty() ? "" : "?" + query;
    List<String> fromFeed = ids(ok(server, "/feed.json" + q).body());
    List<String> fromApi = articleIds(api("/api/articles" + q));
    assertThat(fromApi).as(query).containsExactlyElementsOf(fromFeed);
    if (!query.equals("topic=no-such-topic")) {
      assertThat(fromApi).isNotEmpty();
    }
  }

  @Test
  void aTopicPathFeedAndItsQueryFilterGiveTheSameArticles() {
    assertThat(articleIds(api("/api/articles?topic=climate")))
        .containsExactlyElementsOf(ids(ok(server, "/topics/climate/feed.json").body()));
    assertThat(articleIds(api("/api/articles?provider=reuters.com&limit=500")))
        .containsExactlyElementsOf(ids(ok(server,
            "/providers/reuters.com/feed.json?limit=500").body()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 7, 34, 50})
  void pagingReturnsEveryArticleExactlyOnceInFeedOrder(int limit) {
    List<String> all = ids(ok(server, "/feed.json?limit=500").body());
    assertThat(all).hasSize(34);
    List<String> paged = new ArrayList<>();
    String next = "/api/articles?limit=" + limit;
    int pages = 0;
    while (next != null) {
      JsonNode page = api(next);
      assertThat(page.path("limit").asInt()).isEqualTo(limit);
      assertThat(page.path("offset").asInt()).isEqualTo(paged.size());
      assertThat(page.path("articles").size()).isLessThanOrEqualTo(limit);
      paged.addAll(articleIds(page));
      JsonNode n = page.path("next");
      next = n.isNull() ? null : n.asText().substring(server.url("").length());
      assertThat(++pages).as("pages").isLessThanOrEqualTo(40);
    }
    assertThat(new HashSet<>(paged)).hasSize(paged.size());
    assertThat(paged).containsExactlyElementsOf(all);
    assertThat(pages).isEqualTo((all.size() + limit - 1) / limit);
  }

  @Test
  void pagingAFilterKeepsTheFilterInTheNextLink() {
    JsonNode first = api("/api/articles?topic=ai&limit=5");
    String next = first.path("next").asText();
    assertThat(next).isEqualTo(server.url("/api/articles?limit=5&topic=ai&offset=5"));
    List<String> ids = new ArrayList<>(articleIds(first));
    ids.addAll(articleIds(api(next.substring(server.url("").length()))));
    ids.addAll(articleIds(api("/api/articles?topic=ai&limit=5&offset=10")));
    assertThat(ids).containsExactlyElementsOf(ids(ok(server, "/topics/ai/feed.json").body()));
    assertThat(api("/api/articles?topic=ai&limit=5&offset=10").path("next").isNull()).isTrue();
    assertThat(api("/api/articles?offset=1000").path("articles").size()).isZero();
  }

  @Test
  void anArticleCarriesItsFieldsAndAbsoluteLinks() {
    JsonNode a = api("/api/articles?provider=theguardian.com&limit=1").path("articles").get(0);
    assertThat(a.path("id").asText()).startsWith("https://www.theguardian.com/");
    assertThat(a.path("title").asText()).isNotBlank();
    assertThat(a.path("published").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(a.path("provider").path("key").asText()).isEqualTo("theguardian.com");
    assertThat(a.path("provider").path("url").asText())
        .isEqualTo(server.url("/providers/theguardian.com"));
    assertThat(a.path("topics").get(0).path("url").asText()).startsWith(server.url("/topics/"));
    assertThat(a.has("secured")).isFalse();
    assertThat(a.has("heat")).isFalse();
  }

  @Test
  void topicsListEveryTopicWithCountsNewestAndFeeds() {
    JsonNode topics = api("/api/topics").path("topics");
    Set<String> keys = new HashSet<>();
    int total = 0;
    for (JsonNode t : topics) {
      String key = t.path("key").asText();
      keys.add(key);
      String seg = java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
      assertThat(t.path("url").asText()).isEqualTo(server.url("/topics/" + seg));
      for (String f : List.of("rss", "atom", "json")) {
        assertThat(t.path("feeds").path(f).asText())
            .isEqualTo(server.url("/topics/" + seg + "/feed." + f));
      }
      List<String> feedIds = ids(ok(server, "/topics/" + seg + "/feed.json?limit=500").body());
      assertThat(t.path("count").asInt()).as(key).isEqualTo(feedIds.size());
      assertThat(t.path("newest").asText()).isEqualTo(api("/api/articles?limit=1&topic=" + seg)
          .path("articles").get(0).path("published").asText());
      total += t.path("count").asInt();
    }
    assertThat(keys).contains("ai", "climate", "space", "人工智能").hasSize(topics.size());
    assertThat(total).isPositive();
  }

  @Test
  void providersComeMostActiveFirstWithDomainAndFeeds() {
    JsonNode providers = api("/api/providers").path("providers");
    assertThat(providers.size()).isGreaterThan(10);
    assertThat(providers.get(0).path("key").asText()).isEqualTo("reuters.com");
    int last = Integer.MAX_VALUE;
    for (JsonNode p : providers) {
      assertThat(p.path("count").asInt()).isLessThanOrEqualTo(last).isPositive();
      last = p.path("count").asInt();
      assertThat(p.path("feeds").path("atom").asText())
          .isEqualTo(server.url("/providers/" + p.path("key").asText() + "/feed.atom"));
    }
  }

  @Test
  void badParametersAre400WithOneLine() {
    for (String bad : List.of("offset=-1", "offset=abc", "offset=1&offset=2", "limit=0",
        "limit=99999", "minQuality=x", "since=yesterday", "updatedAfter=2026-13-01",
        "since=2026-11-01T08:00:00")) {
      HttpResponse<byte[]> r = get(server, "/api/articles?" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(text(r).strip()).as(bad).doesNotContain("\n").isNotEmpty();
      // JSON like the answers, readable from any origin like them.
      assertThat(header(r, "Content-Type")).isEqualTo("application/json; charset=utf-8");
      assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo("*");
      assertThat(json(r.body()).path("error").path("status").asInt()).isEqualTo(400);
      assertThat(json(r.body()).path("error").path("message").asText()).isNotBlank();
    }
  }

  @Test
  void answersHaveEtagsAnd304AndCors() {
    for (String path : List.of("/api/topics", "/api/providers", "/api/articles?topic=ai")) {
      HttpResponse<byte[]> r = ok(server, path);
      assertThat(etag(r)).matches("\"[0-9a-f]+\"");
      assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=60");
      assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo("*");
      HttpResponse<byte[]> again = get(server, path, Map.of("If-None-Match", etag(r)));
      assertThat(again.statusCode()).isEqualTo(304);
      assertThat(ok(server, path).body()).isEqualTo(r.body());
    }
  }
  @Test
  void totalCountsEveryMatchWhateverTheLimitAndOffset() {
    for (String filter : List.of("", "topic=ai", "q=ai", "topic=no-such-topic")) {
      int all = ids(ok(server, "/feed.json?limit=500" + (filter.isEmpty() ? "" : "&" + filter))
          .body()).size();
      for (String paging : List.of("limit=1", "limit=3&offset=2", "offset=100")) {
        JsonNode page = api("/api/articles?" + paging + (filter.isEmpty() ? "" : "&" + filter));
        assertThat(page.path("total").asInt()).as(filter + " " + paging).isEqualTo(all);
      }
    }
  }

  @Test
  void sinceAndUpdatedAfterBoundThePublishedDate() {
    JsonNode everything = api("/api/articles?limit=500");
    List<String> dates = new ArrayList<>();
    everything.path("articles").forEach(a -> {
      assertThat(a.path("updated").asText()).isEqualTo(a.path("published").asText());
      dates.add(a.path("published").asText());
    });
    String bound = dates.get(9);
    long atOrAfter = dates.stream().filter(d -> d.compareTo(bound) >= 0).count();
    long after = dates.stream().filter(d -> d.compareTo(bound) > 0).count();
    assertThat(after).isLessThan(atOrAfter);
    JsonNode since = api("/api/articles?limit=2&since=" + bound);
    assertThat(since.path("total").asLong()).isEqualTo(atOrAfter);
    assertThat(since.path("query").asText()).isEqualTo("limit=2&since=" + bound);
    assertThat(since.path("next").asText()).endsWith("/api/articles?limit=2&since=" + bound
        + "&offset=2");
    JsonNode updated = api("/api/articles?limit=500&updatedAfter=" + bound);
    assertThat(updated.path("total").asLong()).isEqualTo(after);
    updated.path("articles").forEach(a ->
        assertThat(a.path("published").asText()).isGreaterThan(bound));
    // An offset in another zone names the same instant; a day is its start in UTC.
    String zoned = java.time.Instant.parse(bound).atOffset(java.time.ZoneOffset.ofHours(2))
        .toString().replace("+", "%2B");
    assertThat(api("/api/articles?since=" + zoned).path("total").asLong()).isEqualTo(atOrAfter);
    assertThat(api("/api/articles?since=2999-01-01").path("total").asInt()).isZero();
  }

  @Test
  void everyErrorOfTheApiIsJsonWithCors() throws Exception {
    HttpResponse<byte[]> missing = get(server, "/api/nothing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertJsonError(header(missing, "Content-Type"), header(missing,
        "Access-Control-Allow-Origin"), missing.body(), 404);
    // Refused before routing: a method that the server does not serve.
    io.tidings.testing.RawHttp.Answer post = io.tidings.testing.RawHttp.send(server.port(),
        "DELETE", "/api/articles", Map.of("Host", "localhost"));
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    assertJsonError(post.header("Content-Type"), post.header("Access-Control-Allow-Origin"),
        post.body(), 405);
    // Everything else keeps its plain-text errors.
    HttpResponse<byte[]> page = get(server, "/nothing");
    assertThat(header(page, "Content-Type")).isEqualTo("text/plain; charset=utf-8");
  }

  private static void assertJsonError(String type, String cors, byte[] body, int status) {
    assertThat(type).isEqualTo("application/json; charset=utf-8");
    assertThat(cors).isEqualTo("*");
    assertThat(json(body).path("error").path("status").asInt()).isEqualTo(status);
    assertThat(json(body).path("error").path("message").asText()).isNotBlank();
  }
}
