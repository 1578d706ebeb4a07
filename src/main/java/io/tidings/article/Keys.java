package io.tidings.article;

import java.net.IDN;
import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

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

  /**
   * {@code provider.domain} as a host name ({@link #host}) without a leading {@code www.};
   * where there is no domain, or it is no host name, the topic-style key of the name. A name
   * key never holds a dot and a domain key always does, so neither can be taken for the other.
   * Empty when neither gives a key: such a provider has no page and no feed.
   */
  public static String provider(String name, String domain) {
    String host = host(domain);
    return host != null ? withoutWww(host) : topic(name);
  }

  /** The key that a provider path segment or {@code provider=} value names. */
  public static String providerLookup(String raw) {
    String host = host(raw);
    return host != null ? withoutWww(host) : topic(raw);
  }

  /** A domain's {@link #host} without a leading {@code www.}; null when it is no host name. */
  public static String domain(String domain) {
    String host = host(domain);
    return host == null ? null : withoutWww(host);
  }

  /**
   * A domain as the host name of a URL, or null when it is none: internationalised names to
   * their ASCII (punycode) form, so that {@code bücher.example} and {@code xn--bcher-kva.example}
   * are one host; lower case; no trailing dot. At least two labels of letters, digits and
   * hyphens (RFC 1123: 1 to 63 characters, no hyphen first or last), 253 characters at most:
   * no port, no path, no user, no IP literal in brackets.
   */
  public static String host(String domain) {
    if (domain == null) {
      return null;
    }
    String d = domain.strip();
    if (d.isEmpty() || d.length() > 1000) {
      return null;
    }
    try {
      d = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (d.length() > 253 || d.indexOf('.') < 0) {
      return null;
    }
    for (String label : d.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return null;
      }
    }
    return d;
  }

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private static String withoutWww(String host) {
    return host.startsWith("www.") && host.indexOf('.', 4) > 0 ? host.substring(4) : host;
  }

  /** The host of an absolute URL, or null. */
  public static String hostOf(String url) {
    try {
      URI u = URI.create(url);
      String host = u.getHost();
      if (host == null && u.getRawAuthority() != null) {
        // java.net.URI finds no host in an internationalised name: take it from the authority.
        String auth = u.getAuthority();
        host = auth.substring(auth.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        host = colon >= 0 && host.indexOf(']') < 0 ? host.substring(0, colon) : host;
      }
      return host == null || host.isEmpty() ? null : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
