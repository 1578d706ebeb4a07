package io.tidings.feed;

/**
 * Text made safe for XML 1.0 and JSON: characters XML forbids (C0 controls but tab, line feed
 * and carriage return; U+FFFE, U+FFFF) and lone surrogates are removed. Everything else,
 * markup and {@code ]]>} included, stays and is escaped by the writer as text.
 */
public final class XmlText {
  private XmlText() {}

  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = 0;
    while (i < n && allowed(s, i)) {
      i += Character.isHighSurrogate(s.charAt(i)) ? 2 : 1;
    }
    if (i >= n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n);
    b.append(s, 0, i);
    while (i < n) {
      char c = s.charAt(i);
      if (allowed(s, i)) {
        if (Character.isHighSurrogate(c)) {
          b.append(c).append(s.charAt(i + 1));
          i += 2;
          continue;
        }
        b.append(c);
      }
      i++;
    }
    return b.toString();
  }

  private static boolean allowed(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return false; // a low surrogate reached here has no high one before it
    }
    return c != 0xFFFE && c != 0xFFFF;
  }

  /** Escapes text for HTML element content: only {@code < > &} need it. */
  static String htmlText(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf('<') < 0 && s.indexOf('>') < 0 && s.indexOf('&') < 0) {
      return s;
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Escapes text for HTML attribute values in double quotes, and content. */
  static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
