package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What one file may declare (Limits): one over a limit is an error naming field, count, limit. */
class ArticleLimitsTest {
  private static final ArticleParser PARSER = new ArticleParser(1 << 20);
  private static final String HEAD = "---\ntitle: t\npublishedDateTime: 2023-10-17T16:45:00Z\n"
      + "originalUrl: https://example.com/a\n";

  private static Parsed parse(String fields) {
    return PARSER.parse("a.txt", (HEAD + fields + "---\n").getBytes(StandardCharsets.UTF_8));
  }

  private static String list(int n, String item) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(item.replace("#", Integer.toString(i))).append('\n');
    }
    return s.toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "topics|topics:|  - t#|topics has 101 entries, over the limit of 100 a file may declare",
      "related|related:|  - {title: r#, webUrl: 'https://r.example/#'}"
          + "|related has 101 entries, over the limit of 100 a file may declare",
      "images|images:|  - {url: 'https://i.example/#.png'}"
          + "|images has 101 entries, over the limit of 100 a file may declare",
      "related images|related:~  - title: r~    webUrl: https://r.example/~    images:"
          + "|\"      - {url: 'https://i.example/#.png'}\""
          + "|related[0].images has 101 entries, over the limit of 100 a file may declare"})
  void oneOverTheLimitIsAnErrorAndTheLimitItselfIsNot(String what, String field, String item,
      String reason) {
    field = field.replace('~', '\n');
    Parsed atLimit = parse(field + "\n" + list(100, item));
    assertThat(atLimit.error()).as(what + " at the limit").isNull();
    Parsed over = parse(field + "\n" + list(101, item));
    assertThat(over.error()).as(what + " over the limit").isNotNull();
    assertThat(over.error().reason()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0} topics")
  @CsvSource({"150000", "1000"})
  void aFlowListOfManyTopicsIsRefusedWithItsCount(int n) {
    StringBuilder topics = new StringBuilder("topics: [");
    for (int i = 0; i < n; i++) {
      topics.append(i == 0 ? "" : ",").append(Integer.toString(i, 36));
    }
    Parsed p = parse(topics.append("]\n").toString());
    assertThat(p.error()).isNotNull();
    assertThat(p.error().reason()).isEqualTo(String.format(java.util.Locale.ROOT,
        "topics has %,d entries, over the limit of 100 a file may declare", n));
    assertThat(p.error().line()).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0} characters")
  @CsvSource({"200, true", "201, false", "100000, false"})
  void aTopicNameLongerThanTheLimitIsAnError(int length, boolean ok) {
    Parsed p = parse("topics:\n  - short\n  - " + "é".repeat(length) + "\n");
    if (ok) {
      assertThat(p.error()).isNull();
      assertThat(p.article().topics()).hasSize(2);
    } else {
      assertThat(p.error().reason()).isEqualTo(String.format(java.util.Locale.ROOT,
          "topics[1] is %,d characters long, over the limit of 200 for a topic name", length));
    }
  }
}
