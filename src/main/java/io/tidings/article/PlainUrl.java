package io.tidings.article;

/**
 * The everyday shape of an article's URL, recognised without {@link java.net.URI}'s parser:
 * {@code http://} or {@code https://}, a host name of letter-digit-hyphen labels whose last
 * label starts with a letter, an optional port, then path, query and fragment of the characters
 * RFC 2396 allows unescaped, and {@code %} escapes. Every URL of this shape is one that {@code
 * new URI(url)} parses with that host, so {@link Fields#validUrl} can take it at once; anything
 * else (other cases of the scheme, IP addresses, user info, non-ASCII, brackets) is left to the
 * full parser, which decides as before.
 */
final class PlainUrl {
  private PlainUrl() {}

  /** The characters a path, query or fragment may hold unescaped (besides letters and digits). */
  private static final String MARKS = "-_.!~*'();/?:@&=+$,";

  static boolean isPlain(String url) {
    int i;
    if (url.startsWith("https://")) {
      i = 8;
    } else if (url.startsWith("http://")) {
      i = 7;
    } else {
      return false;
    }
    int n = url.length();
    int hostEnd = i;
    while (hostEnd < n && "/?#:".indexOf(url.charAt(hostEnd)) < 0) {
      hostEnd++;
    }
    if (!isHostName(url, i, hostEnd)) {
      return false;
    }
    i = hostEnd;
    if (i < n && url.charAt(i) == ':') {
      int digits = ++i;
      while (i < n && url.charAt(i) >= '0' && url.charAt(i) <= '9') {
        i++;
      }
      if (i == digits || i - digits > 5 || (i < n && "/?#".indexOf(url.charAt(i)) < 0)) {
        return false;
      }
    }
    boolean fragment = false;
    for (; i < n; i++) {
      char c = url.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || MARKS.indexOf(c) >= 0) {
        continue;
      }
      if (c == '%' && i + 2 < n && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2))) {
        i += 2;
      } else if (c == '#' && !fragment) {
        fragment = true;
      } else {
        return false;
      }
    }
    return true;
  }

  /** Labels of letters, digits and inner hyphens, split by single dots; the last starts with a letter. */
  private static boolean isHostName(String s, int from, int to) {
    if (from == to) {
      return false;
    }
    int label = from;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : '.';
      if (c == '.') {
        if (i == label || s.charAt(label) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        if (i == to) {
          char first = s.charAt(label);
          return first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z';
        }
        label = i + 1;
      } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-')) {
        return false;
      }
    }
    return false;
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
