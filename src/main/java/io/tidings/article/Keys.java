package io.tidings.article;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The lookup keys of docs/format.md. Topic and provider names are folded so that spelling
 * differences that a person would not notice ({@code AI}, {@code ai}, {@code ＡＩ}) find the same feed.
 */
public final class Keys {
  private Keys() {}

  /** NFKC, lower case, every run of spaces and punctuation folded to one {@code -}, trimmed of {@code -}. */
  public static String topic(String name) {
    if (name == null) {
      return "";
    }
    String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(n.length());
    boolean pendingDash = false;
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
          || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
        if (pendingDash && out.length() > 0) {
          out.append('-');
        }
        pendingDash = false;
        out.appendCodePoint(cp);
      } else {
        pendingDash = true;
      }
    }
    return out.toString();
  }

  /** {@code provider.domain} lower-cased without a leading {@code www.}; else the topic-style key of the name. */
  public static String provider(String name, String domain) {
    if (domain != null && !domain.isBlank()) {
      return domain(domain);
    }
    return topic(name);
  }

  /** A host name as a key: trimmed, lower case, no leading {@code www.}, no trailing dot. */
  public static String domain(String domain) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return d.startsWith("www.") ? d.substring(4) : d;
  }

  /** The host of an absolute URL, or null. */
  public static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null || host.isEmpty() ? null : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
