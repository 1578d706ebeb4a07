package io.tidings.feed;

import static io.tidings.feed.SampleFeeds.assertItemHtml;
import static io.tidings.feed.SampleFeeds.unescapeHtml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.content.ContentModule;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import io.tidings.TestServer;
import io.tidings.article.Article;
import io.tidings.article.Image;
import io.tidings.article.Topic;
import io.tidings.feed.SampleFeeds.Route;
import io.tidings.testing.TidingsServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** RSS 2.0 from a real server over the sample content, read back with ROME, item by item. */
@TidingsServer(settings = "feeds.language=en-GB")
class RssParseBackTest {
  @TidingsServer.ContentDir static Path dir;
  static TestServer server;

  static Channel channel(byte[] body) throws Exception {
    return (Channel) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
  }

  @Test
  void everyItemMatchesTheCatalog() throws Exception {
    int withImages = 0;
    int withRelated = 0;
    for (Route route : SampleFeeds.mainRoutes(FeedFormat.RSS)) {
      List<Article> expected = route.expected(server);
      Channel ch = channel(SampleFeeds.fetch(server, route));
      assertThat(ch.getFeedType()).isEqualTo("rss_2.0");
      List<Item> items = ch.getItems();
      assertThat(items).as("items of %s", route).hasSameSizeAs(expected);
      for (int i = 0; i < items.size(); i++) {
        Article a = expected.get(i);
        assertItem(route, items.get(i), a);
        withImages += a.images().isEmpty() ? 0 : 1;
        withRelated += a.related().isEmpty() ? 0 : 1;
      }
    }
    assertThat(withImages).as("items with images seen").isPositive();
    assertThat(withRelated).as("items with related coverage seen").isPositive();
  }

  private static void assertItem(Route route, Item item, Article a) {
    String what = route + " item " + a.id();
    assertThat(item.getTitle()).as(what).isEqualTo(a.title());
    assertThat(item.getLink()).as(what).isEqualTo(a.webUrl());
    assertThat(item.getGuid().getValue()).as(what).isEqualTo(a.id()).isEqualTo(a.originalUrl());
    if (a.excerpt() == null) {
      assertThat(item.getDescription()).as(what).isNull();
    } else {
      assertThat(unescapeHtml(item.getDescription().getValue())).as(what).isEqualTo(a.excerpt());
    }
    assertThat(item.getPubDate().toInstant()).as(what).isEqualTo(a.publishedAt());
    List<String> categories = new ArrayList<>(a.topics().stream().map(Topic::name).toList());
    if (a.category() != null) {
      categories.add(a.category());
    }
    assertThat(item.getCategories()).extracting(Category::getValue).as(what)
        .containsExactlyElementsOf(categories);
    DCModule dc = (DCModule) item.getModule(DCModule.URI);
    assertThat(dc.getCreator()).as(what).isEqualTo(a.provider().name());
    assertThat(dc.getDates()).as("dc:date of " + what).isEmpty();
    assertThat(item.getSource().getUrl()).as(what)
        .isEqualTo("https://" + a.provider().domain() + "/");
    assertThat(item.getSource().getValue()).as(what).isEqualTo(a.provider().name());
    ContentModule content = (ContentModule) item.getModule(ContentModule.URI);
    assertThat(content.getEncodeds()).as(what).hasSize(1);
    assertItemHtml(content.getEncodeds().get(0), a);
    MediaEntryModule media = (MediaEntryModule) item.getModule(MediaModule.URI);
    if (a.images().isEmpty()) {
      assertThat(media == null || media.getMediaContents().length == 0).as(what).isTrue();
      return;
    }
    MediaContent[] contents = media.getMediaContents();
    assertThat(contents).as("media:content of " + what).hasSameSizeAs(a.images());
    for (int i = 0; i < contents.length; i++) {
      Image img = a.images().get(i);
      MediaContent c = contents[i];
      assertThat(((UrlReference) c.getReference()).getUrl()).hasToString(img.url());
      assertThat(c.getWidth()).as(what).isEqualTo(img.width()).isNotNull();
      assertThat(c.getHeight()).as(what).isEqualTo(img.height()).isNotNull();
      Thumbnail[] thumbs = c.getMetadata().getThumbnail();
      assertThat(thumbs).as("media:thumbnail of " + what).hasSize(1);
      assertThat(thumbs[0].getUrl()).hasToString(img.url());
      assertThat(thumbs[0].getWidth()).isEqualTo(img.width());
      assertThat(thumbs[0].getHeight()).isEqualTo(img.height());
    }
  }

