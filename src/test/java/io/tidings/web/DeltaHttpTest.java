package io.tidings.web;

import static io.tidings.web.FeedHttp.gunzip;
import static io.tidings.web.FeedHttp.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import io.tidings.testing.RawHttp;
import io.tidings.testing.RawHttp.Answer;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3229 with {@code A-IM: feed} over HTTP: a reader that names the state it holds gets 226
 * with only the items new or changed since; the current state 304; an unknown one the whole
 * feed; a reader without A-IM what it always got.
 */
class DeltaHttpTest {
  /** 014: SpaceX launches Starlink..., topic Space only. */
  private static final String STARLINK = "014_4de3bb69a43928f7.txt";
  private static final String STARLINK_ID =
      "https://spacenews.com/spacex-launches-starlink-satellites-on-record-17th-booster-flight/";
  private static final String NEW_ID = Articles.url("delta-new");
  private static final String SPACE = "/topics/space/feed.";

  @TempDir
  Path dir;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(FeedHttp.copySample(dir));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private Answer get(String path, String... headers) throws Exception {
    return send("GET", path, headers);
  }

  private Answer send(String method, String path, String... headers) throws Exception {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Host", "127.0.0.1");
    for (int i = 0; i < headers.length; i += 2) {
      h.put(headers[i], headers[i + 1]);
    }
    return RawHttp.send(server.port(), method, path, h);
  }

  /** Adds a Space article newer than any and changes the Starlink article's title. */
  private void changeContent(String path) throws Exception {
    String before = get(path).header("ETag");
    Articles.write(dir, "zz_delta_new.txt", Articles.article("delta-new").title("Moon base")
        .at("2024-06-01T00:00:00Z").topics("Space").text());
    Path starlink = dir.resolve(STARLINK);
    rewrite(starlink, FeedHttp.read(starlink).replace("record 17th flight", "record 18th flight"));
    FeedHttp.await("both changes served", () -> {
      try {
        String body = get(path).text();
        return body.contains("Moon base") && body.contains("record 18th flight")
            && !before.equals(get(path).header("ETag"));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  private static List<String> ids(String ext, byte[] body) throws Exception {
    if (ext.equals("json")) {
      return FeedHttp.ids(body);
    }
    SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
    return feed.getEntries().stream().map(SyndEntry::getUri).toList();
  }

  @Test
  void aKnownStateGetsOnlyTheNewAndChangedItemsInEveryFormat() throws Exception {
    Map<String, String> held = new LinkedHashMap<>();
    Map<String, Answer> whole = new LinkedHashMap<>();
    for (String ext : FeedHttp.EXTENSIONS) {
      Answer first = get(SPACE + ext, "A-IM", "feed");
      assertThat(first.status()).isEqualTo(200);
      assertThat(ids(ext, first.body())).hasSizeGreaterThan(2).contains(STARLINK_ID)
          .doesNotContain(NEW_ID);
      held.put(ext, first.header("ETag"));
    }
    changeContent(SPACE + "rss");
    for (String ext : FeedHttp.EXTENSIONS) {
      Answer full = get(SPACE + ext);
      whole.put(ext, full);
      Answer delta = get(SPACE + ext, "A-IM", "feed", "If-None-Match", held.get(ext));
      assertThat(delta.status()).as(ext).isEqualTo(226);
      assertThat(delta.header("IM")).isEqualTo("feed");
      assertThat(delta.header("Cache-Control")).isEqualTo("no-store, im");
      assertThat(delta.header("Vary")).isEqualTo(full.header("Vary") + ", A-IM");
      assertThat(delta.header("ETag")).as("the state once merged: the whole feed's tag")
          .isEqualTo(full.header("ETag"));
      assertThat(delta.header("Last-Modified")).isEqualTo(full.header("Last-Modified"));
      assertThat(delta.header("Content-Type")).isEqualTo(full.header("Content-Type"));
      assertThat(ids(ext, delta.body())).as(ext).containsExactly(NEW_ID, STARLINK_ID);
      // The tag it was given is current: nothing more.
      Answer again = get(SPACE + ext, "A-IM", "feed", "If-None-Match", delta.header("ETag"));
      assertThat(again.status()).isEqualTo(304);
      assertThat(again.body()).isEmpty();
    }
    // The same channel as the whole feed: title and link as it.
    SyndFeed delta = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(
        get(SPACE + "rss", "A-IM", "feed", "If-None-Match", held.get("rss")).body())));
    SyndFeed full = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(
        whole.get("rss").body())));
    assertThat(delta.getTitle()).isEqualTo(full.getTitle());
    assertThat(delta.getLink()).isEqualTo(full.getLink());
  }

