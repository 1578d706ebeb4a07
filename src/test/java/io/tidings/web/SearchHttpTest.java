package io.tidings.web;

import static io.tidings.testing.Articles.article;
import static io.tidings.web.FeedHttp.ids;
import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code q} over HTTP as docs/feeds.md says: whole words (a plural s aside), tokens with inner
 * punctuation as written, CJK runs where they stand, accents and case folded; the feeds and
 * the API give the same articles, newest first.
 */
class SearchHttpTest {
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    String[][] texts = {
        {"att", "AT&T raises prices", "The carrier AT&T's plan."},
        {"at-t", "At the T junction", "Traffic at t-minus ten"},
        {"cpp", "C++ 26 is out", "A C# port follows."},
        {"c", "The letter C", "c is for cookie"},
        {"said", "He said it again", "Certain aims were maintained."},
        {"ai", "AI chips rise", "ai-powered tools"},
        {"cafe", "Café culture", "Résumé of Straße"},
        {"cjk", "人工智能 芯片", "東京 ロボット 展示会"},
        {"cjk-apart", "人工 and 智能 apart", "no run here"},
        {"py", "Python 3.10 released", "node.js and e-mail"},
        {"rocket", "Launch 🚀 today", "and 1,000 more"}};
    for (int i = 0; i < texts.length; i++) {
      Articles.write(dir, texts[i][0] + ".txt", article(texts[i][0])
          .at(String.format("2023-01-%02dT00:00:00Z", i + 1)).title(texts[i][1])
          .excerpt(texts[i][2]).text());
    }
    server = TestServer.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest(name = "[{index}] q={0}")
  @CsvSource(delimiter = '|', value = {
      "AT%26T          | att",
      "at%26t%27s      | att",
      "at              | at-t,att",
      "C%2B%2B         | cpp",
      "c               | c,cpp",
      "C%23            | cpp",
      "ai              | ai",
      "AI%20chip       | ai",
      "said            | said",
      "aim             | said",
      "cafe            | cafe",
      "RESUME%20strasse | cafe",
      "%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD | cjk",
      "%E4%BA%BA%E5%B7%A5 | cjk-apart,cjk",
      "%E6%99%BA      | cjk-apart,cjk",
      "3.10            | py",
      "node.js         | py",
      "mail            | py",
      "e-mail          | py",
      "%F0%9F%9A%80    | rocket",
      "1%2C000         | rocket",
      "zzyzx           | ''"})
  void feedsAndTheApiGiveTheDocumentedMatches(String q, String expected) {
    List<String> want = expected.isEmpty() ? List.of()
        : List.of(expected.split(",")).stream().map(Articles::url).toList();
    assertThat(ids(ok(server, "/feed.json?q=" + q).body())).as("feed").isEqualTo(want);
    List<String> api = new ArrayList<>();
    json(ok(server, "/api/articles?q=" + q).body()).path("articles")
        .forEach(a -> api.add(a.path("id").asText()));
    assertThat(api).as("api").isEqualTo(want);
  }
}
