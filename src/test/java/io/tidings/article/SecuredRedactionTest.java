package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A syntax error inside {@code secured} is reported at its line without quoting any of the
 * value, not even the one character a YAML message would show.
 */
class SecuredRedactionTest {
  private static final String HEAD = "---\ntitle: T\npublishedDateTime: 2023-10-17T16:45:00Z\n"
      + "originalUrl: https://example.com/a\n";

  @ParameterizedTest
  @ValueSource(strings = {
      "secured: \"Zq7\\qW\"\n",          // unknown escape: YAML would quote 'q'
      "secured: \"Zq7\\xZZ\"\n",         // bad hex escape
      "secured: |Zq7\n  W\n",           // bad block header
      "secured: !!float Zq7W\n",        // a tag that makes it a number
      "secured:\n  - Zq7\n - W\n",      // bad indentation inside it
  })
  void errorsInsideSecuredQuoteNothingOfIt(String securedLines) {
    String text = HEAD + securedLines + "---\n";
    Parsed p = new ArticleParser(1 << 20).parse("a.txt", text.getBytes(StandardCharsets.UTF_8));
    if (p.error() == null) {
      // Tolerated as a value that is then dropped: nothing of it may remain anywhere.
      assertThat(p.article().toString()).doesNotContain("Zq7");
      return;
    }
    assertThat(p.error().line()).isBetween(5, 7);
    assertThat(p.error().toString()).doesNotContain("Zq7").doesNotContain("'q'")
        .doesNotContain("ZZ").doesNotContain("'Z'");
  }
}
