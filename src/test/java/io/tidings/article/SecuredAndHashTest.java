package io.tidings.article;

import static io.tidings.article.Fixtures.SECURED;
import static io.tidings.article.Fixtures.sampleText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code secured} blob never leaves the parser; the content hash ignores it. */
class SecuredAndHashTest {
  private static final String LINE = "secured: \"" + SECURED + "\"";
  private static final int SECURED_LINE = 149;

  private static String sampleWith(String securedLines) {
    String s = sampleText();
    assertThat(s).contains(LINE);
    return s.replace(LINE, securedLines);
  }

  private static Parsed parse(String text) {
    return Fixtures.parser().parse(Fixtures.SAMPLE, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void securedLineIsWhereTheTestsExpectIt() {
    assertThat(sampleText().split("\n", -1)[SECURED_LINE - 1]).isEqualTo(LINE);
  }

  /** Broken variants of the sample, each failing on or next to the secured line. */
  static Stream<Arguments> brokenSecured() {
    String half = SECURED.substring(0, 100);
    String rest = SECURED.substring(100);
    return Stream.of(
        Arguments.of("unclosed quote", "secured: \"" + SECURED, 150),
        Arguments.of("stray quote inside", "secured: \"" + half + "\"" + rest + "\"", SECURED_LINE),
        Arguments.of("unquoted with ': '", "secured: " + half + ": " + rest, SECURED_LINE),
        Arguments.of("duplicate key", LINE + "\n" + LINE, SECURED_LINE + 1),
        Arguments.of("over-indented", LINE.replace("secured:", "   secured:"), SECURED_LINE),
        Arguments.of("tab-indented", "\t" + LINE, SECURED_LINE),
        Arguments.of("bad escape", "secured: \"" + half + "\\q" + rest + "\"", SECURED_LINE),
        Arguments.of("starts with @", "secured: @" + SECURED, SECURED_LINE),
        Arguments.of("unclosed flow list", "secured: [\"" + SECURED + "\"", 150),
        Arguments.of("unclosed flow map", "secured: {" + SECURED, 150),
        Arguments.of("list with a bad item", "secured:\n  - \"" + SECURED + "\"\n - x", 151));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSecured")
  void brokenSecuredLineNamesThePlaceButNotTheValue(String label, String lines, int line) {
    Parsed p = parse(sampleWith(lines));
    assertThat(p.article()).isNull();
    assertThat(p.error()).isNotNull();
    assertThat(p.error().file()).isEqualTo(Fixtures.SAMPLE);
    assertThat(p.error().line()).isEqualTo(line);
    Fixtures.assertNoSecret(p);
  }

  @Test
  void securedAsListOrMapIsIgnoredAndNotKept() {
    for (String lines : new String[] {
        "secured:\n  - \"" + SECURED + "\"\n  - \"" + SECURED + "\"",
        "secured: [\"" + SECURED + "\"]",
        "secured:\n  blob: \"" + SECURED + "\"",
        // Its value is skipped unread, so no form of it can fail or be quoted:
        "secured: *" + SECURED.substring(0, 7),
        "secured: !!float " + SECURED,
        "secured: |\n  " + SECURED}) {
      Parsed p = parse(sampleWith(lines));
      assertThat(Fixtures.ok(p).related()).hasSize(9);
      Fixtures.assertNoSecret(p);
    }
  }

  @Test
  void securedAsListNextToAnotherErrorDoesNotLeak() {
    String text = sampleWith("secured:\n  - \"" + SECURED + "\"").replace("quality: 13\n", "quality: many\n");
    Parsed p = parse(text);
    assertThat(p.error()).isNotNull();
    assertThat(p.error().line()).isEqualTo(9);
    assertThat(p.error().reason()).contains("quality", "\"many\"", "whole number");
    Fixtures.assertNoSecret(p);
  }

  @Test
  void securedWithInvalidUtf8OrNulNamesTheLineOnly() {
    byte[] head = sampleText().substring(0, sampleText().indexOf(LINE)).getBytes(StandardCharsets.UTF_8);
    for (byte bad : new byte[] {(byte) 0xC3, 0}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(head);
      out.writeBytes(("secured: \"" + SECURED.substring(0, 50)).getBytes(StandardCharsets.UTF_8));
      out.write(bad);
      out.writeBytes((SECURED.substring(50) + "\"\n---\n").getBytes(StandardCharsets.UTF_8));
      Parsed p = Fixtures.parser().parse(Fixtures.SAMPLE, out.toByteArray());
      assertThat(p.error()).isNotNull();
      assertThat(p.error().line()).isEqualTo(SECURED_LINE);
      Fixtures.assertNoSecret(p);
    }
  }

  @Test
  void halfWrittenFileCutInsideSecuredDoesNotLeak() {
    String s = sampleText();
    Parsed p = parse(s.substring(0, s.indexOf(LINE) + 60));
    assertThat(p.error()).isNotNull();
    assertThat(p.error().reason()).contains("no closing '---'");
    Fixtures.assertNoSecret(p);
  }

  @Test
  void sameBytesGiveTheSameHash() {
    long a = Fixtures.ok(parse(sampleText())).contentHash();
    long b = Fixtures.ok(new ArticleParser(1 << 22).parse("other-name.txt",
        sampleText().getBytes(StandardCharsets.UTF_8))).contentHash();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aChangedTitleChangesTheHash() {
    Article before = Fixtures.ok(parse(sampleText()));
    Article after = Fixtures.ok(parse(sampleText().replace(
        "title: \"AI Startup Baichuan Secures $300 mn", "title: \"AI Startup Baichuan Secures $301 mn")));
    assertThat(after.title()).contains("$301 mn");
    assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
  }

  @Test
  void otherShownFieldsChangeTheHash() {
    Article before = Fixtures.ok(parse(sampleText()));
    String[][] edits = {
        {"quality: 13\n", "quality: 14\n"},
        {"published: false\n", "published: true\n"},
        {"  - AI\n", "  - AI\n  - Funding\n"},
        {"    quality: 33\n", "    quality: 32\n"},
        {"\n---\n", "\n---\nA body.\n"}};
    for (String[] e : edits) {
      assertThat(sampleText()).contains(e[0]);
      Article after = Fixtures.ok(parse(sampleText().replace(e[0], e[1])));
      assertThat(after.contentHash()).as(e[1]).isNotEqualTo(before.contentHash());
    }
  }

  @Test
  void securedAloneChangingKeepsTheHash() {
    Article before = Fixtures.ok(parse(sampleText()));
    Article changed = Fixtures.ok(parse(sampleWith("secured: \"another-blob;AAAA==\"")));
    Article removed = Fixtures.ok(parse(sampleWith("")));
    assertThat(changed.contentHash()).isEqualTo(before.contentHash());
    assertThat(removed.contentHash()).isEqualTo(before.contentHash());
    assertThat(changed).isEqualTo(before);
  }
}
