package io.tidings.config;

/**
 * Text from a config file, the environment or the command line as it may appear in a message:
 * control, format and line-separator characters escaped, so that a value with a newline or an
 * ESC cannot break the message into lines, forge a log line or move the terminal's cursor.
 */
public final class Shown {
  private Shown() {}

  /** The text in double quotes, with quotes, backslashes and control characters escaped. */
  public static String quoted(String text) {
    return "\"" + escape(text, true) + "\"";
  }

  /** A name or path as it is, but for control characters, which are escaped. */
  public static String plain(String text) {
    return escape(text, false);
  }

  private static String escape(String text, boolean inQuotes) {
    StringBuilder s = new StringBuilder(text.length() + 2);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case '"' -> s.append(inQuotes ? "\\\"" : "\"");
        case '\\' -> s.append(inQuotes ? "\\\\" : "\\");
        default -> {
          if (unsafe(c)) {
            s.append(String.format("\\u%04X", c));
          } else {
            s.appendCodePoint(c);
          }
        }
      }
    });
    return s.toString();
  }

  private static boolean unsafe(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.SURROGATE, Character.UNASSIGNED -> true;
      default -> false;
    };
  }
}
