package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.article.Article;
import io.tidings.article.Image;
import io.tidings.article.Related;
import io.tidings.catalog.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * The sample content (conf/content, 36 files, drafts 000 and 020) served by a real server, the
 * feed routes over it, and what each route should hold according to the catalog.
 */
final class SampleFeeds {
  static final Path SAMPLE = Path.of("conf/content");
  static final String AI_CJK = "人工智能";

  private SampleFeeds() {}

  /** A copy of the sample content under {@code dir}, so no other test's edits reach us. */
  static Path copySample(Path dir) {
    return io.tidings.TestServer.copySample(dir);
  }

  static Snapshot snapshot(TestServer server) {
    return server.verticle().ingest().catalog().current();
  }

  /**
   * One feed URL. {@code scope} is "", "topic" or "provider"; {@code scopeValue} is the path's
   * (decoded) topic or provider; {@code query} a raw query string, written canonically (so that
   * the feed's self link is the very URL asked for).
   */
  record Route(FeedFormat format, String scope, String scopeValue, String query) {
    static Route all(FeedFormat f, String query) {
      return new Route(f, "", "", query);
    }

    static Route topic(FeedFormat f, String topic, String query) {
      return new Route(f, "topic", topic, query);
    }

    static Route provider(FeedFormat f, String provider, String query) {
      return new Route(f, "provider", provider, query);
    }

    String path() {
      String base = switch (scope) {
        case "topic" -> "/topics/" + segment(scopeValue) + "/";
        case "provider" -> "/providers/" + segment(scopeValue) + "/";
        default -> "/";
      };
      return base + "feed." + format.extension() + (query.isEmpty() ? "" : "?" + query);
    }

    /** The path the HTML page of the same filter lives at. */
    String pagePath() {
      return switch (scope) {
        case "topic" -> "/topics/" + segment(scopeValue);
        case "provider" -> "/providers/" + segment(scopeValue);
        default -> "/";
      };
    }

    FeedQuery feedQuery(FeedQuery.Limits limits) {
      try {
        return FeedQuery.parse(params(query),
            scope.isEmpty() ? Scope.ALL : Scope.byParameter(scope), scopeValue, limits);
      } catch (BadQueryException e) {
        throw new AssertionError("test route " + path() + " is not a valid query", e);
      }
    }

    /** What the catalog says this feed holds, in order. */
    /** The route's articles, with topics and category by their established names. */
    List<Article> expected(TestServer server) {
      Snapshot s = snapshot(server);
      return io.tidings.catalog.EstablishedNames.of(
          Selection.run(s, feedQuery(server.verticle().feeds().limits())), s);
    }

    Route as(FeedFormat f) {
      return new Route(f, scope, scopeValue, query);
    }

    @Override
    public String toString() {
      return path();
    }
  }

  /** The feeds the parse-back tests look at: everything, topics (one CJK), a provider, q, both. */
  static List<Route> mainRoutes(FeedFormat f) {
    return List.of(
        Route.all(f, ""),
        Route.topic(f, "ai", ""),
        Route.topic(f, AI_CJK, ""),
        Route.provider(f, "reuters.com", ""),
        Route.all(f, "q=chip"),
        Route.topic(f, "ai", "limit=3&provider=reuters.com"),
        Route.all(f, "category=tech&minQuality=30"));
  }

  /** Every topic and provider of the snapshot, the whole feed, a q feed and an empty feed. */
  static List<Route> everyRoute(Snapshot s, FeedFormat f) {
    List<Route> out = new ArrayList<>();
    out.add(Route.all(f, ""));
    for (String key : s.topics().keySet()) {
      out.add(Route.topic(f, key, ""));
    }
    for (String key : s.providers().keySet()) {
      out.add(Route.provider(f, key, ""));
    }
    out.add(Route.all(f, "q=chip"));
    out.add(Route.all(f, "q=zzyzx"));
    out.add(Route.topic(f, "ai", "limit=3&provider=reuters.com"));
    return out;
  }

  static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Map<String, List<String>> params(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /** GETs a route and checks it answered 200 with a body. */
  static byte[] fetch(TestServer server, Route route) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = server.get(route.path());
    assertThat(r.statusCode()).as("status of %s", route).isEqualTo(200);
    return r.body();
  }

  /** A namespace-aware DOM parse that refuses DTDs: what a careful client does. */
  static Document xml(byte[] body) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n"
          + new String(body, StandardCharsets.UTF_8), e);
    }
  }

  /** Undoes one level of HTML escaping (what a reader does to an RSS description). */
  static String unescapeHtml(String s) {
    if (s == null) {
      return null;
    }
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  private static final Pattern PARA = Pattern.compile("<p>([^<]*)</p>");
  private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]*)\"([^>]*)>");
  private static final Pattern ANCHOR = Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>");

  /**
   * The item HTML (content:encoded, Atom content, content_html): the excerpt as a paragraph,
   * every image with its size, and "Related coverage" with each outlet's title linked.
   */
  static void assertItemHtml(String html, Article a) {
    assertItemHtml(html, a, UnaryOperator.identity());
  }

  /** As above, where {@code shown} maps the file's text to what a reader should see. */
  static void assertItemHtml(String html, Article a, UnaryOperator<String> shown) {
    assertThat(html).as("item HTML of %s", a.id()).isNotNull();
    if (a.excerpt() != null) {
      Matcher p = PARA.matcher(html);
      assertThat(p.find()).as("excerpt paragraph in %s", html).isTrue();
      assertThat(unescapeHtml(p.group(1))).isEqualTo(shown.apply(a.excerpt()));
    }
    List<String> srcs = new ArrayList<>();
    Matcher img = IMG.matcher(html);
    while (img.find()) {
      srcs.add(unescapeHtml(img.group(1)));
      Image expected = a.images().get(srcs.size() - 1);
      if (expected.width() != null) {
        assertThat(img.group(2)).contains("width=\"" + expected.width() + "\"")
            .contains("height=\"" + expected.height() + "\"");
      }
    }
    assertThat(srcs).as("images of %s", a.id())
        .containsExactlyElementsOf(a.images().stream().map(Image::url).toList());
    List<List<String>> links = new ArrayList<>();
    Matcher link = ANCHOR.matcher(html);
    while (link.find()) {
      links.add(List.of(unescapeHtml(link.group(1)), unescapeHtml(link.group(2))));
    }
    assertThat(links).as("related links of %s", a.id()).containsExactlyElementsOf(
        a.related().stream().map(r -> List.of(r.webUrl(), shown.apply(r.title()))).toList());
    if (a.related().isEmpty()) {
      assertThat(html).doesNotContain("Related coverage");
    } else {
      assertThat(html).contains("Related coverage");
      for (Related r : a.related()) {
        if (r.provider() != null) {
          assertThat(html).contains(XmlText.htmlText(shown.apply(r.provider().name())));
        }
      }
    }
  }
}
