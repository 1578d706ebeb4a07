package io.tidings.web.server;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Host} or {@code X-Forwarded-Host} value that may go into an absolute link: a name
 * of letters, digits, dots, hyphens and underscores, or an IPv4 address, or an IPv6 address
 * in brackets; then, optionally, a port from 1 to 65535. Nothing else (a user part with
 * {@code @}, a path, spaces, quotes, a second port) can end up in a self link.
 */
public final class HostName {
  private static final Pattern HOST =
      Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?");

  private HostName() {}

  /** The value in lower case, or null when it is not a valid host with an optional port. */
  public static String valid(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = HOST.matcher(value);
    if (!m.matches()) {
      return null;
    }
    if (m.group(2) != null) {
      int port = Integer.parseInt(m.group(2));
      if (port < 1 || port > 65_535) {
        return null;
      }
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
