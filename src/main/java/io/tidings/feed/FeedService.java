package io.tidings.feed;

import io.tidings.article.Article;
import io.tidings.catalog.EstablishedNames;
import io.tidings.catalog.Facet;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders feeds: selects a request's articles from a snapshot and writes them as RSS, Atom or
 * JSON Feed. Pure and thread-safe; the caller runs it off the event loop and caches its bytes.
 */
public final class FeedService {
  private final Config.Feeds config;
  private final FeedQuery.Limits limits;
  private final XmlBytes xml = new XmlBytes();
  private final JsonFeedRenderer json = new JsonFeedRenderer();
  private final RssRenderer rss = new RssRenderer(xml);

  /** The WebSub hub the feeds name, or null. */
  private final String hub;

  public FeedService(Config.Feeds config) {
    this(config, "");
  }

  /** @param hub the WebSub hub that feeds advertise ({@code websub.hub}); "" for none */
  public FeedService(Config.Feeds config, String hub) {
    this.config = config;
    this.hub = hub.isEmpty() ? null : hub;
    this.limits = new FeedQuery.Limits(config.defaultLimit(), config.maxLimit());
  }

  public FeedQuery.Limits limits() {
    return limits;
  }

  /** Whether RSS and Atom name the XSLT that browsers show them through. */
  public boolean stylesheet() {
    return config.stylesheet();
  }

  /**
   * Renders on the calling thread: the feed (its newest {@code limit} matches and a
   * {@code prev-archive} link to the newest archive page) or, for a request with
   * {@link FeedRequest#archive()}, that month's archive page ({@link Archive}).
   */
  public RenderedFeed render(FeedRequest request, Snapshot snapshot) {
    List<Article> items;
    FeedMeta.History history;
    Instant emptyUpdated;
    boolean settled = false;
    if (request.archive() == null) {
      items = Selection.run(snapshot, request.query());
      history = new FeedMeta.History(null, items.isEmpty() ? null
          : request.archive(Archive.monthOf(items.get(0))).selfUrl(limits), null);
      emptyUpdated = newest(snapshot);
    } else {
      Archive.Page page = Archive.page(snapshot, request.query(), request.archive());
      items = page.items();
      history = new FeedMeta.History(request.archive(null).selfUrl(limits),
          page.older() == null ? null : request.archive(page.older()).selfUrl(limits),
          page.newer() == null ? null : request.archive(page.newer()).selfUrl(limits));
      // An empty page's date must not follow the catalog, which moves: its month's start.
      emptyUpdated = Archive.start(request.archive());
      settled = page.newer() != null;
    }
    // Every item names its topics and category as the snapshot does (EstablishedNames).
    items = EstablishedNames.of(items, snapshot);
    FeedMeta meta = new FeedMeta(title(request, snapshot), config.description(),
        request.selfUrl(limits), request.baseUrl() + request.pagePath(), config.language(),
        (int) config.ttl().toMinutes(), items.isEmpty() ? null : items.get(0).publishedAt(),
        emptyUpdated,
        config.stylesheet() && request.format() != FeedFormat.JSON ? request.stylesheetHref()
            : null, hub, history);
    return new RenderedFeed(request.format(), renderer(request).render(meta, items),
        items.size(), meta.updated(), snapshot.versionHex(), request.query(),
        new FeedContent(request, meta, items), settled);
  }

  /**
   * The feed of {@code content} with only {@code items} (a subset of its items, in its order):
   * the same description, so that a reader merges the items into the feed it holds (RFC 3229
   * with {@code A-IM: feed}).
   */
  public byte[] renderSubset(FeedContent content, List<Article> items) {
    return renderer(content.request()).render(content.meta(), items);
  }

  private FeedRenderer renderer(FeedRequest request) {
    return switch (request.format()) {
      case RSS -> rss;
      case ATOM -> new AtomRenderer(xml, request.baseUrl() + "/topics/");
      case JSON -> json;
    };
  }

  /** The newest visible article's date in the snapshot, or null when it holds none. */
  public static Instant newest(Snapshot snapshot) {
    return snapshot.size() == 0 ? null : snapshot.articles().get(0).publishedAt();
  }

  /** "Tidings", "Tidings: AI", "Tidings: AI, Space · Reuters · “chip”": the filter in words. */
  public String title(FeedRequest request, Snapshot snapshot) {
    FeedQuery q = request.query();
    List<String> parts = new ArrayList<>();
    addNames(parts, q.topics(), snapshot.topics());
    addNames(parts, q.providers(), snapshot.providers());
    addNames(parts, q.categories(), snapshot.categories());
    if (!q.words().isEmpty()) {
      parts.add("“" + String.join(" ", q.words()) + "”");
    }
    return parts.isEmpty() ? config.title() : config.title() + ": " + String.join(" · ", parts);
  }

  private static void addNames(List<String> parts, Set<String> keys, Map<String, Facet> index) {
    if (keys.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (String k : keys) {
      Facet f = index.get(k);
      if (!k.isEmpty()) {
        names.add(f == null ? k : f.name());
      }
    }
    if (!names.isEmpty()) {
      parts.add(String.join(", ", names));
    }
  }
}
