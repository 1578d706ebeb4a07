package io.tidings.article;

/**
 * The publisher of an article: a display name, its domain, and the key feeds are looked up by.
 *
 * @param domain the domain as a host name ({@link Keys#host}: lower case, ASCII), or null when
 *     the file gives none or one that is no host name
 */
public record Provider(String name, String domain, String key) {
  /**
   * @param name as written; when blank, the domain (or, when that is no host name either, the
   *     domain as written) names the provider
   * @param domain as written
   */
  public static Provider of(String name, String domain) {
    String host = Keys.host(domain);
    String n = name != null && !name.isBlank() ? name.strip()
        : host != null ? Keys.domain(host)
        : domain == null ? "" : domain.strip();
    return new Provider(n, host, Keys.provider(n, host));
  }

  /** The provider's home page, {@code https://domain/}, or null without a domain. */
  public String siteUrl() {
    return domain == null ? null : "https://" + domain + "/";
  }
}
