package io.tidings.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Accept headers ask for the feed's browser view (the XSLT) rather than the feed. */
class ConditionalTest {
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
