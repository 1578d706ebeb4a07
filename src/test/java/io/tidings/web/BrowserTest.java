package io.tidings.web;

import static io.tidings.web.FeedHttp.contentType;
import static io.tidings.web.FeedHttp.header;
import static io.tidings.web.FeedHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.tidings.TestServer;
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
 * page's autodiscovery links fetched as valid feeds, a feed URL opened and shown through the
 * XSLT, markup in names shown as text, the phone width and the dark scheme.
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
    browser = new Browser(profile);
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
   * must work without one refusal (Chromium logs each on the console): the policy's hashes are
   * proven to match what the browser really runs. One exception: on a feed view, Chromium
   * injects its own banner that XSLT is deprecated, whose style attributes and close button
   * (an inline handler) the policy refuses; feed.xsl has neither (SecurityHeadersTest), and
   * {@link #aFeedUrlOpensAsAReadablePageThroughTheStylesheet} checks that its styles apply.
   */
  @AfterEach
  void noContentSecurityPolicyRefusal() {
    assertThat(browser.console()).filteredOn(line -> line.contains("Content Security Policy"))
        .allSatisfy(line -> assertThat(line)
            .containsPattern("/feed\\.(rss|atom)\\S* ")
            .containsAnyOf("Applying inline style violates", "Executing inline event handler"));
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
  void aFeedUrlOpensAsAReadablePageThroughTheStylesheet() {
    for (String ext : List.of("rss", "atom")) {
      String path = "/topics/ai/feed." + ext;
      open(path, "#feed-title");
      assertThat(all("#feed-title").get(0).getText()).isEqualTo("Tidings: AI");
      assertThat(all("#subscribe").get(0).getText()).contains("To subscribe");
      assertThat(all("#subscribe input").get(0).getAttribute("value"))
          .isEqualTo(server.url(path));
      int items = FeedHttp.itemCount(ext, ok(server, path).body());
      assertThat(all("li.item")).hasSize(items);
      assertThat(all("li.item a.title").get(0).getAttribute("href")).startsWith("https://");
      // The stylesheet's own styles pass the Content-Security-Policy (by their hash).
      assertThat(browser.js("return getComputedStyle(document.getElementById('subscribe'))"
          + ".backgroundColor")).isEqualTo("rgb(238, 242, 248)");
      browser.screenshot("feed-" + ext);
    }
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
