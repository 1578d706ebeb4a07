package io.tidings.article;

import static io.tidings.article.Fixtures.article;
import static io.tidings.article.Fixtures.error;
import static io.tidings.article.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every text field is the scalar as the file writes it, even where YAML 1.1 would read a plain
 * scalar as a boolean, a number, a date or null-like text; the number and boolean fields keep
 * YAML's typed reading.
 */
class PlainScalarTextTest {
  /** Plain scalars that YAML 1.1 resolves (or once resolved) to something other than text. */
  @ParameterizedTest
  @ValueSource(strings = {"Yes", "NO", "on", "Off", "y", "n", "TRUE", "false", "3.10", "0x1F",
      "007", "010", "0b101", "1_000", "1_0.5", "1e3", "3.10e+2", "1.", "-.5", ".inf", "+.inf",
      "-.Inf", ".NaN", "2023-10-17", "2023-10-17 16:45:00", "12:30", "190:20:30", "1:2:3.5", "+1",
      "-0", "9999999999999999999999", "None", "Null Island", "nullable", "~x"})
  void everyTextFieldIsTheScalarAsWritten(String v) {
    Article a = ok("---\n"
        + "title: " + v + "\n"
        + "publishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: https://example.com/a\n"
        + "excerpt: " + v + "\n"
        + "category: " + v + "\n"
        + "type: " + v + "\n"
        + "provider:\n  name: " + v + "\n  domain: " + v + "\n"
        + "topics:\n  - " + v + "\n  - other\n"
        + "related:\n"
        + "  - title: " + v + "\n"
        + "    excerpt: " + v + "\n"
        + "    type: " + v + "\n"
        + "    webUrl: https://example.org/r\n"
        + "    provider:\n      name: " + v + "\n      domain: " + v + "\n"
        + "---\n");
    assertThat(a.title()).isEqualTo(v);
    assertThat(a.excerpt()).isEqualTo(v);
    assertThat(a.category()).isEqualTo(v);
    assertThat(a.type()).isEqualTo(v);
    assertThat(a.provider().name()).isEqualTo(v);
    // A domain is kept only as a host name (Keys.host), made from the text as written.
    assertThat(a.provider().domain()).isEqualTo(Keys.host(v));
    assertThat(a.topics()).extracting(Topic::name).containsExactly(v, "other");
    assertThat(a.related()).hasSize(1);
    Related r = a.related().get(0);
    assertThat(List.of(r.title(), r.excerpt(), r.type(), r.provider().name())).containsOnly(v);
    assertThat(r.provider().domain()).isEqualTo(Keys.host(v));
  }

  /** The same values in flow style and as a bare provider: still as written. */
  @ParameterizedTest
  @ValueSource(strings = {"Yes", "NO", "on", "Off", "3.10", "0x1F", "007", "1_000", "1e3", ".inf",
      ".NaN", "2023-10-17", "+1", "-0"})
  void flowListsAndBareProvider(String v) {
    Article a = ok(article("topics: [" + v + ", " + v + "x]", "provider: " + v));
    assertThat(a.topics()).extracting(Topic::name).containsExactly(v, v + "x");
    assertThat(a.provider().name()).isEqualTo(v);
  }

  @Test
  void multiLinePlainScalarsAreFoldedAsYamlSays() {
    Article a = ok("---\ntitle: 3.10\n  is out\npublishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: https://example.com/a\nexcerpt: Yes\n  we can\n---\n");
    assertThat(a.title()).isEqualTo("3.10 is out");
    assertThat(a.excerpt()).isEqualTo("Yes we can");
  }

  @Test
  void quotedAndTaggedScalarsAreTheirText() {
    Article a = ok(article("excerpt: \"Yes\"", "category: '3.10'", "type: !!str 0x1F",
        "topics: [\"NO\", !!bool off, !!int 007]", "provider: \"null\""));
    assertThat(a.excerpt()).isEqualTo("Yes");
    assertThat(a.category()).isEqualTo("3.10");
    assertThat(a.type()).isEqualTo("0x1F");
    assertThat(a.topics()).extracting(Topic::name).containsExactly("NO", "off", "007");
    assertThat(a.provider().name()).isEqualTo("null");
  }

  /** Only YAML's null forms are no value; a required title that is null says why. */
  @ParameterizedTest
  @ValueSource(strings = {"~", "null", "Null", "NULL", ""})
  void onlyYamlNullIsNoValue(String v) {
    assertThat(ok(article("excerpt: " + v, "category: " + v)).excerpt()).isNull();
    ParseError e = error("---\ntitle: " + v + "\npublishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: https://example.com/a\n---\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).isEqualTo(v.isEmpty() // nothing written is blank text
        ? "title is empty; it must be non-blank text"
        : "title is empty (YAML reads nothing, ~ and null as no value); it must be non-blank text");
  }

  @Test
  void wholeNumberFieldsKeepYamlsReading() {
    assertThat(ok(article("quality: 13")).quality()).isEqualTo(13);
    assertThat(ok(article("quality: \"13\"")).quality()).isEqualTo(13);
    assertThat(ok(article("quality: +13")).quality()).isEqualTo(13);
    assertThat(ok(article("quality: 1_000")).quality()).isEqualTo(1000);
    assertThat(ok(article("quality: 0x1F")).quality()).isEqualTo(31);
    assertThat(ok(article("heat: -1")).heat()).isEqualTo(-1);
    assertThat(ok(article("heat: -0")).heat()).isEqualTo(0);
  }

  /** A number that is not whole is an error that quotes it as written, not as YAML rewrote it. */
  @ParameterizedTest
  @ValueSource(strings = {"1e3", "3.10", ".inf", ".NaN", "1:2:3.5", "9999999999999999999999",
      "Yes"})
  void notWholeNumbersAreQuotedAsWritten(String v) {
    ParseError e = error(article("quality: " + v));
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.reason()).isEqualTo("quality \"" + v + "\" is not a whole number");
  }

  @Test
  void booleanFieldsKeepYamlsReading() {
    for (String no : List.of("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF")) {
      assertThat(ok(article("published: " + no)).published()).as(no).isFalse();
    }
    for (String yes : List.of("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON")) {
      assertThat(ok(article("published: " + yes)).published()).as(yes).isTrue();
    }
    for (String notBool : List.of("y", "n", "1", "\"false\"", "'yes'")) {
      assertThat(error(article("published: " + notBool)).reason())
          .as(notBool).contains("must be true or false");
    }
  }

  @Test
  void imageNumbersAndFlagsKeepYamlsReading() {
    Article a = ok(article("images:", "  - url: https://example.com/i.jpg",
        "    width: 0x10", "    height: 1_200", "    isCached: yes",
        "  - url: https://example.com/j.jpg", "    width: 3.10", "    isCached: 'yes'"));
    assertThat(a.images()).containsExactly(
        new Image("https://example.com/i.jpg", 16, 1200, true),
        new Image("https://example.com/j.jpg", null, null, null));
  }

  @Test
  void relatedQualityKeepsYamlsReading() {
    Article a = ok(article("related:", "  - title: Yes", "    webUrl: https://example.org/r",
        "    quality: 0x1F", "  - title: NO", "    webUrl: https://example.org/s",
        "    quality: '13'"));
    assertThat(a.related()).extracting(Related::title).containsExactly("Yes", "NO");
    assertThat(a.related()).extracting(Related::quality).containsExactly(31, null);
  }
}
