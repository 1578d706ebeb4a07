package io.tidings.article;

import static io.tidings.article.Fixtures.HEAD;
import static io.tidings.article.Fixtures.NAME;
import static io.tidings.article.Fixtures.article;
import static io.tidings.article.Fixtures.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Files that are not front matter or not YAML: each error names the file, the place and the problem. */
class BadYamlTest {

  @Test
  void notYaml() {
    ParseError e = error("---\ntitle: [unclosed\n---\n");
    assertThat(e.line()).isEqualTo(3); // YAML notices at the end of the front matter
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.reason()).startsWith("invalid YAML").contains("a [list] that is never closed");
    assertThat(e.toString()).isEqualTo(NAME + ":3:1: " + e.reason());
  }

  @Test
  void noClosingLine() {
    ParseError e = error(HEAD + "topics: [AI]\n");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.reason()).contains("no closing '---'");
  }

  @Test
  void firstLineIsNotTheMarker() {
    for (String text : new String[] {"title: x\n---\n", "\n---\ntitle: x\n---\n", " ---\ntitle: x\n---\n",
        "----\ntitle: x\n---\n"}) {
      ParseError e = error(text);
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEqualTo(1);
      assertThat(e.reason()).contains("must start with a line '---'");
    }
  }

  @Test
  void overIndentedLineIsReportedOnItsFileLine() {
    // line 1 is '---'; lines 2-4 are HEAD; 5 provider; 6 name; 7 the bad line
    ParseError e = error(article("provider:", "  name: x", "   domain: y"));
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.reason()).contains("invalid YAML", "a ':' where no value can start", "indented alike");
  }

  @Test
  void underIndentedLineIsReportedOnItsFileLine() {
    ParseError e = error(article("topics:", "  - AI", "excerpt: fine", "provider:", "    name: x",
        "  domain: y"));
    assertThat(e.line()).isEqualTo(10);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.reason()).contains("invalid YAML", "indented differently");
  }

  @Test
  void lineNumbersCountCrlfAndBomFilesAlike() {
    String bad = article("provider:", "  name: x", "   domain: y");
    ParseError crlf = error(bad.replace("\n", "\r\n"));
    ByteArrayOutputStream bom = new ByteArrayOutputStream();
    bom.write(0xEF);
    bom.write(0xBB);
    bom.write(0xBF);
    bom.writeBytes(bad.getBytes(StandardCharsets.UTF_8));
    ParseError withBom = error(bom.toByteArray());
    assertThat(crlf.line()).isEqualTo(7);
    assertThat(withBom.line()).isEqualTo(7);
  }

  @Test
  void tabIndentation() {
    ParseError e = error(article("provider:", "\tname: x"));
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.reason()).contains("invalid YAML").containsIgnoringCase("tab")
        .contains("indent with spaces, not tabs");
  }

  @Test
  void duplicateTopLevelKey() {
    ParseError e = error(article("title: again"));
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isPositive();
    assertThat(e.reason()).contains("written twice", "\"title\"");
  }

  @Test
  void duplicateNestedKey() {
    ParseError e = error(article("related:", "  - title: a", "    webUrl: https://x.com/1",
        "    webUrl: https://x.com/2"));
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.reason()).contains("written twice", "\"webUrl\"");
  }

  @Test
  void billionLaughsIsRefusedFast() {
    StringBuilder bomb = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
        + "\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(p);
      }
      bomb.append("]\n");
    }
    bomb.append("title: T\npublishedDateTime: 2023-10-17T16:45:00Z\noriginalUrl: https://e.com/a\n---\n");
    ParseError e = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> error(bomb.toString()));
    assertThat(e.line()).isEqualTo(3); // the first alias: 'b: &b [*a'
    assertThat(e.column()).isEqualTo(8);
    assertThat(e.reason()).contains("aliases").contains("not allowed");
  }

  @Test
  void anyAliasIsRefusedEvenInAnUnknownField() {
    ParseError e = error(article("extra: &x hello", "other: *x"));
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.reason()).contains("aliases");
  }

  @Test
  void deepNestingIsRefused() {
    ParseError e = error(article("x: " + "[".repeat(200) + "]".repeat(200)));
    assertThat(e.reason()).contains("invalid YAML").containsIgnoringCase("nesting");
  }

  @Test
  void invalidUtf8IsAnErrorOnItsLine() {
    byte[] bytes = article("excerpt: caf\u00e9 au lait").getBytes(StandardCharsets.ISO_8859_1);
    ParseError e = error(bytes);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.reason()).contains("not valid UTF-8", "offset " + (HEAD + "excerpt: caf").length()).doesNotContain("\uFFFD")
        .doesNotContain("E9"); // not even one byte of the file: it may be secured
  }

  /**
   * Every kind of byte sequence that is not UTF-8 (overlong forms, encoded surrogates, beyond
   * U+10FFFF, five-byte forms, lone continuation bytes, cut sequences, bytes UTF-8 never uses),
   * in the middle of a value: an error at its line, whichever decoding finds it.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"C080", "C1BF", "E08080", "EDA080",
      "EDBFBF", "F08F8080", "F4908080", "F888808080", "80", "BF", "E282", "E2", "F09F98",
      "FE", "FF", "C0", "F5808080"})
  void everySequenceThatIsNotUtf8IsAnError(String hex) {
    byte[] bad = java.util.HexFormat.of().parseHex(hex);
    byte[] before = (HEAD + "excerpt: caf").getBytes(StandardCharsets.UTF_8);
    byte[] after = " au lait\n---\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(before);
    file.writeBytes(bad);
    file.writeBytes(after);
    ParseError e = error(file.toByteArray());
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.reason()).contains("not valid UTF-8", "offset " + before.length);
  }

  @Test
  void aReplacementCharacterWrittenInUtf8IsText() {
    assertThat(Fixtures.ok(article("excerpt: a \uFFFD b")).excerpt()).isEqualTo("a \uFFFD b");
  }

  @Test
  void truncatedUtf8SequenceAtTheEnd() {
    byte[] text = (HEAD + "excerpt: x").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 1];
    System.arraycopy(text, 0, bytes, 0, text.length);
    bytes[text.length] = (byte) 0xE2; // first byte of a three-byte sequence
    ParseError e = error(bytes);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.reason()).contains("not valid UTF-8");
  }

  @Test
  void binaryFile() {
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, '\n', 0, 0, (byte) 0xff, (byte) 0xfe};
    ParseError e = error(elf);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.reason()).contains("binary", "NUL");

    byte[] nulInside = (HEAD + "excerpt: a\u0000b\n---\n").getBytes(StandardCharsets.UTF_8);
    ParseError e2 = error(nulInside);
    assertThat(e2.line()).isEqualTo(5);
    assertThat(e2.reason()).contains("binary");
  }

  @Test
  void controlCharacterIsReportedOnItsLineAndColumn() {
    ParseError e = error(article("excerpt: fine", "category: ne\u0001ws"));
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.column()).isEqualTo(13);
    assertThat(e.reason()).contains("a control character").doesNotContain("U+0001");
  }

  @Test
  void nulAfterTheFirstKilobytesIsReportedOnItsLine() {
    StringBuilder s = new StringBuilder(HEAD);
    for (int i = 0; i < 300; i++) {
      s.append("field").append(i).append(": some value that fills the file\n");
    }
    s.append("excerpt: a\u0000b\n---\n");
    assertThat(s.indexOf("\u0000")).isGreaterThan(8192);
    ParseError e = error(s.toString());
    assertThat(e.line()).isEqualTo(305);
    assertThat(e.column()).isEqualTo(11);
    assertThat(e.reason()).contains("a control character");
  }

  @Test
  void emptyFile() {
    for (String text : new String[] {"", "\n\n", "   \r\n"}) {
      ParseError e = error(text);
      assertThat(e.line()).isZero();
      assertThat(e.reason()).contains("empty");
      assertThat(e.toString()).isEqualTo(NAME + ": " + e.reason());
    }
  }

  @Test
  void frontMatterThatIsAList() {
    ParseError e = error("---\n- title: T\n- publishedDateTime: 2023-10-17T16:45:00Z\n---\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).contains("must be YAML fields", "a list");
  }

  @Test
  void frontMatterThatIsOneValue() {
    ParseError e = error("---\njust a sentence\n---\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).contains("must be YAML fields", "a single value");
  }

  @Test
  void emptyFrontMatter() {
    for (String text : new String[] {"---\n---\n", "---\n# only a comment\n\n---\nbody\n"}) {
      ParseError e = error(text);
      assertThat(e.reason()).contains("front matter is empty", "title");
    }
  }
}
