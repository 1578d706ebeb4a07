package io.tidings.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditional GET decisions (RFC 9110, 13.1) and content negotiation, as tables, no server:
 * If-None-Match lists, weak comparison, {@code *}, If-Modified-Since, and both present.
 */
class ConditionalTest {
  /** The entity's tags: the identity representation and its gzip variant. */
  private static final String[] ETAGS = {"\"abc\"", "\"abc-gz\""};
  /** Last modified, with a fraction of a second that HTTP dates cannot say. */
  private static final Instant MODIFIED = Instant.parse("2023-10-17T16:45:00.750Z");

  @ParameterizedTest(name = "[{index}] If-None-Match: {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "\"abc\"                 | true",
      "\"abc-gz\"              | true",
      "W/\"abc\"               | true",
      "\"x\", \"abc\"          | true",
      "\"x\",W/\"abc-gz\"      | true",
      "\"x\" , \"y\"           | false",
      "*                       | true",
      "'  *  '                 | true",
      "\"ABC\"                 | false",
      "abc                     | false",
      "junk, \"abc\"           | true",
      "\"abc                   | false",
      "''                      | false",
  })
  void ifNoneMatch(String header, boolean notModified) {
    assertThat(Conditional.notModified(header, null, MODIFIED, ETAGS)).isEqualTo(notModified);
  }

  @ParameterizedTest(name = "[{index}] If-Modified-Since: {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Tue, 17 Oct 2023 16:45:00 GMT | true",
      "Tue, 17 Oct 2023 16:45:01 GMT | true",
      "Tue, 17 Oct 2023 16:44:59 GMT | false",
      "Wed, 18 Oct 2023 00:00:00 GMT | true",
      "Tue, 3 Oct 2023 16:45:00 GMT  | false",
      "Fri, 3 Nov 2023 16:45:00 GMT  | true",
      "'  Tue, 17 Oct 2023 16:45:00 GMT  ' | true",
      "2023-10-17T16:45:00Z          | false",
      "yesterday                     | false",
  })
  void ifModifiedSince(String header, boolean notModified) {
    assertThat(Conditional.notModified(null, header, MODIFIED, ETAGS)).isEqualTo(notModified);
  }

  /** With both, If-None-Match decides and If-Modified-Since is not looked at. */
  @ParameterizedTest(name = "[{index}] {0} and {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "\"abc\" | Tue, 17 Oct 2023 16:44:59 GMT | true",
      "\"x\"   | Wed, 18 Oct 2023 00:00:00 GMT | false",
      "*       | yesterday                     | true",
      "\"x\"   | yesterday                     | false",
  })
  void bothPresent(String ifNoneMatch, String ifModifiedSince, boolean notModified) {
    assertThat(Conditional.notModified(ifNoneMatch, ifModifiedSince, MODIFIED, ETAGS))
        .isEqualTo(notModified);
  }

  @ParameterizedTest(name = "[{index}] {0}, last modified {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "-                             | 2023-10-17T16:45:00Z",
      "Tue, 17 Oct 2023 16:45:00 GMT | -",
  })
  void nothingToCompareIsModified(String ifModifiedSince, Instant lastModified) {
    assertThat(Conditional.notModified(null, ifModifiedSince, lastModified, ETAGS)).isFalse();
  }

  @ParameterizedTest(name = "[{index}] Accept: {0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | true",
      "application/rss+xml, text/html;q=0.5                            | false",
      "application/atom+xml;q=0.5, text/html                           | true",
      "*/*                                                             | false",
      "text/html;q=0                                                   | false",
      "TEXT/HTML;Q=0.9, application/feed+json;q=0.9                    | false",
      "application/rss+xml;q=1, text/html;q=0.5                        | false",
      "text/html;q=0.8, */*                                            | false",
      "text/html, application/xml                                      | false",
      "text/html, text/xml;q=0.9                                       | true",
      "text/*                                                          | false",
      "text/html;q=1.5, application/rss+xml;q=0.1                      | false",
      "text/html ; q = 0.9 , application/rss+xml;q=0.8                  | true",
      "text/html, */*;q=0.1                                            | true",
      "application/json, text/html;q=0.9                               | false",
      "text/html;level=1, application/atom+xml;q=0.2                   | true",
      "garbage, text/html                                              | true",
      "-                                                               | false",
  })
  void prefersHtml(String accept, boolean html) {
    assertThat(Conditional.prefersHtml(accept)).isEqualTo(html);
  }

  @ParameterizedTest(name = "[{index}] Accept-Encoding: {0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "gzip, deflate, br    | true",
      "x-gzip               | true",
      "gzip;q=0             | false",
      "gzip;q=0, *          | false",
      "*;q=0.5              | true",
      "br, *;q=0            | false",
      "identity             | false",
      "gzip;q=bad           | false",
      "-                    | false",
  })
  void acceptsGzip(String acceptEncoding, boolean gzip) {
    assertThat(Conditional.acceptsGzip(acceptEncoding)).isEqualTo(gzip);
  }

  /** What Chromium sends when it opens a URL. */
  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,"
      + "image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
  /** What python3-feedparser sends. */
  static final String FEEDPARSER = "application/atom+xml,application/rdf+xml,"
      + "application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1";

  @Test
  void acceptNegotiationTable() {
    assertThat(Conditional.prefersHtml(BROWSER)).isTrue();
    assertThat(Conditional.prefersHtml("text/html")).isTrue();
    assertThat(Conditional.prefersHtml("application/xhtml+xml;q=0.9, application/rss+xml;q=0.5"))
        .isTrue();
    assertThat(Conditional.prefersHtml(FEEDPARSER)).isFalse();
    assertThat(Conditional.prefersHtml(null)).isFalse();
    assertThat(Conditional.prefersHtml("*/*")).isFalse();
    assertThat(Conditional.prefersHtml("text/html, application/rss+xml")).isFalse();
    assertThat(Conditional.prefersHtml("text/html;q=0")).isFalse();
    assertThat(Conditional.prefersHtml("text/html;q=abc")).isFalse();
  }
}
