package io.tidings.web;

import static io.tidings.web.FeedHttp.EXTENSIONS;
import static io.tidings.web.FeedHttp.RENGONG_ZHINENG;
import static io.tidings.web.FeedHttp.etag;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.ids;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static io.tidings.web.SampleReference.categoryIs;
import static io.tidings.web.SampleReference.minQuality;
import static io.tidings.web.SampleReference.providerIn;
import static io.tidings.web.SampleReference.topicIn;
import static io.tidings.web.SampleReference.words;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.article.Article;
import io.tidings.testing.TidingsServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Query parameters of feeds against a brute-force reference; canonical form; 400s. */
@TidingsServer(settings = "feeds.defaultLimit=3")
class FeedQueryParamsTest {
  @TidingsServer.ContentDir static Path dir;
  static TestServer server;
  static SampleReference ref;

  @BeforeAll
  static void reference() {
    ref = new SampleReference(dir);
  }

  static Stream<Arguments> filters() {
    Predicate<Article> aiReutersGood = topicIn("AI").and(providerIn("reuters.com"))
        .and(minQuality(60));
    return Stream.of(
        Arguments.of("/feed.json?topic=Space", topicIn("Space")),
        Arguments.of("/feed.json?topic=space,CLIMATE", topicIn("Space", "Climate")),
        Arguments.of("/feed.json?topic=Space&topic=climate", topicIn("Space", "Climate")),
        Arguments.of("/feed.json?topic=" + RENGONG_ZHINENG, topicIn("人工智能")),
        Arguments.of("/feed.json?provider=reuters.com,www.nature.com",
            providerIn("reuters.com", "nature.com")),
        Arguments.of("/feed.json?provider=www.reuters.com&provider=Nature.com",
            providerIn("reuters.com", "nature.com")),
        Arguments.of("/feed.json?category=Tech", categoryIs("tech")),
        Arguments.of("/feed.json?category=science,opinion",
            categoryIs("science").or(categoryIs("opinion"))),
        Arguments.of("/feed.json?q=chip", words("chip")),
        Arguments.of("/feed.json?q=AI%20chip", words("ai chip")),
        Arguments.of("/feed.json?q=ANTHROPIC", words("anthropic")),
        Arguments.of("/feed.json?q=" + RENGONG_ZHINENG, words("人工智能")),
        Arguments.of("/feed.json?q=%E6%A8%A1%E5%9E%8B", words("模型")),
        Arguments.of("/feed.json?minQuality=60", minQuality(60)),
        Arguments.of("/feed.json?minQuality=%2070", minQuality(70)),
        Arguments.of("/feed.json?topic=ai&provider=reuters.com&minQuality=60", aiReutersGood),
        Arguments.of("/feed.json?minQuality=60&provider=reuters.com&topic=AI", aiReutersGood),
        Arguments.of("/feed.json?topic=ai,space&category=science&q=nasa",
            topicIn("AI", "Space").and(categoryIs("science")).and(words("nasa"))),
        Arguments.of("/topics/ai/feed.json?provider=reuters.com",
            topicIn("AI").and(providerIn("reuters.com"))),
        Arguments.of("/topics/ai/feed.json?topic=AI", topicIn("AI")),
        Arguments.of("/providers/reuters.com/feed.json?topic=markets,security",
            providerIn("reuters.com").and(topicIn("Markets", "Security"))));
  }

  @ParameterizedTest
  @MethodSource("filters")
  void eachFilterGivesWhatABruteForceScanGives(String path, Predicate<Article> filter) {
    List<String> expected = ref.ids(filter);
    assertThat(expected).as("the reference must select something, and not everything")
        .isNotEmpty().hasSizeLessThan(ref.all().size());
    assertThat(ids(ok(server, path + "&limit=500").body())).isEqualTo(expected);
  }

  @Test
  void differentParametersCombineWithAndValuesOfOneWithOr() {
    int ai = ref.ids(topicIn("AI")).size();
    int both = ids(ok(server, "/feed.json?limit=500&topic=ai&category=business").body()).size();
    int either = ids(ok(server, "/feed.json?limit=500&topic=ai,space").body()).size();
    assertThat(both).isPositive().isLessThan(ai);
    assertThat(either).isGreaterThan(ai);
    int chip = ids(ok(server, "/feed.json?limit=500&q=chip").body()).size();
    int aiChip = ids(ok(server, "/feed.json?limit=500&q=chip%20nvidia").body()).size();
    assertThat(aiChip).as("every word must occur").isPositive().isLessThan(chip);
  }