  @Test
  void gzipAndHeadAndTagListsAndCaseAreDeltasToo() throws Exception {
    Answer first = get(SPACE + "atom", "A-IM", "feed", "Accept-Encoding", "gzip");
    String gzTag = first.header("ETag");
    assertThat(gzTag).endsWith("-gz\"");
    changeContent(SPACE + "atom");
    Answer full = get(SPACE + "atom", "Accept-Encoding", "gzip");
    Answer delta = get(SPACE + "atom", "A-IM", "vcdiff, FEED", "Accept-Encoding", "gzip",
        "If-None-Match", "\"unknown\", W/" + gzTag);
    assertThat(delta.status()).isEqualTo(226);
    assertThat(delta.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(delta.header("ETag")).isEqualTo(full.header("ETag"));
    assertThat(ids("atom", gunzip(delta.body()))).containsExactly(NEW_ID, STARLINK_ID);
    // The identity tag of the same state names it as well.
    Answer plain = get(SPACE + "atom", "A-IM", "feed", "If-None-Match",
        gzTag.replace("-gz\"", "\""));
    assertThat(ids("atom", plain.body())).containsExactly(NEW_ID, STARLINK_ID);
    Answer head = send("HEAD", SPACE + "atom", "A-IM", "feed", "Accept-Encoding", "gzip",
        "If-None-Match", gzTag);
    assertThat(head.status()).isEqualTo(226);
    assertThat(head.body()).isEmpty();
    assertThat(head.header("Content-Length"))
        .isEqualTo(Integer.toString(delta.body().length));
  }

  @Test
  void unknownTagsRefusedManipulationsAndOtherFeedsTagsGetTheWholeFeed() throws Exception {
    Answer first = get(SPACE + "rss", "A-IM", "feed");
    String tag = first.header("ETag");
    changeContent(SPACE + "rss");
    Answer full = get(SPACE + "rss");
    assertThat(full.status()).isEqualTo(200);
    for (String[] headers : List.of(
        new String[] {"A-IM", "feed", "If-None-Match", "\"0123456789abcdef01234567\""},
        new String[] {"A-IM", "feed;q=0", "If-None-Match", tag},
        new String[] {"A-IM", "vcdiff", "If-None-Match", tag},
        new String[] {"If-None-Match", tag})) {
      Answer a = get(SPACE + "rss", headers);
      assertThat(a.status()).as(String.join(" ", headers)).isEqualTo(200);
      assertThat(a.body()).isEqualTo(full.body());
      assertThat(a.header("Cache-Control")).isEqualTo(full.header("Cache-Control"));
    }
    // The state of the Space feed is no state of the whole feed (nor of another format).
    get("/feed.rss", "A-IM", "feed");
    assertThat(get("/feed.rss", "A-IM", "feed", "If-None-Match", tag).status()).isEqualTo(200);
    assertThat(get(SPACE + "atom", "A-IM", "feed", "If-None-Match", tag).status())
        .isEqualTo(200);
  }

  @Test
  void withoutAimTheAnswerIsExactlyTodaysAndNothingIsRemembered() throws Exception {
    Answer plain = get(SPACE + "rss");
    Answer aim = get(SPACE + "rss", "A-IM", "feed");
    assertThat(aim.difference(plain)).isEmpty();
    assertThat(server.verticle().cache().states().feeds()).isEqualTo(1);
    get("/feed.rss");
    get("/topics/ai/feed.atom", "If-None-Match", "\"x\"");
    assertThat(server.verticle().cache().states().feeds()).isEqualTo(1);
  }
}
