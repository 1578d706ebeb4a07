package io.tidings.article;

/** The publisher of an article: a display name, its domain, and the key feeds are looked up by. */
public record Provider(String name, String domain, String key) {
  public static Provider of(String name, String domain) {
    String n = name == null || name.isBlank() ? (domain == null ? "" : Keys.domain(domain)) : name.strip();
    String d = domain == null || domain.isBlank() ? null : domain.strip();
    return new Provider(n, d, Keys.provider(n, d));
  }

  /** The provider's home page, {@code https://domain/}, or null without a domain. */
  public String siteUrl() {
    return domain == null ? null : "https://" + domain.toLowerCase(java.util.Locale.ROOT) + "/";
  }
}
