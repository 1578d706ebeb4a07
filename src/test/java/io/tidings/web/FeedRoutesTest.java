package io.tidings.web;

import static io.tidings.web.FeedHttp.EXTENSIONS;
import static io.tidings.web.FeedHttp.RENGONG_ZHINENG;
import static io.tidings.web.FeedHttp.contentType;
import static io.tidings.web.FeedHttp.etag;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.ids;
import static io.tidings.web.FeedHttp.itemCount;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The feed URLs: scopes, topic and provider keys, unknown keys and formats, content types. */
@TidingsServer
class FeedRoutesTest {
  @TidingsServer.ContentDir static Path dir;
  static TestServer server;
  static SampleReference ref;

  @BeforeAll
  static void reference() {
    ref = new SampleReference(dir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed", "/topics/ai/feed", "/providers/reuters.com/feed"})
  void everyScopeServesEveryFormatWithItsExactContentType(String prefix) {
    for (String ext : EXTENSIONS) {
      HttpResponse<byte[]> r = ok(server, prefix + "." + ext);
      assertThat(header(r, "Content-Type")).as(prefix + "." + ext).isEqualTo(contentType(ext));
      assertThat(itemCount(ext, r.body())).as(prefix + "." + ext).isPositive();
    }
  }

  @Test
  void theWholeFeedHoldsEveryVisibleArticleNewestFirstAndNoDraft() {
    List<String> served = ids(ok(server, "/feed.json?limit=500").body());
    assertThat(ref.all()).hasSize(34);
    assertThat(served).isEqualTo(ref.ids(a -> true));
    assertThat(String.join("\n", served)).doesNotContain("baichuan-secures", "tesla-misses");
    for (String ext : EXTENSIONS) {
      assertThat(itemCount(ext, ok(server, "/feed." + ext + "?limit=500").body())).isEqualTo(34);
    }
  }

  @Test
  void aTopicIsFoundByItsKeyWhateverTheSpelling() {
    for (String ext : EXTENSIONS) {
      HttpResponse<byte[]> canonical = ok(server, "/topics/ai/feed." + ext);
      for (String spelling : List.of("AI", "Ai", "%EF%BC%A1%EF%BC%A9" /* fullwidth ＡＩ */)) {
        HttpResponse<byte[]> r = ok(server, "/topics/" + spelling + "/feed." + ext);
        assertThat(r.body()).as(spelling + " " + ext).isEqualTo(canonical.body());
        assertThat(etag(r)).isEqualTo(etag(canonical));
      }
    }
    assertThat(ids(ok(server, "/topics/AI/feed.json?limit=500").body()))
        .isEqualTo(ref.ids(SampleReference.topicIn("AI")))
        .hasSize(14); // 009 spells it "ai", 013 has it next to 人工智能; 000 is a draft
  }

  @Test
  void aCjkTopicWorksPercentEncodedAndEqualsTheQueryParameter() {
    List<String> expected = ref.ids(SampleReference.topicIn("人工智能"));
    assertThat(expected).hasSize(3);
    for (String ext : EXTENSIONS) {
      HttpResponse<byte[]> path = ok(server, "/topics/" + RENGONG_ZHINENG + "/feed." + ext);
      assertThat(itemCount(ext, path.body())).isEqualTo(3);
      HttpResponse<byte[]> lower = ok(server, "/topics/" + RENGONG_ZHINENG.toLowerCase()
          + "/feed." + ext);
      assertThat(lower.body()).isEqualTo(path.body());
      HttpResponse<byte[]> viaQuery = ok(server, "/topics/" + RENGONG_ZHINENG + "/feed." + ext
          + "?topic=" + RENGONG_ZHINENG);
      assertThat(viaQuery.body()).isEqualTo(path.body());
    }
    assertThat(ids(ok(server, "/topics/" + RENGONG_ZHINENG + "/feed.json").body()))
        .isEqualTo(expected);
    assertThat(text(ok(server, "/topics/" + RENGONG_ZHINENG + "/feed.json")))
        .contains("Tidings: 人工智能");
  }

  @Test
  void machineLearningIsOneTopicWhateverItsCaseOrSeparator() {
    List<String> expected = ref.ids(SampleReference.topicIn("Machine Learning"));
    // 026 writes "machine learning", the others "Machine Learning": one topic.
    assertThat(expected).hasSize(8).anyMatch(id -> id.contains("mistral"));
    for (String ext : EXTENSIONS) {
      byte[] canonical = ok(server, "/topics/machine-learning/feed." + ext).body();
      for (String spelling : List.of("Machine%20Learning", "machine%20learning",
          "MACHINE_LEARNING", "machine--learning")) {
        assertThat(ok(server, "/topics/" + spelling + "/feed." + ext).body())
            .as(spelling + " " + ext).isEqualTo(canonical);
      }
    }
    assertThat(ids(ok(server, "/topics/Machine%20Learning/feed.json").body())).isEqualTo(expected);
  }

  @Test
  void aProviderIsFoundByDomainWithOrWithoutWww() {
    List<String> expected = ref.ids(SampleReference.providerIn("reuters.com"));
    assertThat(expected).hasSize(6); // 020, Reuters too, is a draft
    for (String ext : EXTENSIONS) {
      HttpResponse<byte[]> canonical = ok(server, "/providers/reuters.com/feed." + ext);
      for (String spelling : List.of("www.reuters.com", "WWW.Reuters.COM", "Reuters.com")) {
        HttpResponse<byte[]> r = ok(server, "/providers/" + spelling + "/feed." + ext);
        assertThat(r.body()).as(spelling + " " + ext).isEqualTo(canonical.body());
        assertThat(etag(r)).isEqualTo(etag(canonical));
      }
    }
    assertThat(ids(ok(server, "/providers/www.reuters.com/feed.json").body())).isEqualTo(expected);
    // A provider without a domain in its file is keyed by the domain of its originalUrl.
    assertThat(ids(ok(server, "/providers/securityweek.com/feed.json").body()))
        .isEqualTo(ref.ids(SampleReference.providerIn("securityweek.com"))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/topics/no-such-topic/feed", "/providers/nowhere.example/feed",
      "/topics/ai/feed.X?topic=space"})
  void anUnknownTopicOrProviderIsAValidEmptyFeedNotA404(String route) {
    for (String ext : EXTENSIONS) {
      String path = route.contains(".X") ? route.replace(".X", "." + ext) : route + "." + ext;
      HttpResponse<byte[]> r = ok(server, path);
      assertThat(header(r, "Content-Type")).isEqualTo(contentType(ext));
      assertThat(itemCount(ext, r.body())).as(path).isZero();
      assertThat(etag(r)).startsWith("\"");
      assertThat(header(r, "Last-Modified")).as("an empty feed has no newest item").isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed.xml", "/feed.", "/topics/ai/feed.xml",
      "/providers/reuters.com/feed.html"})
  void anUnknownFormatIs404AndListsTheFormats(String path) {
    HttpResponse<byte[]> r = get(server, path);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(header(r, "Content-Type")).startsWith("text/plain");
    String body = text(r);
    assertThat(body).contains("feed.rss", "feed.atom", "feed.json");
    assertThat(body.strip()).doesNotContain("\n");
  }

  @Test
  void otherPathsAndMethodsAreNotFeeds() {
    // One segment after /topics/ is a topic's page (for people), never a feed.
    HttpResponse<byte[]> page = get(server, "/topics/feed.rss");
    assertThat(header(page, "Content-Type")).startsWith("text/html");
    assertThat(page.body()).asString().doesNotContain("<rss");
    assertThat(get(server, "/topics/ai/extra/feed.rss").statusCode()).isEqualTo(404);
    assertThat(get(server, "/feeds.rss").statusCode()).isEqualTo(404);
    try {
      HttpResponse<byte[]> post = server.request("POST", "/feed.rss", java.util.Map.of());
      assertThat(post.statusCode()).isIn(404, 405);
      assertThat(post.body()).asString().doesNotContain("<rss");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
