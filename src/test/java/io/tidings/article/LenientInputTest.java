package io.tidings.article;

import static io.tidings.article.Fixtures.HEAD;
import static io.tidings.article.Fixtures.article;
import static io.tidings.article.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the parser accepts and how it tidies it: encodings, line endings, body, lists. */
class LenientInputTest {

  @Test
  void utf8BomParses() {
    byte[] text = article("topics: [人工智能]").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    Article a = ok(Fixtures.parser().parse("bom.txt", bytes));
    assertThat(a.title()).isEqualTo("T");
    assertThat(a.topics()).containsExactly(new Topic("人工智能", "人工智能"));
  }

  @Test
  void crlfLineEndingsParse() {
    String text = (HEAD + "excerpt: one line\ntopics:\n  - AI\n---\nfirst\nsecond\n").replace("\n", "\r\n");
    Article a = ok(text);
    assertThat(a.title()).isEqualTo("T");
    assertThat(a.originalUrl()).isEqualTo("https://example.com/a");
    assertThat(a.excerpt()).isEqualTo("one line");
    assertThat(a.topics()).extracting(Topic::key).containsExactly("ai");
    assertThat(a.body()).isEqualTo("first\r\nsecond");
  }

  @Test
  void markerLinesMayHaveTrailingSpaces() {
    Article a = ok("---  \n" + HEAD.substring(4) + "--- \t\nbody\n");
    assertThat(a.title()).isEqualTo("T");
    assertThat(a.body()).isEqualTo("body");
  }

  @Test
  void bodyAfterTheClosingLineIsKept() {
    Article a = ok(HEAD + "---\n\nFirst paragraph.\n\n---\n\nSecond, after a rule.\n\n");
    assertThat(a.body()).isEqualTo("First paragraph.\n\n---\n\nSecond, after a rule.");
    assertThat(ok(HEAD + "---\n").body()).isNull();
    assertThat(ok(HEAD + "---").body()).isNull();
    assertThat(ok(HEAD + "---\n   \n\n").body()).isNull();
  }

  @Test
  void indentedMarkerInsideABlockScalarDoesNotCloseTheFrontMatter() {
    Article a = ok(article("excerpt: |", "  above", "  ---", "  below"));
    assertThat(a.excerpt()).isEqualTo("above\n---\nbelow");
    assertThat(a.body()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    Article plain = ok(article());
    Article extra = ok(article("futureField: {nested: [1, 2, {deep: true}]}", "anotherOne: 3.14",
        "sentiment: positive", "x-custom:", "  - a"));
    assertThat(extra).isEqualTo(plain);
  }

  @Test
  void topicsAsASingleString() {
    Article a = ok(article("topics: Machine Learning"));
    assertThat(a.topics()).containsExactly(new Topic("Machine Learning", "machine-learning"));
    assertThat(a.hasTopic("machine-learning")).isTrue();
  }

  @Test
  void duplicateTopicsByKeyAreDeduplicatedKeepingTheFirst() {
    Article a = ok(article("topics: [AI, ai, ' Ai ', ＡＩ, Machine Learning, machine-learning, MACHINE  LEARNING]"));
    assertThat(a.topics()).containsExactly(new Topic("AI", "ai"),
        new Topic("Machine Learning", "machine-learning"));
  }

  @Test
  void topicsThatFoldToNothingOrAreNotTextAreSkipped() {
    Article a = ok(article("topics: [AI, '!!!', '', ~, {x: 1}, [nested], 2024]"));
    assertThat(a.topics()).extracting(Topic::key).containsExactly("ai", "2024");
  }

  @Test
  void noTopicsIsAnEmptyList() {
    assertThat(ok(article()).topics()).isEmpty();
    assertThat(ok(article("topics:")).topics()).isEmpty();
    assertThat(ok(article("topics: []")).topics()).isEmpty();
  }

  @Test
  void relatedEntriesWithoutTitleOrWebUrlAreSkipped() {
    Article a = ok(article("related:",
        "  - title: no url",
        "  - webUrl: https://x.com/no-title",
        "  - title: ''",
        "    webUrl: https://x.com/blank-title",
        "  - title: relative url",
        "    webUrl: /x/y",
        "  - just a string",
        "  - title: kept",
        "    webUrl: https://x.com/kept",
        "    publishedDateTime: not a date",
        "    quality: high",
        "    images: not a list"));
    assertThat(a.related()).hasSize(1);
    Related r = a.related().get(0);
    assertThat(r.title()).isEqualTo("kept");
    assertThat(r.webUrl()).isEqualTo("https://x.com/kept");
    assertThat(r.publishedAt()).as("lenient in related entries").isNull();
    assertThat(r.quality()).isNull();
    assertThat(r.images()).isEmpty();
    assertThat(r.provider()).isNull();
  }

  @Test
  void relatedThatIsNotAListIsIgnored() {
    assertThat(ok(article("related: nothing")).related()).isEmpty();
  }

  @Test
  void imagesWithARelativeOrMissingUrlAreSkipped() {
    Article a = ok(article("images:",
        "  - url: /uploads/relative.jpg",
        "  - url: uploads/relative.jpg",
        "  - width: 100",
        "  - https://x.com/as-a-string.jpg",
        "  - url: ftp://x.com/a.jpg",
        "  - url: https://x.com/kept.jpg",
        "    width: 640",
        "    height: 480",
        "    isCached: false",
        "  - url: https://x.com/sizeless.jpg",
        "    width: -3",
        "    height: big",
        "    isCached: maybe"));
    assertThat(a.images()).containsExactly(
        new Image("https://x.com/kept.jpg", 640, 480, false),
        new Image("https://x.com/sizeless.jpg", null, null, null));
  }

  @Test
  void relatedImagesFollowTheSameRules() {
    Article a = ok(article("related:", "  - title: r", "    webUrl: https://x.com/r", "    images:",
        "      - url: /rel.jpg", "      - url: https://x.com/abs.jpg", "        width: 10"));
    assertThat(a.related().get(0).images()).containsExactly(new Image("https://x.com/abs.jpg", 10, null, null));
  }

  @Test
  void textFieldsAreStrippedAndBlankIsNull() {
    Article a = ok(article("excerpt: '   '", "category: '  news '", "type: ''"));
    assertThat(a.excerpt()).isNull();
    assertThat(a.category()).isEqualTo("news");
    assertThat(a.type()).isNull();
  }

  @Test
  void listsInTheArticleAreImmutable() {
    Article a = ok(article("topics: [AI]", "images:", "  - url: https://x.com/i.jpg"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.topics().add(Topic.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.images().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
