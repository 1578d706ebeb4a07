package io.tidings.web;

import static io.tidings.testing.Articles.article;
import static io.tidings.testing.Articles.write;
import static io.tidings.web.FeedHttp.get;
import static io.tidings.web.FeedHttp.itemCount;
import static io.tidings.web.FeedHttp.json;
import static io.tidings.web.FeedHttp.ok;
import static io.tidings.web.FeedHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.TestServer;
import io.tidings.testing.TidingsServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provider domains that are no host names key their provider by its name (or, with no name,
 * by the domain's text folded as a topic): every URL the server advertises for a provider
 * answers, with that provider's articles. An internationalised domain and its punycode are
 * one provider.
 */
@TidingsServer(content = ProviderKeysHttpTest.Providers.class)
class ProviderKeysHttpTest {
  /** Short id -> {name or null, domain as written}. */
  private static final Map<String, String[]> PROVIDERS = new LinkedHashMap<>();

  static {
    String[] hostile = {"a/b", "x\\y", "..", "javascript:alert(1)//", "example.com:8080",
        "[::1]", "user@host.example", "https://site.example/", "-bad-.example", "a..b",
        "under_score.example", "exa mple.com", "%2e%2e", "?q=1", "#frag.example", "localhost"};
    for (int i = 0; i < hostile.length; i++) {
      PROVIDERS.put("named" + i, new String[] {"Named Outlet " + i, hostile[i]});
      PROVIDERS.put("unnamed" + i, new String[] {null, hostile[i]});
    }
    PROVIDERS.put("idn", new String[] {"Bücher", "bücher.example"});
    PROVIDERS.put("puny", new String[] {"Bücher", "XN--BCHER-KVA.example."});
    PROVIDERS.put("www-idn", new String[] {null, "www.bücher.example"});
  }

  static TestServer server;
  static String base;

  /** One article for each provider of PROVIDERS. */
  static final class Providers implements TidingsServer.Content {
    @Override
    public void fill(Path dir) {
      PROVIDERS.forEach((id, p) -> {
        String text = article(id).topics("Outlets").text();
        StringBuilder provider = new StringBuilder("provider:\n");
        if (p[0] != null) {
          provider.append("  name: '").append(p[0]).append("'\n");
        }
        provider.append("  domain: '").append(p[1].replace("'", "''")).append("'\n");
        write(dir, id + ".txt", text.substring(0, text.length() - 4) + provider + "---\n");
      });
    }
  }

  @BeforeAll
  static void base() {
    base = "http://127.0.0.1:" + server.port();
  }

  /** An advertised URL must be ours and answer 200; returns the body. */
  private static String follow(String url) {
    assertThat(url).startsWith(base + "/");
    assertThat(URI.create(url).getRawPath()).as(url).isNotNull();
    return text(ok(server, url.substring(base.length())));
  }

  @Test
  void everyArticlesProviderUrlAndItsFeedsAnswerWithTheArticle() {
    JsonNode articles = json(ok(server, "/api/articles?limit=100").body()).path("articles");
    assertThat(articles).hasSize(PROVIDERS.size());
    int withPage = 0;
    for (JsonNode a : articles) {
      JsonNode provider = a.path("provider");
      String key = provider.path("key").asText();
      if (key.isEmpty()) {
        assertThat(provider.path("url").isNull()).as(a.toString()).isTrue();
        continue;
      }
      withPage++;
      String page = provider.path("url").asText();
      assertThat(follow(page)).contains(a.path("title").asText());
      for (String ext : FeedHttp.EXTENSIONS) {
        String feed = follow(page + "/feed." + ext);
        assertThat(feed).as(page + ext).contains(a.path("id").asText());
      }
      String domain = provider.path("domain").isNull() ? null : provider.path("domain").asText();
      if (domain != null) {
        assertThat(URI.create("https://" + domain + "/").getHost()).isEqualTo(domain);
      }
    }
    // Only a provider with neither a host name nor a letter or digit to its name has no page:
    // the unnamed one of domain "..".
    assertThat(withPage).isEqualTo(PROVIDERS.size() - 1);
  }

  @Test
  void everyUrlOfTheProvidersApiAnswers() {
    JsonNode providers = json(ok(server, "/api/providers").body()).path("providers");
    assertThat(providers).isNotEmpty();
    for (JsonNode p : providers) {
      follow(p.path("url").asText());
      for (String ext : FeedHttp.EXTENSIONS) {
        String url = p.path("feeds").path(ext).asText();
        assertThat(itemCount(ext, ok(server, url.substring(base.length())).body()))
            .as(url).isEqualTo(p.path("count").asInt());
      }
    }
  }

  @Test
  void everyUrlOfTheProvidersOpmlAnswers() {
    for (String format : List.of("rss", "atom", "json")) {
      String opml = text(ok(server, "/opml?by=provider&format=" + format));
      Matcher m = Pattern.compile("(xmlUrl|htmlUrl)=\"([^\"]*)\"").matcher(opml);
      int urls = 0;
      while (m.find()) {
        follow(m.group(2).replace("&amp;", "&"));
        urls++;
      }
      assertThat(urls).isGreaterThan(2 * 10);
    }
  }

  @Test
  void anInternationalDomainAndItsPunycodeAreOneProvider() {
    Map<String, Integer> counts = new TreeMap<>();
    json(ok(server, "/api/providers").body()).path("providers")
        .forEach(p -> counts.put(p.path("key").asText(), p.path("count").asInt()));
    assertThat(counts).containsEntry("xn--bcher-kva.example", 3);
    for (String spelling : List.of("xn--bcher-kva.example", "b%C3%BCcher.example",
        "WWW.B%C3%9CCHER.EXAMPLE.")) {
      assertThat(itemCount("json", ok(server, "/providers/" + spelling + "/feed.json").body()))
          .as(spelling).isEqualTo(3);
    }
    assertThat(itemCount("json", ok(server, "/feed.json?provider=b%C3%BCcher.example").body()))
        .isEqualTo(3);
    List<String> authorUrls = new ArrayList<>();
    json(ok(server, "/providers/xn--bcher-kva.example/feed.json").body()).path("items")
        .forEach(i -> authorUrls.add(i.path("authors").get(0).path("url").asText()));
    assertThat(authorUrls).containsOnly("https://xn--bcher-kva.example/",
        "https://www.xn--bcher-kva.example/");
  }

  @Test
  void aHostileDomainNeverReachesAFeedAsASiteUrl() {
    String rss = text(ok(server, "/feed.rss"));
    String atom = text(ok(server, "/feed.atom"));
    for (String bad : List.of("javascript:", "https://a/b", "x\\y", "https://../", "[::1]",
        "example.com:8080/")) {
      assertThat(rss).doesNotContain("url=\"" + bad);
      assertThat(atom).doesNotContain("<uri>" + bad);
    }
    assertThat(get(server, "/providers/named-outlet-3/feed.rss").statusCode()).isEqualTo(200);
  }
}
