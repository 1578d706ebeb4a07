package io.tidings.web.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a request's raw path and query before anything decodes them for use. Every part must
 * be valid percent-encoding of valid UTF-8 (overlong forms such as {@code %c0%ae} are not);
 * no path segment may be {@code .} or {@code ..}, or hold a slash, a backslash or a control
 * character, neither once decoded nor decoded a second time (double encoding such as
 * {@code %252e%252e}). The server reads no file by request path, so none of this could reach
 * the file system anyway; refusing it keeps every handler, and whatever is added later, from
 * ever seeing such a path. Pure and cheap: it runs on the event loop.
 */
final class RequestTarget {
  /** Longest excerpt of the request quoted back in a message. */
  private static final int QUOTE = 60;

  private RequestTarget() {}

  /** @return null when the target is fine, else a one-line message that names the problem */
  static String check(String path, String query, int maxQueryParams) {
    if (path == null || !path.startsWith("/")) {
      return "the request path must start with '/'";
    }
    String[] segments = path.substring(1).split("/", -1);
    for (String raw : segments) {
      String problem = segment(raw);
      if (problem != null) {
        return "path segment \"" + quote(raw) + "\": " + problem;
      }
    }
    if (query == null || query.isEmpty()) {
      return null;
    }
    int params = 0;
    for (String part : query.split("&", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      if (++params > maxQueryParams) {
        return "the query has more than " + maxQueryParams
            + " parameters (http.maxQueryParams)";
      }
      int eq = part.indexOf('=');
      for (String piece : eq < 0 ? new String[] {part}
          : new String[] {part.substring(0, eq), part.substring(eq + 1)}) {
        String decoded;
        try {
          decoded = decode(piece.replace('+', ' '));
        } catch (IllegalArgumentException e) {
          return "query parameter \"" + quote(part) + "\": " + e.getMessage();
        }
        if (hasControl(decoded)) {
          return "query parameter \"" + quote(part) + "\": control characters are not allowed";
        }
      }
    }
    return null;
  }

  private static String segment(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        return "a backslash is not allowed";
      }
      if (c <= ' ' || c >= 0x7f) {
        return "characters outside printable ASCII must be percent-encoded";
      }
    }
    String once;
    try {
      once = decode(raw);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    String problem = decodedSegment(once, "");
    if (problem != null || once.indexOf('%') < 0) {
      return problem;
    }
    try {
      return decodedSegment(decode(once), " (double-encoded)");
    } catch (IllegalArgumentException e) {
      return null; // a literal '%' that is not an encoding: harmless text
    }
  }

  private static String decodedSegment(String s, String how) {
    if (s.equals(".") || s.equals("..")) {
      return "dot segments are not allowed" + how;
    }
    if (s.indexOf('/') >= 0) {
      return "an encoded slash is not allowed" + how;
    }
    if (s.indexOf('\\') >= 0) {
      return "a backslash is not allowed" + how;
    }
    if (hasControl(s)) {
      return "control characters are not allowed" + how;
    }
    return null;
  }

  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        return true;
      }
    }
    return false;
  }

  /** Strict percent-decoding to UTF-8; the message of the exception says what is wrong. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        if (c >= 0x80) {
          throw new IllegalArgumentException(
              "characters outside ASCII must be percent-encoded");
        }
        bytes.write(c);
        continue;
      }
      int hi = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
      int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("'%' must be followed by two hex digits (bad"
            + " percent-encoding)");
      }
      bytes.write(hi * 16 + lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the percent-encoded bytes are not valid UTF-8");
    }
  }

  /** A bounded, printable excerpt of what the client sent, to name it in the message. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < QUOTE; i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || c >= 0x7f || c == '"' ? '?' : c);
    }
    return s.length() > QUOTE ? out + "..." : out.toString();
  }
}
