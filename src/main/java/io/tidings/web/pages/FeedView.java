package io.tidings.web.pages;

import io.tidings.article.Article;
import io.tidings.article.Image;
import io.tidings.article.Related;
import io.tidings.article.Topic;
import io.tidings.catalog.EstablishedNames;
import io.tidings.catalog.Snapshot;
import io.tidings.feed.FeedRequest;
import io.tidings.feed.FeedService;
import io.tidings.feed.Scope;
import io.tidings.feed.Selection;
import io.tidings.web.feeds.FeedLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feed as an HTML page, for a browser that opens a feed URL (its Accept prefers HTML): the
 * same query's title and items as the feed (same filters, limit and words), how to subscribe
 * (the URL to copy, a few readers' subscribe links, the other formats), each item's pictures
 * and related coverage, every date in one form ({@code 2023-11-22 05:55 UTC}). Pure and
 * thread-safe: it runs on the render pool.
 */
public final class FeedView {
  /** Every date of the view, in UTC: the same text whatever the reader's locale. */
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A date: the instant (ISO 8601, for the title attribute) and its text. */
  public record Stamp(String iso, String text) {
    static Stamp of(Instant t) {
      return t == null ? null : new Stamp(t.toString(), STAMP.format(t));
    }
  }

  /** A picture of an item; width and height only when both are known. */
  public record Picture(String url, Integer width, Integer height) {}

  /** Another outlet's coverage of the story. */
  public record Coverage(String title, String url, String source, Stamp when) {}

  /** A reader's page that subscribes to the feed. */
  public record Reader(String name, String url) {}

  /** One item of the feed. */
  public record Item(String title, String url, String provider, String providerUrl, Stamp when,
      List<PageModel.Link> topics, String excerpt, List<Picture> images,
      List<Coverage> related) {}

  /** Reader names and the prefix that the percent-encoded feed URL is appended to. */
  private static final List<Reader> READERS = List.of(
      new Reader("Feedly", "https://feedly.com/i/subscription/feed/"),
      new Reader("Inoreader", "https://www.inoreader.com/?add_feed="),
      new Reader("NewsBlur", "https://www.newsblur.com/?url="),
      new Reader("The Old Reader", "https://theoldreader.com/feeds/subscribe?url="));

  private final Templates templates = new Templates();
  private final FeedService feeds;
  private final String siteTitle;

  public FeedView(FeedService feeds, String siteTitle) {
    this.feeds = feeds;
    this.siteTitle = siteTitle;
  }

  /** The view of {@code request} in snapshot {@code s}. */
  public byte[] render(FeedRequest request, Snapshot s) {
    String base = request.baseUrl();
    String self = request.selfUrl(feeds.limits());
    List<Article> articles = EstablishedNames.of(Selection.run(s, request.query()), s);
    Map<String, Object> v = new HashMap<>();
    v.put("site", siteTitle);
    v.put("home", base + "/");
    v.put("title", feeds.title(request, s));
    v.put("format", request.format().extension());
    v.put("self", self);
    v.put("page", self); // the canonical URL of the view is the feed's own
    v.put("sitePage", base + request.pagePath());
    v.put("feeds", FeedLinks.sameQuery(request, feeds.limits()));
    v.put("readers", readers(self));
    v.put("opml", base + "/opml");
    v.put("opmlProviders", base + "/opml?by=provider");
    v.put("api", base + "/api/articles");
    v.put("updated", articles.isEmpty() ? null : Stamp.of(articles.get(0).publishedAt()));
    List<Item> items = new ArrayList<>(articles.size());
    for (Article a : articles) {
      items.add(item(a, base));
    }
    v.put("items", items);
    return templates.render("feed", v);
  }

  static List<Reader> readers(String feedUrl) {
    String encoded = URLEncoder.encode(feedUrl, StandardCharsets.UTF_8).replace("+", "%20");
    List<Reader> out = new ArrayList<>(READERS.size());
    for (Reader r : READERS) {
      out.add(new Reader(r.name(), r.url() + encoded));
    }
    return out;
  }

  private static Item item(Article a, String base) {
    List<PageModel.Link> topics = new ArrayList<>(a.topics().size());
    for (Topic t : a.topics()) {
      if (!t.key().isEmpty()) {
        topics.add(new PageModel.Link(t.name(), FeedLinks.page(base, Scope.TOPIC, t.key())));
      }
    }
    List<Image> given = a.images(); // decoded on each call: once here
    List<Picture> images = new ArrayList<>(given.size());
    for (Image i : given) {
      if (shown(i.url(), base)) {
        boolean sized = i.width() != null && i.height() != null;
        images.add(new Picture(i.url(), sized ? i.width() : null, sized ? i.height() : null));
      }
    }
    List<Related> coverage = a.related();
    List<Coverage> related = new ArrayList<>(coverage.size());
    for (Related r : coverage) {
      String source = r.provider() == null || r.provider().name().isEmpty() ? null
          : r.provider().name();
      related.add(new Coverage(r.title(), r.webUrl(), source, Stamp.of(r.publishedAt())));
    }
    return new Item(a.title(), a.webUrl(), a.provider().name(),
        a.provider().key().isEmpty() ? null
            : FeedLinks.page(base, Scope.PROVIDER, a.provider().key()),
        Stamp.of(a.publishedAt()), topics, a.excerpt(), images, related);
  }

  /**
   * Whether a picture is shown: over https, or from this site (the view's policy allows
   * {@code img-src 'self' https:}); a plain-http picture would be mixed content on an https
   * site and is left to the feed.
   */
  static boolean shown(String url, String base) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || url.startsWith(base + "/");
  }
}
