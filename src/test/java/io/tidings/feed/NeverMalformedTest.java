package io.tidings.feed;

import static io.tidings.feed.RandomText.xmlChars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.modules.content.ContentModule;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import io.tidings.article.Article;
import io.tidings.article.Image;
import io.tidings.article.Parsed;
import io.tidings.article.Provider;
import io.tidings.article.Related;
import io.tidings.article.Topic;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.EstablishedNames;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * Never malformed, as a property: articles with hostile random text in every field a feed
 * shows, rendered by {@link FeedService#render} in every format, always parse (a namespace-aware
 * XML parser and ROME; Jackson), and the text comes back as the article's, less only the
 * characters XML cannot carry: CJK and emoji intact, markup as text.
 */
class NeverMalformedTest {
  private static final long SEED = 0x71D1265L;
  private static final int RUNS = 300;
  private static final String BASE = "https://feeds.example.com";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] DOMAINS = {"example.com", "www.example.org", "news.example.net"};

  private final Random random = new Random(SEED);
  private final RandomText text = new RandomText(random);
  private final Config.Feeds config = Config.defaults(Path.of("unused")).feeds();

  @Test
  void everyFormatParsesWhateverTheText() throws Exception {
    for (int run = 0; run < RUNS; run++) {
      List<Article> articles = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        articles.add(article(run, i));
      }
      Catalog catalog = new Catalog(false);
      List<FileChange> changes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        changes.add(new FileChange("run" + run + "/" + i + ".txt", Parsed.of(articles.get(i))));
      }
      Snapshot snapshot = catalog.apply(changes);
      FeedService service = new FeedService(config);
      Topic scope = random.nextBoolean() ? null : articles.get(0).topics().stream()
          .filter(t -> !t.key().isEmpty()).findFirst().orElse(null);
      String context = "run " + run + " (seed " + SEED + ")";
      for (FeedFormat format : FeedFormat.values()) {
        FeedRequest request = request(format, scope, service.limits());
        String expectedTitle = xmlChars(service.title(request, snapshot));
        Map<String, Article> byId = new HashMap<>();
        // As every output names them: by each topic's established name (EstablishedNames).
        EstablishedNames.of(Selection.run(snapshot, request.query()), snapshot)
            .forEach(a -> byId.put(a.id(), a));
        assertThat(byId).as(context).isNotEmpty();
        byte[] body;
        try {
          body = service.render(request, snapshot).body();
        } catch (RuntimeException e) {
          throw new AssertionError(context + ", " + format + ": rendering failed: " + e, e);
        }
        assertUtf8(body, context);
        try {
          switch (format) {
            case RSS -> checkRss(body, expectedTitle, byId);
            case ATOM -> checkAtom(body, expectedTitle, byId);
            case JSON -> checkJson(body, expectedTitle, byId);
          }
        } catch (Exception | AssertionError e) {
          throw new AssertionError(context + ", " + format + ": " + e.getMessage() + "\n"
              + new String(body, StandardCharsets.UTF_8), e);
        }
      }
    }
    assertThat(text.controls).as("C0 controls generated").isGreaterThan(100);
    assertThat(text.nonCharacters).as("U+FFFE/U+FFFF generated").isGreaterThan(50);
    assertThat(text.loneSurrogates).as("lone surrogates generated").isGreaterThan(100);
    assertThat(text.emoji).as("emoji generated").isGreaterThan(100);
    assertThat(text.cjk).as("CJK generated").isGreaterThan(100);
    assertThat(text.markup).as("markup, entities and ]]> generated").isGreaterThan(100);
  }

  private Article article(int run, int i) {
    String id = "https://example.com/" + run + "/" + i + "?a=1&b=人";
    List<Topic> topics = new ArrayList<>();
    for (int t = random.nextInt(4); t > 0; t--) {
      topics.add(Topic.of(text.next(3)));
    }
    List<Image> images = new ArrayList<>();
    for (int m = random.nextInt(3); m > 0; m--) {
      boolean sized = random.nextBoolean();
      images.add(new Image("https://img.example.com/图/" + m + ".jpg?w=1&h=2",
          sized ? 100 + m : null, sized ? 50 + m : null, true));
    }
    List<Related> related = new ArrayList<>();
    for (int r = random.nextInt(3); r > 0; r--) {
      related.add(new Related(text.next(5), text.next(5), Instant.ofEpochSecond(1_600_000_000L + r),
          "https://related.example.com/" + r + "?x=1&y=2", null, null, "article",
          Provider.of(text.next(3), DOMAINS[r % DOMAINS.length]), r, List.of()));
    }
    String domain = random.nextInt(4) == 0 ? null : DOMAINS[random.nextInt(DOMAINS.length)];
    return new Article(id, text.next(6), Instant.parse("2023-10-17T16:45:00Z").minusSeconds(i * 60L),
        id, id, null, null, random.nextInt(5) == 0 ? null : text.next(10),
        random.nextBoolean() ? text.next(2) : null, "article", random.nextInt(100),
        random.nextInt(1000), true, Provider.of(text.next(3), domain), List.copyOf(topics),
        List.copyOf(images), List.copyOf(related), null, random.nextLong());
  }

  private static FeedRequest request(FeedFormat format, Topic scope, FeedQuery.Limits limits)
      throws BadQueryException {
    if (scope == null) {
      return new FeedRequest(format, Scope.ALL, "", FeedQuery.parse(Map.of(), limits), BASE);
    }
    FeedQuery q = FeedQuery.parse(Map.of(), Scope.TOPIC, scope.name(), limits);
    return new FeedRequest(format, Scope.TOPIC, q.topics().first(), q, BASE);
  }

  private static void assertUtf8(byte[] body, String context) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new AssertionError(context + ": the body is not valid UTF-8", e);
    }
  }

  /** What a reader should see of a piece of file text. */
  private static String shown(String s) {
    return s == null ? "" : xmlChars(s);
  }

  /** The topic names a reader should see: blank ones are no category. */
  private static List<String> shownNames(Article a) {
    return a.topics().stream().map(t -> shown(t.name())).filter(n -> !n.isBlank()).toList();
  }

  private static String lf(String s) {
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void checkRss(byte[] body, String title, Map<String, Article> byId)
      throws Exception {
    SampleFeeds.xml(body);
    Channel ch = (Channel) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
    assertThat(ch.getTitle()).isEqualTo(title);
    assertThat(ch.getItems()).hasSize(byId.size());
    for (Item item : ch.getItems()) {
      Article a = byId.get(item.getGuid().getValue());
      assertThat(a).as("guid %s", item.getGuid().getValue()).isNotNull();
      assertThat(orEmpty(item.getTitle())).isEqualTo(shown(a.title()));
      if (a.excerpt() != null) {
        assertThat(SampleFeeds.unescapeHtml(item.getDescription().getValue()))
            .isEqualTo(shown(a.excerpt()));
      }
      assertThat(((DCModule) item.getModule(DCModule.URI)).getCreator())
          .isEqualTo(shown(a.provider().name()));
      List<String> categories = new ArrayList<>(shownNames(a));
      if (a.category() != null && !shown(a.category()).isBlank()) {
        categories.add(shown(a.category()));
      }
      assertThat(item.getCategories()).extracting(Category::getValue)
          .containsExactlyElementsOf(categories);
      String html = ((ContentModule) item.getModule(ContentModule.URI)).getEncodeds().get(0);
      assertHtml(html, a);
    }
  }

  private static void checkAtom(byte[] body, String title, Map<String, Article> byId)
      throws Exception {
    SampleFeeds.xml(body);
    Feed feed = (Feed) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
    assertThat(text(feed.getTitleEx())).isEqualTo(title);
    assertThat(feed.getEntries()).hasSize(byId.size());
    for (Entry e : feed.getEntries()) {
      Article a = byId.get(e.getId());
      assertThat(a).as("id %s", e.getId()).isNotNull();
      assertThat(text(e.getTitleEx())).isEqualTo(shown(a.title()));
      if (a.excerpt() != null) {
        assertThat(text(e.getSummary())).isEqualTo(shown(a.excerpt()));
      }
      assertThat(e.getAuthors().get(0).getName()).isEqualTo(shown(a.provider().name()));
      List<Topic> named = a.topics().stream().filter(t -> !t.key().isEmpty()).toList();
      assertThat(e.getCategories()).extracting(c -> c.getTerm())
          .containsExactlyElementsOf(named.stream().map(Topic::key).toList());
      assertThat(e.getCategories()).extracting(c -> c.getLabel())
          .containsExactlyElementsOf(named.stream().map(t -> shown(t.name())).toList());
      assertHtml(e.getContents().get(0).getValue(), a);
    }
  }

  private static String text(Content c) {
    if (c == null) {
      return "";
    }
    String v = orEmpty(c.getValue());
    return "html".equals(c.getType()) ? SampleFeeds.unescapeHtml(v) : v;
  }

  private static void checkJson(byte[] body, String title, Map<String, Article> byId)
      throws Exception {
    JsonNode feed = JSON.readTree(body);
    assertThat(feed.get("title").asText()).isEqualTo(title);
    assertThat(feed.get("items").size()).isEqualTo(byId.size());
    for (JsonNode item : feed.get("items")) {
      Article a = byId.get(item.get("id").asText());
      assertThat(a).isNotNull();
      assertThat(item.get("title").asText()).isEqualTo(shown(a.title()));
      if (a.excerpt() != null) {
        assertThat(item.get("summary").asText()).isEqualTo(shown(a.excerpt()));
      }
      assertThat(item.get("authors").get(0).get("name").asText())
          .isEqualTo(shown(a.provider().name()));
      List<String> tags = new ArrayList<>();
      item.get("tags").forEach(t -> tags.add(t.asText()));
      assertThat(tags).containsExactlyElementsOf(shownNames(a));
      assertHtml(item.get("content_html").asText(), a);
    }
  }

  /** The item HTML keeps the text, and no piece of it ever becomes markup. */
  private static void assertHtml(String html, Article a) {
    // RSS carries the HTML in CDATA, where XML turns CR and CRLF into LF: in HTML it is all
    // the same white space, so line ends are compared as LF on both sides.
    SampleFeeds.assertItemHtml(lf(html), a, s -> lf(shown(s)));
    assertThat(html).doesNotContain("<script").doesNotContain("<b>").doesNotContain("]]>")
        .doesNotContain("<!--");
    assertThat(xmlChars(html)).isEqualTo(html);
  }
}
