package io.tidings.article;

import static io.tidings.article.Fixtures.error;
import static io.tidings.article.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dates an article may carry ({@link Published}): 1583-01-01T00:00:00Z to
 * 9999-12-31T23:59:59Z in UTC, to the second. Outside it, the file is an error that names the
 * field and the range; a related entry's date outside it is dropped.
 */
class DateRangeTest {
  private static final String URL = "originalUrl: https://example.com/a\n";

  private static String file(String date) {
    return "---\ntitle: T\npublishedDateTime: " + date + "\n" + URL + "---\n";
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "1583-01-01T00:00:00Z           | 1583-01-01T00:00:00Z",
      "1583-01-01T01:00:00+01:00      | 1583-01-01T00:00:00Z",
      "1583-01-01T00:00:00-18:00      | 1583-01-01T18:00:00Z",
      "9999-12-31T23:59:59Z           | 9999-12-31T23:59:59Z",
      "9999-12-31T23:59:59.999999999Z | 9999-12-31T23:59:59Z",
      "+10000-01-01T17:59:59+18:00    | 9999-12-31T23:59:59Z",
      "2023-10-17T16:45:00.5Z         | 2023-10-17T16:45:00Z",
      "2023-10-17T16:45:00.123456789+18:00 | 2023-10-16T22:45:00Z",
      "2023-10-17T16:45:00-18:00      | 2023-10-18T10:45:00Z",
      "1970-01-01T00:00:00Z           | 1970-01-01T00:00:00Z",
      "1969-12-31T23:59:59.9Z         | 1969-12-31T23:59:59Z",
  })
  void accepted(String written, String instant) {
    assertThat(ok(file(written)).publishedAt()).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
      "0001-01-01T00:00:00Z", "1582-10-10T00:00:00Z", "1582-10-15T00:00:00Z",
      "1582-12-31T23:59:59Z", "1583-01-01T00:00:00+00:01", "1583-01-01T17:59:59+18:00",
      "+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59-00:01",
      "9999-12-31T23:59:59-18:00"})
  void outOfRange(String written) {
    ParseError e = error(file(written));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.reason()).isEqualTo("publishedDateTime is out of range: it must be from"
        + " 1583-01-01T00:00:00Z to 9999-12-31T23:59:59Z (UTC), the dates that RSS, Atom,"
        + " JSON Feed and HTTP can all carry");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "1582-10-10T00:00:00Z",
      "+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"})
  void relatedDateOutOfRangeIsDroppedNotTheEntry(String written) {
    Article a = ok(file("2023-10-17T16:45:00Z").replace("---\n" + "title", "---\ntitle")
        .replace(URL, URL + "related:\n  - title: R\n    webUrl: https://other.example/r\n"
            + "    publishedDateTime: " + written + "\n"
            + "  - title: S\n    webUrl: https://other.example/s\n"
            + "    publishedDateTime: 2023-10-20T10:03:00.75+02:00\n"));
    assertThat(a.related()).hasSize(2);
    assertThat(a.related().get(0).publishedAt()).isNull();
    assertThat(a.related().get(1).publishedAt()).isEqualTo(Instant.parse("2023-10-20T08:03:00Z"));
  }
}
