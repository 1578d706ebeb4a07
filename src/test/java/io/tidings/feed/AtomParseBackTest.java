package io.tidings.feed;

import static io.tidings.feed.SampleFeeds.assertItemHtml;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import io.tidings.TestServer;
import io.tidings.article.Article;
import io.tidings.article.Topic;
import io.tidings.feed.SampleFeeds.Route;
import io.tidings.testing.TidingsServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Atom 1.0 from a real server over the sample content, read back with ROME, entry by entry. */
@TidingsServer(settings = "feeds.language=en-GB")
class AtomParseBackTest {
  @TidingsServer.ContentDir static Path dir;
  static TestServer server;

  static Feed feed(byte[] body) throws Exception {
    return (Feed) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
  }

  /** A text construct as a reader shows it: html is unescaped once, text is taken as it is. */
  static String text(Content c) {
    assertThat(c.getType()).isIn(null, "text", "html");
    return "html".equals(c.getType()) ? SampleFeeds.unescapeHtml(c.getValue()) : c.getValue();
  }

  @Test
  void everyEntryMatchesTheCatalog() throws Exception {
    String topicScheme = server.url("/topics/");
    for (Route route : SampleFeeds.mainRoutes(FeedFormat.ATOM)) {
      List<Article> expected = route.expected(server);
      Feed feed = feed(SampleFeeds.fetch(server, route));
      assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
      List<Entry> entries = feed.getEntries();
      assertThat(entries).as("entries of %s", route).hasSameSizeAs(expected);
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        Article a = expected.get(i);
        String what = route + " entry " + a.id();
        assertThat(e.getId()).as(what).isEqualTo(a.id()).isEqualTo(a.originalUrl());
        assertThat(text(e.getTitleEx())).as(what).isEqualTo(a.title());
        assertThat(e.getAlternateLinks()).extracting(Link::getHref).as(what)
            .containsExactly(a.webUrl());
        assertThat(e.getPublished().toInstant()).as(what).isEqualTo(a.publishedAt());
        assertThat(e.getUpdated().toInstant()).as(what).isEqualTo(a.publishedAt());
        if (a.excerpt() == null) {
          assertThat(e.getSummary()).as(what).isNull();
        } else {
          assertThat(text(e.getSummary())).as(what).isEqualTo(a.excerpt());
        }
        assertThat(e.getContents()).as(what).hasSize(1);
        assertThat(e.getContents().get(0).getType()).isEqualTo("html");
        assertItemHtml(e.getContents().get(0).getValue(), a);
        assertThat(e.getAuthors()).as(what).hasSize(1);
        SyndPerson author = e.getAuthors().get(0);
        assertThat(author.getName()).as(what).isEqualTo(a.provider().name());
        assertThat(author.getUri()).as(what).isEqualTo("https://" + a.provider().domain() + "/");
        assertThat(e.getCategories()).extracting(Category::getTerm).as(what)
            .containsExactlyElementsOf(a.topics().stream().map(Topic::key).toList());
        assertThat(e.getCategories()).extracting(Category::getLabel).as(what)
            .containsExactlyElementsOf(a.topics().stream().map(Topic::name).toList());
        assertThat(e.getCategories()).extracting(Category::getScheme).as(what)
            .containsOnly(topicScheme);
      }
    }
  }

  @Test
  void feedDescribesTheFilter() throws Exception {
    for (Route route : SampleFeeds.mainRoutes(FeedFormat.ATOM)) {
      List<Article> expected = route.expected(server);
      byte[] body = SampleFeeds.fetch(server, route);
      Feed feed = feed(body);
      assertThat(text(feed.getTitleEx())).as("title of %s", route).startsWith("Tidings");
      assertThat(feed.getAlternateLinks()).extracting(Link::getHref).as("html link of %s", route)
          .containsExactly(server.url(route.pagePath()));
      assertThat(feed.getOtherLinks()).filteredOn(l -> "self".equals(l.getRel()))
          .extracting(Link::getHref).as("self link of %s", route)
          .containsExactly(server.url(route.path()));
      assertThat(feed.getId()).isEqualTo(server.url(route.path()));
      assertThat(feed.getGenerator().getValue()).isEqualTo("Tidings");
      assertThat(text(feed.getSubtitle())).isEqualTo("Articles served by Tidings");
      if (!expected.isEmpty()) {
        assertThat(feed.getUpdated().toInstant()).as("updated of %s", route)
            .isEqualTo(expected.get(0).publishedAt());
      }
      Document dom = SampleFeeds.xml(body);
      assertThat(dom.getDocumentElement().getAttributeNS("http://www.w3.org/XML/1998/namespace",
          "lang")).as("xml:lang of %s", route).isEqualTo("en-GB");
    }
    assertThat(feed(SampleFeeds.fetch(server, Route.topic(FeedFormat.ATOM, "ai", "")))
        .getTitle()).isEqualTo("Tidings: AI");
  }

  @Test
  void syndFeedInputReadsTheSameEntries() throws Exception {
    for (Route route : SampleFeeds.mainRoutes(FeedFormat.ATOM)) {
      List<Article> expected = route.expected(server);
      SyndFeed feed = new SyndFeedInput().build(
          new InputSource(new ByteArrayInputStream(SampleFeeds.fetch(server, route))));
      assertThat(feed.getEntries()).as("entries of %s", route).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        SyndEntry e = feed.getEntries().get(i);
        Article a = expected.get(i);
        assertThat(e.getUri()).isEqualTo(a.id());
        assertThat(e.getLink()).isEqualTo(a.webUrl());
        assertThat(e.getPublishedDate().toInstant()).isEqualTo(a.publishedAt());
        assertThat(e.getAuthor()).isEqualTo(a.provider().name());
      }
    }
  }

  @Test
  void emptyFeedIsValidAndStable() throws Exception {
    Route empty = Route.all(FeedFormat.ATOM, "q=zzyzx");
    byte[] first = SampleFeeds.fetch(server, empty);
    Feed feed = feed(first);
    assertThat(feed.getEntries()).isEmpty();
    assertThat(feed.getAuthors()).as("a feed without entries names its own author").isNotEmpty();
    assertThat(feed.getUpdated()).isNotNull();
    try (TestServer again = TestServer.start(dir, Map.of("feeds.language", "en-GB"))) {
      byte[] other = again.get(empty.path()).body();
      assertThat(new String(other, "UTF-8").replace(again.url(""), server.url("")))
          .as("an empty feed's bytes do not depend on the clock")
          .isEqualTo(new String(first, "UTF-8"));
    }
  }
}
