package io.tidings.web;

import static io.tidings.web.FeedHttp.contentType;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A person with a real browser (headless Chromium): the front page, a click to a topic, the
 * page's autodiscovery links fetched as valid feeds, a feed URL opened as the server's HTML
 * view (no XSLT), markup in names shown as text, the phone width and the dark scheme.
 */
class BrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  static Path dir;
  @TempDir
  static Path profile;
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(Browser.available(),
        "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    Path content = Files.createDirectories(dir.resolve("content"));
    Hostile.content(FeedHttp.copySample(content));
    server = TestServer.start(content);
    // A picture on this server, whose URL the article can only name once the port is known.
    Articles.write(content, "pictured.txt", """
        ---
        title: "A pictured story"
        publishedDateTime: 2023-10-19T09:30:00Z
        originalUrl: "https://pictured.example/story"
        provider:
          name: Pictured
          domain: pictured.example
        topics:
          - Pictures
        images:
          - url: "%s"
            width: 32
            height: 32
          - url: "https://images.pictured.example/elsewhere.jpg"
        related:
          - title: "The same story, elsewhere"
            webUrl: "https://elsewhere.example/story"
            publishedDateTime: 2023-10-19T10:00:00Z
            provider:
              name: Elsewhere
              domain: elsewhere.example
        ---
        """.formatted(server.url("/favicon.ico")));
    await().atMost(WAIT).until(() -> server.get("/topics/pictures/feed.json").statusCode() == 200
        && FeedHttp.itemCount("json", server.get("/topics/pictures/feed.json").body()) == 1);
    browser = new Browser(profile);
    browser.recordPolicyViolations();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /**
   * Pages and feed views run under a strict Content-Security-Policy, and every test's pages
   * must work without one refusal (Chromium logs each on the console, and each document records
   * its securitypolicyviolation events): the policy's hashes are proven to match what the
   * browser really runs. No feed URL is shown through the XSLT any more, so there is no
   * exception for Chromium's banner that XSLT is deprecated.
   */
  @AfterEach
  void noContentSecurityPolicyRefusal() {
    assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
    assertThat(browser.js("return (window.__violations || []).join('\\n')")).isEqualTo("");
  }

  private static void open(String path, String cssThatMustAppear) {
    browser.driver.get(server.url(path));
    await().atMost(WAIT).untilAsserted(() -> assertThat(
        browser.driver.findElements(By.cssSelector(cssThatMustAppear))).isNotEmpty());
  }

  private static List<WebElement> all(String css) {
    return browser.driver.findElements(By.cssSelector(css));
  }

  @Test
  void fromTheFrontPageToATopicToItsFeeds() throws Exception {
    open("/", "h1");
    assertThat(browser.driver.getTitle()).isEqualTo("Tidings");
    // Dates are shown in the reader's terms by the page's script, the UTC text is the fallback.
    WebElement firstDate = all("ul.items time").get(0);
    await().atMost(WAIT).untilAsserted(() -> assertThat(firstDate.getText()).doesNotEndWith("UTC"));
    assertThat(firstDate.getAttribute("title")).endsWith("UTC");
    browser.screenshot("home");

    WebElement ai = all("ul.facets a").stream().filter(a -> a.getText().equals("AI"))
        .findFirst().orElseThrow();
    ai.click();
    await().atMost(WAIT).untilAsserted(() -> assertThat(browser.driver.getCurrentUrl())
        .isEqualTo(server.url("/topics/ai")));
    open("/topics/ai", "ul.items li");
    int shown = all("ul.items li").size();
    assertThat(shown).isPositive();
    browser.screenshot("topic-ai");

    List<WebElement> links = all("link[rel=alternate]");
    assertThat(links).hasSize(3);
    for (WebElement link : links) {
      String href = link.getAttribute("href");
      String type = link.getAttribute("type");
      assertThat(href).startsWith(server.url("/topics/ai/feed."));
      HttpResponse<byte[]> feed = ok(server, href.substring(server.url("").length()));
      String ext = href.substring(href.lastIndexOf('.') + 1);
      assertThat(type + "; charset=utf-8").isEqualTo(contentType(ext));
      assertThat(header(feed, "Content-Type")).isEqualTo(contentType(ext));
      assertThat(FeedHttp.itemCount(ext, feed.body())).as(href).isEqualTo(shown);
      if (!ext.equals("json")) {
        SyndFeed parsed = new SyndFeedInput().build(new InputStreamReader(
            new ByteArrayInputStream(feed.body()), StandardCharsets.UTF_8));
        assertThat(parsed.getTitle()).isEqualTo("Tidings: AI");
        assertThat(parsed.getEntries()).hasSize(shown);
      }
    }
  }

  @Test
  void theCopyButtonCopiesOrSelectsTheFeedUrl() {
    open("/topics/space", "button.copy");
    WebElement button = all("button.copy").get(0);
    button.click();
    await().atMost(WAIT).untilAsserted(() -> assertThat(button.getText()).isEqualTo("Copied"));
  }

  @Test
  void aFeedUrlOpensAsTheServersPageWithoutXslt() throws Exception {
    for (String ext : List.of("rss", "atom", "json")) {
      String path = "/topics/ai/feed." + ext;
      open(path, "#feed-title");
      assertThat(browser.js("return document.contentType")).isEqualTo("text/html");
      assertThat(all("#feed-title").get(0).getText()).isEqualTo("Tidings: AI");
      assertThat(browser.driver.getTitle()).isEqualTo("Tidings: AI (feed)");
      assertThat(all("#subscribe").get(0).getText()).contains("To subscribe");
      assertThat(all("#feed-url").get(0).getAttribute("value")).isEqualTo(server.url(path));
      assertThat(all("#subscribe .readers a")).extracting(WebElement::getText).containsExactly(
          "Subscribe in Feedly", "Subscribe in Inoreader", "Subscribe in NewsBlur",
          "Subscribe in The Old Reader");
      assertThat(all("ul.feeds input")).extracting(e -> e.getAttribute("value"))
          .containsExactly(server.url("/topics/ai/feed.rss"), server.url("/topics/ai/feed.atom"),
              server.url("/topics/ai/feed.json"));
      int items = FeedHttp.itemCount(ext, ok(server, path).body());
      assertThat(all("li.item")).hasSize(items).isNotEmpty();
      assertThat(all("li.item a.title").get(0).getAttribute("href")).startsWith("https://");
      assertThat(all("li.item .when")).extracting(WebElement::getText)
          .allMatch(t -> t.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"));
      // No XSLT ran: no banner, no word of it anywhere in the document.
      assertThat((String) browser.js("return document.documentElement.outerHTML"))
          .doesNotContain("XSLT");
      // The view's own styles pass the Content-Security-Policy (by their hash).
      assertThat(browser.js("return getComputedStyle(document.getElementById('subscribe'))"
          + ".backgroundColor")).isEqualTo("rgb(238, 242, 248)");
      browser.screenshot("feed-view-" + ext);
    }
    WebElement copy = all("#subscribe button.copy").get(0);
    copy.click();
    await().atMost(WAIT).untilAsserted(() -> assertThat(copy.getText()).isEqualTo("Copied"));
  }

  @Test
  void aFeedViewShowsPicturesAndRelatedCoverageWithoutErrors() {
    String path = "/topics/pictures/feed.rss";
    open(path, "li.item");
    assertThat(all("li.item")).hasSize(1);
    browser.js("document.querySelectorAll('img').forEach(function (i) { i.loading = 'eager'; })");
    // The picture on this site loads; the one on another site (which no name resolves to
    // here) is absent; neither is refused by the policy (checked after each test).
    await().atMost(WAIT).untilAsserted(() -> assertThat(browser.js(
        "return Array.from(document.images).every(function (i) { return i.complete; })"))
        .isEqualTo(true));
    assertThat((Long) browser.js("return document.images[0].naturalWidth")).isPositive();
    assertThat(all("img").get(0).getAttribute("width")).isEqualTo("32");
    assertThat(browser.js("return document.images[1].naturalWidth")).isEqualTo(0L);
    assertThat(all(".related a")).extracting(WebElement::getText)
        .containsExactly("The same story, elsewhere");
    assertThat(all(".related .when")).extracting(WebElement::getText)
        .containsExactly("2023-10-19 10:00 UTC");
    // Nothing else went wrong: the only console errors are the other site's unreachable picture.
    assertThat(browser.console()).filteredOn(line -> line.startsWith("SEVERE"))
        .allSatisfy(line -> assertThat(line).contains("images.pictured.example")
            .contains("net::ERR_NAME_NOT_RESOLVED"));
    browser.screenshot("feed-view-pictures");
  }

  @Test
  void markupInNamesIsShownAsTextAndNeverRuns() {
    for (String path : List.of("/", "/topics/" + Hostile.TOPIC_KEY,
        "/providers/" + Hostile.PROVIDER_KEY, "/topics/" + Hostile.TOPIC_KEY + "/feed.rss",
        "/topics/" + Hostile.TOPIC_KEY + "/feed.atom")) {
      open(path, "a.title");
      assertThat(all("a.title")).extracting(WebElement::getText).as(path)
          .contains(Hostile.TITLE);
      assertThat(browser.js("return typeof window.__pwned")).as(path).isEqualTo("undefined");
      assertThat(all("b, i, img")).as(path).isEmpty();
    }
    open("/topics/" + Hostile.TOPIC_KEY, "h1");
    assertThat(all("h1").get(0).getText()).isEqualTo(Hostile.TOPIC);
    assertThat(browser.driver.getPageSource()).doesNotContain("<script>window");
    browser.screenshot("hostile-topic");
  }

  @Test
  void readableOnAPhoneAndInTheDark() {
    try {
      browser.size(390, 844);
      open("/", "h1");
      Object overflow = browser.js(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(((Number) overflow).intValue()).as("horizontal overflow").isLessThanOrEqualTo(0);
      browser.screenshot("home-phone");
      browser.prefersDark(true);
      open("/topics/ai", "h1");
      await().atMost(WAIT).untilAsserted(() -> assertThat(browser.js(
          "return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(21, 22, 23)"));
      browser.screenshot("topic-ai-dark-phone");
    } finally {
      browser.prefersDark(false);
      browser.size(1000, 1400);
    }
  }
}