  @Test
  void channelDescribesTheFilter() throws Exception {
    String base = server.url("");
    for (Route route : SampleFeeds.mainRoutes(FeedFormat.RSS)) {
      List<Article> expected = route.expected(server);
      Channel ch = channel(SampleFeeds.fetch(server, route));
      assertThat(ch.getTitle()).as("title of %s", route).startsWith("Tidings");
      assertThat(ch.getLink()).as("link of %s", route).isEqualTo(base + route.pagePath());
      assertThat(ch.getDescription()).isEqualTo("Articles served by Tidings");
      assertThat(ch.getGenerator()).isEqualTo("Tidings");
      assertThat(ch.getTtl()).isEqualTo(30);
      assertThat(ch.getLanguage()).isEqualTo("en-GB");
      if (!expected.isEmpty()) {
        assertThat(ch.getLastBuildDate().toInstant()).as("lastBuildDate of %s", route)
            .isEqualTo(expected.get(0).publishedAt());
      }
      AtomLinkModule atom = (AtomLinkModule) ch.getModule(AtomLinkModule.URI);
      assertThat(atom).as("atom:link of %s", route).isNotNull();
      List<Link> self = atom.getLinks().stream().filter(l -> "self".equals(l.getRel())).toList();
      assertThat(self).as("atom:link rel=self of %s", route).hasSize(1);
      assertThat(self.get(0).getHref()).as("self of %s", route)
          .isEqualTo(server.url(route.path()));
      assertThat(self.get(0).getType()).isEqualTo("application/rss+xml");
    }
    assertThat(channel(SampleFeeds.fetch(server, Route.topic(FeedFormat.RSS, "AI", "")))
        .getTitle()).isEqualTo("Tidings: AI");
    assertThat(channel(SampleFeeds.fetch(server, Route.all(FeedFormat.RSS, ""))).getTitle())
        .isEqualTo("Tidings");
  }

  @Test
  void syndFeedInputReadsTheSameItems() throws Exception {
    for (Route route : SampleFeeds.mainRoutes(FeedFormat.RSS)) {
      List<Article> expected = route.expected(server);
      SyndFeed feed = new SyndFeedInput().build(
          new InputSource(new ByteArrayInputStream(SampleFeeds.fetch(server, route))));
      assertThat(feed.getEntries()).as("entries of %s", route).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        SyndEntry e = feed.getEntries().get(i);
        Article a = expected.get(i);
        assertThat(e.getTitle()).isEqualTo(a.title());
        assertThat(e.getLink()).isEqualTo(a.webUrl());
        assertThat(e.getUri()).isEqualTo(a.id());
        assertThat(e.getPublishedDate().toInstant()).isEqualTo(a.publishedAt());
        assertThat(e.getAuthor()).isEqualTo(a.provider().name());
      }
    }
  }

  @Test
  void languageIsLeftOutWhenNotConfigured() throws Exception {
    try (TestServer plain = TestServer.start(dir)) {
      byte[] rss = SampleFeeds.fetch(plain, Route.all(FeedFormat.RSS, ""));
      assertThat(channel(rss).getLanguage()).isNull();
      assertThat(new String(rss, StandardCharsets.UTF_8)).doesNotContain("<language>");
      byte[] atom = SampleFeeds.fetch(plain, Route.all(FeedFormat.ATOM, ""));
      assertThat(SampleFeeds.xml(atom).getDocumentElement()
          .hasAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isFalse();
      byte[] json = SampleFeeds.fetch(plain, Route.all(FeedFormat.JSON, ""));
      assertThat(new ObjectMapper().readTree(json).has("language")).isFalse();
    }
  }
}
