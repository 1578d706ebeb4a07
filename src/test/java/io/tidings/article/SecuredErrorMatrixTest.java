package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.testing.SecuredErrorCases;
import io.tidings.testing.SecuredErrorCases.Case;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A syntax error inside {@code secured}, whichever way the key is written and whichever line
 * break the file uses, names nothing of the value: not a key of it, not a character of it.
 */
class SecuredErrorMatrixTest {
  private static final ArticleParser PARSER = new ArticleParser(1 << 20);

  static List<Case> cases() {
    return SecuredErrorCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theMarkIsNeverInTheError(Case c) {
    Parsed p = PARSER.parse(c.name() + ".txt", c.text().getBytes(StandardCharsets.UTF_8));
    if (p.error() == null) {
      // Tolerated, the value dropped unread: nothing of it may remain.
      assertThat(p.article().toString()).doesNotContain("QZX").doesNotContain("SECRET");
      return;
    }
    assertThat(p.error().toString()).doesNotContain("QZX").doesNotContain("SECRET")
        .doesNotContainPattern("[\\p{Cntrl}\u2028\u2029\u0085]");
    assertThat(p.error().line()).isPositive();
  }

  @Test
  void theIssuesExampleSaysTwiceButNotWhich() {
    // A line separator in the excerpt, then a secured map with a key written twice.
    Parsed p = PARSER.parse("x.txt", ("---\ntitle: T\npublishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: https://example.com/a\nexcerpt: \"one\u2028two\"\nsecured: {"
        + SecuredErrorCases.MARK + ": 1, " + SecuredErrorCases.MARK + ": 2}\n---\n")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(p.error().toString()).isEqualTo("x.txt:6:28: invalid YAML in the value of secured"
        + " (its text is never shown): a field is written twice");
  }

  @Test
  void almostEveryCaseIsAnError() {
    long errors = cases().stream().filter(c -> PARSER.parse(c.name(),
        c.text().getBytes(StandardCharsets.UTF_8)).error() != null).count();
    assertThat(errors).isGreaterThan(cases().size() * 3 / 4);
  }

  @Test
  void aKeyWrittenTwiceOutsideSecuredIsNamedEscaped() {
    Parsed p = PARSER.parse("x.txt", ("---\ntitle: T\npublishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: https://example.com/a\nextra: {\"a\\e[31m\": 1, \"a\\e[31m\": 2}\n---\n")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(p.error().reason()).isEqualTo("invalid YAML: a field is written twice:"
        + " \"a\\u001b[31m\"");
  }
}
