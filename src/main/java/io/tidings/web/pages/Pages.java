package io.tidings.web.pages;

import io.tidings.article.Article;
import io.tidings.catalog.EstablishedNames;
import io.tidings.catalog.Facet;
import io.tidings.catalog.Snapshot;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.Scope;
import io.tidings.feed.Selection;
import io.tidings.web.feeds.FeedLinks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML pages for people: {@code /} (the site at a glance) and the page of a topic or a
 * provider (its latest articles and its feeds). Builds plain values, renders them with the
 * templates; pure and thread-safe, so it runs on a worker thread.
 */
public final class Pages {
  /** Articles on the front page. */
  static final int LATEST = 30;
  /** Providers shown before the rest are folded away (they stay one click away). */
  static final int TOP_PROVIDERS = 24;

  /** Most active first, then by name. */
  public static final Comparator<Facet> MOST_ACTIVE =
      Comparator.comparingInt(Facet::count).reversed().thenComparing(Facet::key);

  private final Templates templates = new Templates();
  private final String siteTitle;
  private final FeedQuery.Limits limits;

  public Pages(String siteTitle, FeedQuery.Limits limits) {
    this.siteTitle = siteTitle;
    this.limits = limits;
  }

  byte[] home(Snapshot s, String base) {
    Map<String, Object> v = common(base, Scope.ALL, "");
    v.put("count", s.size());
    v.put("updated", s.size() == 0 ? null : PageModel.When.of(s.articles().get(0).publishedAt()));
    List<PageModel.Entry> topics = new ArrayList<>();
    for (Facet f : s.topics().values()) {
      topics.add(PageModel.entry(f, FeedLinks.page(base, Scope.TOPIC, f.key())));
    }
    List<Facet> byActivity = new ArrayList<>(s.providers().values());
    byActivity.sort(MOST_ACTIVE);
    List<PageModel.Entry> providers = new ArrayList<>();
    for (Facet f : byActivity) {
      providers.add(PageModel.entry(f, FeedLinks.page(base, Scope.PROVIDER, f.key())));
    }
    v.put("topics", topics);
    v.put("topProviders", providers.subList(0, Math.min(TOP_PROVIDERS, providers.size())));
    v.put("moreProviders", providers.subList(Math.min(TOP_PROVIDERS, providers.size()),
        providers.size()));
    v.put("items", items(latest(s, Scope.ALL, "", LATEST), base));
    return templates.render("home", v);
  }

  /** The page of a topic or provider; one that has no article yet is a page too. */
  byte[] facet(Snapshot s, String base, Scope scope, String key, String asWritten) {
    Facet f = scope.index(s).get(key);
    Map<String, Object> v = common(base, scope, key);
    v.put("kind", scope.parameter());
    v.put("name", f == null ? asWritten : f.name());
    v.put("count", f == null ? 0 : f.count());
    v.put("updated", f == null ? null : PageModel.When.of(f.newest()));
    Facet near = f == null ? Suggestion.nearest(scope.index(s), key) : null;
    v.put("suggestion", near == null ? null
        : new PageModel.Link(near.name(), FeedLinks.page(base, scope, near.key())));
    v.put("items", items(latest(s, scope, key, limits.defaultLimit()), base));
    return templates.render("facet", v);
  }

  private Map<String, Object> common(String base, Scope scope, String key) {
    Map<String, Object> v = new HashMap<>();
    v.put("site", siteTitle);
    v.put("home", base + "/");
    v.put("page", FeedLinks.page(base, scope, key));
    v.put("feeds", FeedLinks.of(base, scope, key, limits));
    v.put("opml", base + "/opml");
    v.put("opmlProviders", base + "/opml?by=provider");
    v.put("api", base + "/api/articles");
    return v;
  }

  private List<Article> latest(Snapshot s, Scope scope, String key, int n) {
    return EstablishedNames.of(Selection.run(s, FeedQuery.of(scope, key, limits), 0, n), s);
  }

  private static List<PageModel.Item> items(List<Article> articles, String base) {
    List<PageModel.Item> out = new ArrayList<>(articles.size());
    for (Article a : articles) {
      out.add(PageModel.item(a, base));
    }
    return out;
  }
}
