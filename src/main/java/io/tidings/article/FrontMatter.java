package io.tidings.article;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An article file cut into its parts: the YAML between the first line {@code ---} and the next
 * line {@code ---}, and the free-text body after it.
 *
 * @param yaml the YAML text; its first line is line 2 of the file
 * @param body text after the closing line, stripped; null when there is none
 */
record FrontMatter(String yaml, String body) {
  /** Line of the file on which the YAML text starts. */
  static final int FIRST_YAML_LINE = 2;

  static FrontMatter split(byte[] bytes) throws ArticleFileException {
    String text = decode(bytes);
    if (text.isBlank()) {
      throw new ArticleFileException(0, 0, "the file is empty");
    }
    int firstEnd = lineEnd(text, 0);
    if (!isMarker(text, 0, firstEnd)) {
      throw new ArticleFileException(1, 1,
          "the file must start with a line '---' that opens the YAML front matter");
    }
    int start = next(text, firstEnd);
    int pos = start;
    while (pos < text.length()) {
      int end = lineEnd(text, pos);
      if (isMarker(text, pos, end)) {
        String body = text.substring(next(text, end)).strip();
        return new FrontMatter(text.substring(start, pos), body.isEmpty() ? null : body);
      }
      pos = next(text, end);
    }
    throw new ArticleFileException(1, 1,
        "no closing '---' line: the front matter opened on line 1 never ends"
            + " (is the file still being written?)");
  }

  /** Whether the line is {@code ---} and trailing white space; no copy of the line is made. */
  private static boolean isMarker(String text, int from, int to) {
    if (to - from < 3 || !text.startsWith("---", from)) {
      return false;
    }
    for (int i = from + 3; i < to; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    int end = nl < 0 ? text.length() : nl;
    return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private static int next(String text, int lineEnd) {
    if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
      lineEnd++;
    }
    return lineEnd < text.length() ? lineEnd + 1 : lineEnd;
  }

  /** Strict UTF-8: a byte sequence that is not UTF-8 is an error at its line, never mojibake. */
  static String decode(byte[] bytes) throws ArticleFileException {
    int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    for (int i = offset; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        throw new ArticleFileException(lineAt(bytes, i), 0,
            "this is a binary file, not a text article (it contains NUL bytes)");
      }
    }
    // The JDK's own decoding is the fast one; it puts U+FFFD for what is not UTF-8, so a text
    // without U+FFFD was valid, and one with it is decoded again strictly to find out.
    String lenient = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return lenient;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      // The place only, not the byte: it may be part of the secured value.
      throw new ArticleFileException(lineAt(bytes, at), 0, String.format(
          "the file is not valid UTF-8 (at byte offset %d); save it as UTF-8", at));
    }
    return out.flip().toString();
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