  @Test
  void orderAndCaseOfParametersGiveTheSameBytesAndETag() {
    List<List<String>> spellings = List.of(
        List.of("?topic=AI&provider=www.reuters.com", "?provider=reuters.com&topic=ai",
            "?provider=Reuters.com&topic=Ai&limit=3", "?TOPIC=ai&Provider=reuters.com"),
        List.of("?topic=ai,markets", "?topic=Markets&topic=AI", "?topic=markets,ai,AI"),
        List.of("?q=AI%20Chip", "?q=chip%20ai", "?q=chip&q=AI", "?q=CHIP,+ai"),
        List.of("?minQuality=60&category=Tech", "?category=tech&minQuality=%2060",
            "?MinQuality=60&CATEGORY=tech&LIMIT=3", "?minquality=60&Category=TECH"));
    for (String ext : EXTENSIONS) {
      for (List<String> same : spellings) {
        HttpResponse<byte[]> first = ok(server, "/feed." + ext + same.get(0));
        for (String other : same.subList(1, same.size())) {
          HttpResponse<byte[]> r = ok(server, "/feed." + ext + other);
          assertThat(r.body()).as(other + " vs " + same.get(0)).isEqualTo(first.body());
          assertThat(etag(r)).isEqualTo(etag(first));
        }
      }
    }
    // ...and a real difference is a different feed (so is a parameter name in other case).
    assertThat(etag(ok(server, "/feed.rss?Topic=Space"))).isNotEqualTo(etag(ok(server, "/feed.rss")));
    assertThat(etag(ok(server, "/feed.rss?topic=ai"))).isNotEqualTo(
        etag(ok(server, "/feed.rss?topic=ai&provider=reuters.com")));
  }

  @Test
  void theDefaultLimitComesFromConfigAndLimitOverridesIt() {
    List<String> all = ref.ids(a -> true);
    assertThat(ids(ok(server, "/feed.json").body())).isEqualTo(all.subList(0, 3));
    assertThat(ids(ok(server, "/feed.json?limit=10").body())).isEqualTo(all.subList(0, 10));
    assertThat(ids(ok(server, "/feed.json?limit=1").body())).isEqualTo(all.subList(0, 1));
    assertThat(ids(ok(server, "/feed.json?limit=500").body())).isEqualTo(all);
    assertThat(FeedHttp.itemCount("rss", ok(server, "/topics/ai/feed.rss").body())).isEqualTo(3);
    assertThat(FeedHttp.itemCount("atom", ok(server, "/feed.atom?limit=7").body())).isEqualTo(7);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "limit=abc      | limit must be an integer from 1 to 500, got \"abc\"",
      "limit=0        | limit must be an integer from 1 to 500, got \"0\"",
      "limit=501      | limit must be an integer from 1 to 500, got \"501\"",
      "limit=-1       | limit must be an integer from 1 to 500, got \"-1\"",
      "limit=2.5      | limit must be an integer from 1 to 500, got \"2.5\"",
      "minQuality=x   | minQuality must be an integer, got \"x\"",
      "minQuality=1e3 | minQuality must be an integer, got \"1e3\""})
  void aBadValueIs400WithOneLineNamingTheParameterAndWhatIsAllowed(String query,
      String message) {
    for (String path : List.of("/feed.rss?", "/topics/ai/feed.json?topic=ai&",
        "/providers/reuters.com/feed.atom?")) {
      HttpResponse<byte[]> r = get(server, path + query);
      assertThat(r.statusCode()).as(path + query).isEqualTo(400);
      assertThat(header(r, "Content-Type")).startsWith("text/plain");
      assertThat(text(r)).isEqualTo(message + "\n");
    }
  }

  @Test
  void aSingleValuedParameterGivenTwiceDifferentlyIs400() {
    assertThat(text(get(server, "/feed.rss?Limit=x"))).startsWith("limit must be");
    HttpResponse<byte[]> r = get(server, "/feed.rss?limit=5&limit=6");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(text(r)).startsWith("limit ").doesNotContain("\n\n");
    assertThat(get(server, "/feed.rss?limit=5&limit=5").statusCode()).isEqualTo(200);
  }

  @Test
  void theLargestLimitComesFromConfig() throws Exception {
    try (TestServer small = TestServer.start(dir,
        Map.of("feeds.maxLimit", "10", "feeds.defaultLimit", "5"))) {
      assertThat(ids(ok(small, "/feed.json").body())).hasSize(5);
      assertThat(ids(ok(small, "/feed.json?limit=10").body())).hasSize(10);
      HttpResponse<byte[]> r = get(small, "/feed.json?limit=11");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(text(r)).isEqualTo("limit must be an integer from 1 to 10, got \"11\"\n");
    }
  }
}
