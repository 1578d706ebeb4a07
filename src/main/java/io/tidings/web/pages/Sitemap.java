package io.tidings.web.pages;

import io.tidings.catalog.Facet;
import io.tidings.catalog.Snapshot;
import io.tidings.feed.Scope;
import io.tidings.web.feeds.FeedLinks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /sitemap.xml} and {@code /robots.txt}: the pages for people (home, every topic,
 * every provider) with absolute URLs built like the self links, each page's {@code lastmod}
 * its newest article's date; topics, then providers, each by key, so equal snapshots give
 * equal bytes. Pure; runs on the render pool.
 */
public final class Sitemap {
  /** What crawlers may fetch: feeds and pages, not the operators' endpoints. */
  static final List<String> DISALLOWED = List.of("/status", "/metrics", "/events");

  private Sitemap() {}

  public static byte[] xml(Snapshot s, String base) {
    StringBuilder out = new StringBuilder(256 + 160 * (s.topics().size() + s.providers().size()));
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    url(out, base + "/", s.size() == 0 ? null : s.articles().get(0).publishedAt());
    for (Scope scope : List.of(Scope.TOPIC, Scope.PROVIDER)) {
      List<Facet> facets = new ArrayList<>(scope.index(s).values());
      facets.sort((a, b) -> a.key().compareTo(b.key()));
      for (Facet f : facets) {
        if (!f.key().isEmpty()) {
          url(out, FeedLinks.page(base, scope, f.key()), f.newest());
        }
      }
    }
    out.append("</urlset>\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] robots(String base) {
    StringBuilder out = new StringBuilder("User-agent: *\nAllow: /\n");
    for (String path : DISALLOWED) {
      out.append("Disallow: ").append(path).append('\n');
    }
    out.append("\nSitemap: ").append(base).append("/sitemap.xml\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void url(StringBuilder out, String loc, Instant lastmod) {
    out.append("<url><loc>").append(escape(loc)).append("</loc>");
    if (lastmod != null) {
      out.append("<lastmod>").append(lastmod.truncatedTo(ChronoUnit.SECONDS)).append("</lastmod>");
    }
    out.append("</url>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&apos;");
  }
}
