package io.tidings.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.testing.RawHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every URL a client may ask a replica for, with the header variants that change the answer
 * (gzip, a browser's Accept): the fixed routes, plus each topic's and provider's page and feeds
 * as the server's own API links them. {@code /status} and {@code /metrics} are left out: they
 * describe one process (its uptime, its counters), not the content.
 */
final class Routes {
  /** Host and scheme as a reverse proxy in front of both replicas passes them on. */
  static final String HOST = "feeds.example.com";
  static final String BASE = "https://" + HOST;
  static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request: method, path and query, and the headers besides the proxy's. */
  record Request(String method, String target, Map<String, String> extra) {
    Map<String, String> headers() {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Host", HOST);
      h.put("X-Forwarded-Proto", "https");
      h.putAll(extra);
      return h;
    }

    Request with(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(extra);
      more.put(name, value);
      return new Request(method, target, more);
    }

    @Override
    public String toString() {
      return method + " " + target + (extra.isEmpty() ? "" : " " + extra);
    }
  }

  private Routes() {}

  /**
   * The requests for the content {@code port} serves. {@code everyVariant}: each feed also
   * with a browser's Accept and as HEAD (the sample); else identity and gzip only (a corpus).
   * Of each scope's facets (topics by key, providers most active first) at most
   * {@code maxFacets}, spread over the whole list so that the long tail is in.
   */
  static List<Request> of(int port, boolean everyVariant, int maxFacets) throws IOException {
    List<String> feeds = new ArrayList<>(List.of("/feed.rss", "/feed.atom", "/feed.json",
        "/topics/AI/feed.rss", "/topics/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/feed.atom",
        "/topics/Machine%20Learning/feed.json", "/providers/www.reuters.com/feed.rss",
        "/topics/no-such-topic/feed.atom", "/providers/nowhere.example/feed.json",
        "/feed.rss?topic=AI&provider=www.reuters.com", "/feed.atom?provider=reuters.com&topic=ai",
        "/feed.json?q=chip&minQuality=40&limit=5", "/feed.rss?category=tech,science&limit=500",
        "/topics/security/feed.atom?provider=reuters.com,scmp.com", "/feed.rss?limit=1",
        "/feed.atom?q=%E4%BA%BA%E5%B7%A5"));
    List<String> pages = new ArrayList<>(List.of("/", "/topics/no-such-topic",
        "/topics/No-Such-Topic", "/providers/nowhere.example", "/opml", "/opml?by=provider",
        "/opml?format=atom", "/opml?by=provider&format=json", "/api/topics", "/api/providers",
        "/api/articles", "/api/articles?topic=ai&limit=5", "/api/articles?limit=10&offset=10",
        "/api/articles?q=chip", "/assets/feed.xsl", "/health"));
    for (String scope : List.of("topics", "providers")) {
      JsonNode list = api(port, "/api/" + scope).get(scope);
      int stride = Math.max(1, (list.size() + maxFacets - 1) / maxFacets);
      for (int i = 0; i < list.size(); i += stride) {
        JsonNode facet = list.get(i);
        pages.add(path(facet.get("url").asText()));
        facet.get("feeds").forEach(url -> feeds.add(path(url.asText())));
      }
    }
    List<String> errors = List.of("/no-such-page", "/feed.xml", "/topics/ai/feed.html",
        "/feed.rss?limit=abc", "/feed.atom?minQuality=x", "/opml?by=nonsense",
        "/opml?format=xml", "/api/articles?offset=-1", "/topics/ai/nothing-here");

    List<Request> out = new ArrayList<>();
    for (String f : feeds) {
      Request plain = new Request("GET", f, Map.of());
      out.add(plain);
      out.add(plain.with("Accept-Encoding", "gzip"));
      if (everyVariant) {
        out.add(plain.with("Accept", BROWSER_ACCEPT));
        out.add(plain.with("Accept", BROWSER_ACCEPT).with("Accept-Encoding", "gzip, deflate"));
        out.add(new Request("HEAD", f, Map.of()));
      }
    }
    for (String p : pages) {
      Request plain = new Request("GET", p, Map.of());
      out.add(plain);
      out.add(plain.with("Accept-Encoding", "gzip"));
    }
    for (String e : errors) {
      out.add(new Request("GET", e, Map.of()));
    }
    return out;
  }

  static JsonNode api(int port, String path) throws IOException {
    RawHttp.Answer a = RawHttp.send(port, "GET", path,
        new Request("GET", path, Map.of()).headers());
    if (a.status() != 200) {
      throw new IOException(path + " answered " + a.status());
    }
    return JSON.readTree(a.body());
  }

  /** The path and query of an absolute URL that the server made with {@link #BASE}. */
  private static String path(String url) {
    if (!url.startsWith(BASE + "/")) {
      throw new IllegalStateException("not under " + BASE + ": " + url);
    }
    return url.substring(BASE.length());
  }
}
