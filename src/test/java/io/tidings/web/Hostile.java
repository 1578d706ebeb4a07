package io.tidings.web;

import io.tidings.testing.Articles;
import io.tidings.testing.TidingsServer;
import java.nio.file.Path;

/** A content directory whose article, topic and provider names are made of markup. */
final class Hostile {
  static final String TITLE =
      "<script>window.__pwned=1</script> \"Quotes\" & 'apostrophes' AT&T <b>bold</b>";
  static final String TOPIC = "Tom & \"Jerry\" <b>";
  static final String TOPIC_KEY = "tom-jerry-b";
  static final String PROVIDER = "<i>Evil</i> & \"Co\"";
  static final String PROVIDER_KEY = "evil.example";
  static final String EXCERPT = "An <img src=x onerror=window.__pwned=2> excerpt & more";

  private Hostile() {}

  /** The hostile article and a plain one, as a {@code @TidingsServer}'s content. */
  static final class Directory implements TidingsServer.Content {
    @Override
    public void fill(Path dir) {
      content(dir);
    }
  }

  /** Writes the hostile article and a plain one into {@code dir}; returns dir. */
  static Path content(Path dir) {
    Articles.write(dir, "hostile.txt", """
        ---
        title: "%s"
        publishedDateTime: 2023-10-18T08:00:00Z
        originalUrl: "https://evil.example/a?x=1&y=2"
        excerpt: "%s"
        provider:
          name: "%s"
          domain: evil.example
        topics:
          - "%s"
          - "AI"
        ---
        """.formatted(yaml(TITLE), yaml(EXCERPT), yaml(PROVIDER), yaml(TOPIC)));
    Articles.write(dir, "plain.txt", Articles.article("plain").title("A plain title")
        .topics("AI").provider("Plain News", "plain.example").text());
    return dir;
  }

  private static String yaml(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** HTML text as the characters it stands for (the entities our templates write). */
  static String unescapeHtml(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
  }
}
