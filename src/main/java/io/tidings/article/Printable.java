package io.tidings.article;

/**
 * The one escape for text that a message quotes from content (a value, a key, a file name): every
 * error message that {@code check} prints, the log writes and {@code /status} shows goes through
 * it, so that no file can add a line to a terminal or a log, or send a terminal control sequence.
 *
 * <p>A line break, tab or other control character (C0, DEL, C1), a line or paragraph separator
 * (U+2028, U+2029), a bidirectional mark, override or isolate, a byte-order mark and an
 * unpaired surrogate are written as visible escapes: {@code \n}, {@code \r}, {@code \t}, else
 * {@code \}{@code uXXXX}. Everything else, a backslash included, is left as it is: the result holds
 * no character that is escaped, so escaping twice changes nothing (a message built from escaped
 * parts can safely be escaped again as a whole), and a message stays readable. The price: in a
 * message, {@code \n} is either an escaped line break or a backslash and an n that were in the
 * file; either way it is one line.
 */
public final class Printable {
  private Printable() {}

  /** {@code text} with every character that could move the cursor or reorder text escaped. */
  public static String escape(CharSequence text) {
    if (text == null) {
      return null;
    }
    int n = text.length();
    int i = 0;
    while (i < n && !escaped(text, i)) {
      i++;
    }
    if (i == n) {
      return text.toString();
    }
    StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!escaped(text, i)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /**
   * A value quoted in a message: escaped, cut after {@code max} characters (never inside a
   * surrogate pair), in double quotes.
   */
  public static String quote(String value, int max) {
    String v = value;
    if (v.length() > max) {
      int cut = Character.isHighSurrogate(v.charAt(max - 1)) ? max - 1 : max;
      v = v.substring(0, cut) + "…";
    }
    return "\"" + escape(v) + "\"";
  }

  /** Whether the character at {@code i} must not reach a terminal or log as it is. */
  private static boolean escaped(CharSequence s, int i) {
    char c = s.charAt(i);
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      return true; // C0, DEL, C1 (U+0085 NEL is a line break to YAML and some terminals)
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return switch (c) {
      case '\u2028', '\u2029', // line and paragraph separators
          '\u061c', '\u200e', '\u200f', // bidi marks
          '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', // bidi embeddings and overrides
          '\u2066', '\u2067', '\u2068', '\u2069', // bidi isolates
          '\ufeff' -> true; // a byte-order mark inside text
      default -> false;
    };
  }
}
