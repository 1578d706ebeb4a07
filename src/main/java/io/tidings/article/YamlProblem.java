package io.tidings.article;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A YAML syntax error in our own words. The YAML library's messages quote the text around the
 * problem (a character, a key, a line of the file), which may be the {@code secured} value: they
 * are only matched here, never shown. A message says where (line and column) and names the kind
 * of problem from the fixed phrases below; the one piece of the file it may name is a key written
 * twice, and only when the parser was not inside a {@code secured} value (decided by the caller
 * from the parser's own events).
 */
final class YamlProblem {
  private YamlProblem() {}

  /** What the library says (lower case) -> what we say. First match wins. */
  private record Phrase(List<String> all, String says) {}

  private static final List<Phrase> PHRASES = List.of(
      new Phrase(List.of("nesting depth"),
          "too deep: more than 32 levels of nesting"),
      new Phrase(List.of("code points"), "the YAML is too large"),
      new Phrase(List.of("expected a field name"),
          "a key that is a list or a mapping; keys must be plain text"),
      new Phrase(List.of("cannot start any token", "tab"),
          "a tab where YAML expects spaces; indent with spaces, not tabs"),
      new Phrase(List.of("cannot start any token"),
          "a character that cannot start a value here (such as @ or `); put the value in quotes"),
      new Phrase(List.of("mapping values are not allowed"),
          "a ':' where no value can start; a value that contains ': ' must be quoted,"
              + " and fields of one level must be indented alike"),
      new Phrase(List.of("could not find expected ':'"),
          "a line that is neither a field (key: value) nor part of the value before it;"
              + " check its ':' and its indentation"),
      new Phrase(List.of("expected <block end>"),
          "a line indented differently from the fields of its level;"
              + " fields of one level must be indented alike"),
      new Phrase(List.of("entries are not allowed"),
          "a list item ('- ') where it cannot be; check the indentation"),
      new Phrase(List.of("keys are not allowed"),
          "a complex key ('? ') where it cannot be; check the indentation"),
      new Phrase(List.of("flow sequence"),
          "a [list] that is never closed, or whose items are not separated by ','"),
      new Phrase(List.of("flow mapping"),
          "a {mapping} that is never closed, or whose fields are not separated by ','"),
      new Phrase(List.of("tag"), "a tag (!name) that is not well formed or not known"),
      new Phrase(List.of("escape"),
          "an unknown escape in a double-quoted value; write \\\\ for a backslash,"
              + " or use single quotes"),
      new Phrase(List.of("quoted scalar"),
          "a quoted value that is never closed; end it with the quote it starts with"),
      new Phrase(List.of("block scalar"),
          "a block value indicator (| or >) followed by text; start the value on the next line"),
      new Phrase(List.of("while scanning an a"),
          "an anchor or alias (&name, *name) that is not well formed; article files need neither"),
      new Phrase(List.of("directive"),
          "a YAML directive (%); article files have none"),
      new Phrase(List.of("document"),
          "a second YAML document; the front matter is one YAML document"),
      new Phrase(List.of("expected the node content"), "a value is missing here"));

  /** The fixed phrase for a library message; never any of the message itself. */
  static String phrase(String libraryMessage) {
    String m = libraryMessage == null ? "" : libraryMessage.toLowerCase(Locale.ROOT);
    for (Phrase p : PHRASES) {
      if (p.all.stream().allMatch(m::contains)) {
        return p.says;
      }
    }
    return "the YAML cannot be read here";
  }

  /**
   * @param dupKey the key written twice, as the parser read it, or null when it must not be
   *     named (it is inside a secured value) or the problem is another
   * @param tokenAt the code point index of the parser's current token, -1 if unknown
   * @param inDropped whether the parser was inside a secured value when it failed
   */
  static ArticleFileException describe(JsonProcessingException e, String yaml, String dupKey,
      long tokenAt, boolean inDropped) {
    String prefix = inDropped
        ? "invalid YAML in the value of secured (its text is never shown): " : "invalid YAML: ";
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ReaderException) {
        // its position is within snakeyaml's read buffer, not the text: find the character here
        ArticleFileException at = unprintable(yaml);
        if (at != null) {
          return at;
        }
      }
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        Mark mark = m.getProblemMark();
        return at(yaml, mark.getIndex(), prefix + phrase(m.getProblem() + " " + m.getContext()));
      }
    }
    String said = String.valueOf(e.getOriginalMessage());
    String reason;
    if (said.startsWith("Duplicate field")) {
      reason = "a field is written twice" + (dupKey == null ? "" : ": " + Printable.quote(dupKey, 80));
    } else {
      reason = phrase(said);
    }
    JsonLocation loc = e.getLocation();
    long index = tokenAt >= 0 ? tokenAt : loc == null ? -1 : loc.getCharOffset();
    return index < 0 ? new ArticleFileException(0, 0, prefix + reason)
        : at(yaml, index, prefix + reason);
  }

  /** An error at a code point index of the YAML text, placed as an editor counts lines. */
  static ArticleFileException at(String yaml, long codePointIndex, String reason) {
    int[] lc = lineAndColumn(yaml, codePointIndex);
    return new ArticleFileException(lc[0], lc[1], reason);
  }

  /**
   * The file line and 1-based column (in code points) of a code point index of the YAML text.
   * Only {@code \n} ends a line, as for {@link FrontMatter} and every editor; YAML also breaks
   * lines at a lone CR, U+0085, U+2028 and U+2029, so its own line numbers are not used.
   */
  /**
   * The code point index at which each line after the first starts (after each {@code \n}),
   * in order: with {@link #lineOf}, a line number costs a binary search, not a pass.
   */
  static long[] lineStarts(String yaml) {
    long[] starts = new long[16];
    int n = 0;
    long cp = 0; // the code point index of the char at i: a surrogate pair is one
    for (int i = 0, length = yaml.length(); i < length; i++) {
      char c = yaml.charAt(i);
      if (c == '\n') {
        if (n == starts.length) {
          starts = java.util.Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = cp + 1;
      }
      if (!Character.isHighSurrogate(c) || i + 1 == length
          || !Character.isLowSurrogate(yaml.charAt(i + 1))) {
        cp++;
      }
    }
    return java.util.Arrays.copyOf(starts, n);
  }

  /** The file line of a code point index, as {@link #lineAndColumn} gives it. */
  static int lineOf(long[] lineStarts, long codePointIndex) {
    // lines before: the starts at or before the index
    int lo = 0;
    int hi = lineStarts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (lineStarts[mid] <= codePointIndex) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return FrontMatter.FIRST_YAML_LINE + lo;
  }

  static int[] lineAndColumn(String yaml, long codePointIndex) {
    int line = FrontMatter.FIRST_YAML_LINE;
    int column = 1;
    long cp = 0;
    for (int i = 0; i < yaml.length() && cp < codePointIndex; cp++) {
      int c = yaml.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        line++;
        column = 1;
      } else if (c != '\r' || i >= yaml.length() || yaml.charAt(i) != '\n') {
        column++;
      }
    }
    return new int[] {line, column};
  }

  /** The first character YAML does not allow (a control character), at its line and column. */
  private static ArticleFileException unprintable(String yaml) {
    for (int i = 0, cp = 0; i < yaml.length(); cp++) {
      int c = yaml.codePointAt(i);
      i += Character.charCount(c);
      if (!StreamReader.isPrintable(c)) {
        // Not even which character: it may be part of the secured value.
        return at(yaml, cp, "invalid YAML: a control character, which YAML does not allow in an"
            + " article file; remove it");
      }
    }
    return null;
  }
}
