package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The one escape for quoted content: visible, one line, and the same when applied twice. */
class PrintableTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a\nb", "a\\nb"),
        Arguments.of("a\r\nb", "a\\r\\nb"),
        Arguments.of("tab\there", "tab\\there"),
        Arguments.of("esc\u001b[31m", "esc\\u001b[31m"),
        Arguments.of("del\u007f", "del\\u007f"),
        Arguments.of("nel\u0085 csi\u009b", "nel\\u0085 csi\\u009b"),
        Arguments.of("ls\u2028ps\u2029", "ls\\u2028ps\\u2029"),
        Arguments.of("rlo\u202eiso\u2066", "rlo\\u202eiso\\u2066"),
        Arguments.of("bom\ufeff", "bom\\ufeff"),
        Arguments.of("back\\slash, 人工智能 é 😀", "back\\slash, 人工智能 é 😀"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void escapesWhatMovesTheCursorOrReordersText(String in, String out) {
    assertThat(Printable.escape(in)).isEqualTo(out);
    assertThat(Printable.escape(Printable.escape(in))).isEqualTo(out); // idempotent
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"\ud800x|\\ud800x", "x\udc00|x\\udc00"})
  void unpairedSurrogatesAreEscaped(String in, String out) {
    assertThat(Printable.escape(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"3|\"ab\u2026\"", "4|\"ab😀\u2026\"", "5|\"ab😀c\u2026\""})
  void quoteCutsNeverInsideAPair(int max, String out) {
    assertThat(Printable.quote("ab😀cdef", max)).isEqualTo(out);
    assertThat(Printable.quote("a\nb", 10)).isEqualTo("\"a\\nb\"");
  }
}
