package io.tidings.article;

import static io.tidings.article.Fixtures.NAME;
import static io.tidings.article.Fixtures.article;
import static io.tidings.article.Fixtures.error;
import static io.tidings.article.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Required fields and typed fields: each error names the field, quotes the value, says what is allowed. */
class FieldErrorsTest {
  private static final String DATE = "publishedDateTime: 2023-10-17T16:45:00Z\n";
  private static final String URL = "originalUrl: https://example.com/a\n";

  @Test
  void missingTitle() {
    ParseError e = error("---\n" + DATE + URL + "---\n");
    assertThat(e.line()).isZero(); // there is no line to point at
    assertThat(e.reason()).isEqualTo("title is missing; it is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"title: ''", "title: '   '", "title:", "title: ~"})
  void blankTitle(String line) {
    ParseError e = error("---\n" + line + "\n" + DATE + URL + "---\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).contains("title is empty", "non-blank");
  }

  @Test
  void titleAsAList() {
    ParseError e = error("---\n" + DATE + "title:\n  - one\n  - two\n" + URL + "---\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.reason()).isEqualTo("title must be text, not a list");
  }

  @Test
  void titleAsAMapping() {
    ParseError e = error("---\ntitle: {en: Hello}\n" + DATE + URL + "---\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).contains("title must be text", "mapping");
  }

  @Test
  void titleIsStripped() {
    assertThat(ok("---\ntitle: '  Hello  '\n" + DATE + URL + "---\n").title()).isEqualTo("Hello");
  }

  @Test
  void missingPublishedDateTime() {
    ParseError e = error("---\ntitle: T\n" + URL + "---\n");
    assertThat(e.line()).isZero();
    assertThat(e.reason()).contains("publishedDateTime is missing", "required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2023-13-45T16:45:00Z", "17/10/2023 16:45", "1697561100"})
  void unparseablePublishedDateTimeIsQuoted(String value) {
    ParseError e = error("---\ntitle: T\npublishedDateTime: " + value + "\n" + URL + "---\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.reason()).contains("publishedDateTime \"" + value + "\"", "ISO-8601",
        "2023-10-17T16:45:00Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-10-17T16:45:00", "2023-10-17", "2023-10-17 16:45:00"})
  void dateWithoutZone(String value) {
    ParseError e = error("---\ntitle: T\npublishedDateTime: " + value + "\n" + URL + "---\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.reason()).contains("\"" + value + "\"", "with a zone");
  }

  @Test
  void longBadValuesAreCutShort() {
    String value = "9".repeat(500);
    ParseError e = error("---\ntitle: T\npublishedDateTime: " + value + "\n" + URL + "---\n");
    assertThat(e.reason()).doesNotContain(value).contains("9".repeat(80) + "…").hasSizeLessThan(250);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-10-17T18:45:00+02:00", "2023-10-17 16:45:00Z", "2023-10-17T11:45:00-05:00",
      "'2023-10-17T16:45:00Z'", "2023-10-17T16:45Z"})
  void datesWithAZoneOrOffsetAreAccepted(String value) {
    Article a = ok("---\ntitle: T\npublishedDateTime: " + value + "\n" + URL + "---\n");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2023-10-17T16:45:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/artificial-intelligence/story", "infotechlead.com/story", "ftp://example.com/a",
      "mailto:news@example.com", "https:///no-host", "https://exa mple.com/a"})
  void originalUrlThatIsNotAbsoluteHttp(String value) {
    ParseError e = error("---\ntitle: T\n" + DATE + "originalUrl: '" + value + "'\n---\n");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.reason()).contains("originalUrl \"" + value + "\"", "absolute http(s) URL");
  }

  @Test
  void badWebUrlIsAnErrorToo() {
    ParseError e = error(article("webUrl: /relative"));
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.reason()).contains("webUrl \"/relative\"", "absolute http(s) URL");
  }

  @Test
  void missingBothOriginalUrlAndWebUrl() {
    ParseError e = error("---\ntitle: T\n" + DATE + "ampWebUrl: https://example.com/amp\n---\n");
    assertThat(e.line()).isZero();
    assertThat(e.reason()).contains("originalUrl is missing", "webUrl");
  }

  @Test
  void webUrlAloneIsTheIdentity() {
    Article a = ok("---\ntitle: T\n" + DATE + "webUrl: https://www.example.com/w\n---\n");
    assertThat(a.id()).isEqualTo("https://www.example.com/w");
    assertThat(a.webUrl()).isEqualTo(a.id());
    assertThat(a.originalUrl()).isNull();
    assertThat(a.provider().key()).isEqualTo("example.com");
  }

  @Test
  void originalUrlIsTheIdentityAndWebUrlDefaultsToIt() {
    Article both = ok(article("webUrl: https://example.com/read"));
    assertThat(both.id()).isEqualTo("https://example.com/a");
    assertThat(both.webUrl()).isEqualTo("https://example.com/read");
    Article one = ok(article());
    assertThat(one.webUrl()).isEqualTo("https://example.com/a");
  }

  @Test
  void badAlternateUrlsAreDroppedNotFatal() {
    Article a = ok(article("ampWebUrl: /amp", "cdnAmpWebUrl: ftp://cdn.example.com/a"));
    assertThat(a.ampWebUrl()).isNull();
    assertThat(a.cdnAmpWebUrl()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"high", "1.5", "'13x'", "[1, 2]", "99999999999"})
  void qualityNotAWholeNumber(String value) {
    ParseError e = error(article("quality: " + value));
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.reason()).startsWith("quality \"").contains("is not a whole number");
  }

  @Test
  void quotedWholeNumbersAreNumbers() {
    assertThat(ok(article("quality: '13'")).quality()).isEqualTo(13);
    assertThat(ok(article("heat: \"-1\"")).heat()).isEqualTo(-1);
  }

  @Test
  void heatNotANumber() {
    ParseError e = error(article("heat: hot"));
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.reason()).isEqualTo("heat \"hot\" is not a whole number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "'false'", "0", "draft"})
  void publishedNotABoolean(String value) {
    ParseError e = error(article("published: " + value));
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.reason()).startsWith("published \"").contains("must be true or false");
  }

  @Test
  void publishedDefaultsToTrue() {
    assertThat(ok(article()).published()).isTrue();
    assertThat(ok(article("published: false")).published()).isFalse();
    assertThat(ok(article("published: true")).published()).isTrue();
  }

  @Test
  void errorLinePointsAtTheFieldNotTheFileStart() {
    ParseError e = error(article("excerpt: x", "category: news", "type: article", "quality: lots"));
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.toString()).isEqualTo(NAME + ":8: quality \"lots\" is not a whole number");
  }
}
