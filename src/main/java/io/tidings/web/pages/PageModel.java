package io.tidings.web.pages;

import io.tidings.article.Article;
import io.tidings.article.Topic;
import io.tidings.catalog.Facet;
import io.tidings.feed.Scope;
import io.tidings.web.feeds.FeedLinks;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the page templates show, as plain values: the templates escape every one of them and
 * never see an {@link Article}. Public so that the template engine may read them.
 */
public final class PageModel {
  /** The server-rendered date, in UTC; a script shows it in the reader's locale and zone. */
  private static final DateTimeFormatter UTC_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private PageModel() {}

  /** A date as the machine-readable instant and the UTC fallback text. */
  public record When(String iso, String utc) {
    static When of(Instant t) {
      return t == null ? null : new When(t.toString(), UTC_DATE.format(t));
    }
  }

  /** A link to a topic's or provider's page. */
  public record Link(String name, String url) {}

  /** A topic or provider in a list: its page, its count, its newest article's date. */
  public record Entry(String key, String name, String url, int count, When newest) {}

  /** One article in a list. */
  public record Item(String title, String url, String provider, String providerUrl, When when,
      List<Link> topics, String excerpt) {}

  static Entry entry(Facet f, String pageUrl) {
    return new Entry(f.key(), f.name(), pageUrl, f.count(), When.of(f.newest()));
  }

  static Item item(Article a, String baseUrl) {
    List<Link> topics = new ArrayList<>(a.topics().size());
    for (Topic t : a.topics()) {
      if (!t.key().isEmpty()) {
        topics.add(new Link(t.name(), FeedLinks.page(baseUrl, Scope.TOPIC, t.key())));
      }
    }
    return new Item(a.title(), a.webUrl(), a.provider().name(),
        a.provider().key().isEmpty() ? null : FeedLinks.page(baseUrl, Scope.PROVIDER,
            a.provider().key()), When.of(a.publishedAt()),
        topics, a.excerpt());
  }
}
