package io.tidings.feed;

import io.tidings.article.Keys;
import io.tidings.testing.Articles;
import io.tidings.testing.TidingsServer;
import java.nio.file.Path;
import java.util.List;

/**
 * Texts that feed formats and readers get wrong, as the titles, excerpts, topic names and
 * provider names of one article each: what {@link FeedTextReadBackTest} reads back.
 */
final class HostileText {
  /** The table: every text is one article's title, topic name and provider name. */
  static final List<String> TEXTS = List.of(
      "AT&T",
      "M&A: S&P 500 < 5,000 & Q&A",
      "a <b>bold</b> move",
      "typed &amp; literally, &lt;b&gt; too",
      "x > y >= z",
      "\"double\" and 'single' quotes",
      "ends ]]> here",
      "</title> breaks out",
      "rocket 🚀 family 👩‍👩‍👧 flag 🏳️‍🌈",
      "人工智能 新闻 の 記事",
      "Cafe\u0301 re\u0301sume\u0301 (NFD, kept)",
      "مرحبا بالعالم — שלום עולם",
      "<![CDATA[ x ]]> &#x26; &#38; &#x2603;");

  /**
   * The text that feedparser cannot read back from RSS, which has no way to say "text": it
   * guesses HTML from the references in it and drops the CDATA-like markup (newsboat, ROME,
   * and every client of Atom and JSON Feed read it exactly).
   */
  static final int RSS_GUESSED_AS_HTML = 12;

  private HostileText() {}

  static String title(int i) {
    return TEXTS.get(i);
  }

  static String excerpt(int i) {
    return "Excerpt " + i + ": " + TEXTS.get(i);
  }

  static String provider(int i) {
    return TEXTS.get(i);
  }

  static String topic(int i) {
    return TEXTS.get(i);
  }

  static String topicKey(int i) {
    return Keys.topic(topic(i));
  }

  static String id(int i) {
    return "https://example.com/t" + i;
  }

  /** The feed title of the topic of text {@code i}. */
  static String feedTitle(int i) {
    return "Tidings: " + topic(i);
  }

  /** Index of the article of an id. */
  static int index(String id) {
    return Integer.parseInt(id.substring("https://example.com/t".length()));
  }

  /** One article a text, as a {@code @TidingsServer}'s content. */
  static final class Directory implements TidingsServer.Content {
    @Override
    public void fill(Path dir) {
      content(dir);
    }
  }

  /** Writes one article a text into {@code dir}, text 0 the oldest; returns dir. */
  static Path content(Path dir) {
    for (int i = 0; i < TEXTS.size(); i++) {
      Articles.write(dir, "t" + i + ".txt", """
          ---
          title: "%s"
          publishedDateTime: 2023-10-%02dT08:00:00Z
          originalUrl: "%s"
          excerpt: "%s"
          provider:
            name: "%s"
            domain: p%d.example
          topics:
            - "%s"
          ---
          """.formatted(yaml(title(i)), 10 + i, id(i), yaml(excerpt(i)), yaml(provider(i)), i,
          yaml(topic(i))));
    }
    return dir;
  }

  private static String yaml(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
