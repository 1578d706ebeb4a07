package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tidings.bench.CorpusGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fields an article keeps packed in one byte array ({@link Packed}) come back exactly as
 * given: generated corpora against an independent YAML reading, and edge cases (non-Latin-1
 * text, emoji, broken surrogates, empty and null values, addresses that almost derive).
 */
class PackedArticleTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

  /** An article of these packed fields; the others fixed. */
  private static Article article(String webUrl, String amp, String cdn, String excerpt,
      List<Image> images, List<Related> related, String body) {
    return new Article("https://example.com/a", "t", T, "https://example.com/a", webUrl, amp,
        cdn, excerpt, "news", "article", 5, null, true, Provider.of("Ex", "example.com"),
        List.of(Topic.of("AI")), images, related, body, 42L);
  }

  private static void assertKept(String webUrl, String amp, String cdn, String excerpt,
      List<Image> images, List<Related> related, String body) {
    Article a = article(webUrl, amp, cdn, excerpt, images, related, body);
    assertThat(a.webUrl()).isEqualTo(webUrl);
    assertThat(a.ampWebUrl()).isEqualTo(amp);
    assertThat(a.cdnAmpWebUrl()).isEqualTo(cdn);
    assertThat(a.excerpt()).isEqualTo(excerpt);
    assertThat(a.images()).isEqualTo(images);
    assertThat(a.related()).isEqualTo(related);
    assertThat(a.body()).isEqualTo(body);
    assertThat(a).isEqualTo(article(webUrl, amp, cdn, excerpt, images, related, body));
  }

  private static Related related(String web, String amp, String cdn, String text,
      Provider p, List<Image> images) {
    return new Related(text, text, T.plusNanos(7), web, amp, cdn, "article", p, -3, images);
  }

  @Test
  void textOfEveryKindComesBackAsItWas() {
    List<String> texts = Arrays.asList(null, "", "plain", "café Zürich ÿ", "it’s — “quoted”",
        "中文标题", "emoji 🎉 and 👩‍👩‍👧", "broken \uD800 high", "broken \uDC00 low",
        "\uDBFF\uDFFF end", "\u0000 nul and \u007F del", "x".repeat(100_000),
        "ü".repeat(70_000) + "€");
    for (String s : texts) {
      assertKept("https://example.com/a", s == null ? null : "https://example.com/amp/" + s,
          null, s, List.of(), List.of(), s);
      Related r = related("https://example.com/r/" + s, null, null, s == null ? "t" : s,
          Provider.of(s, null), List.of(new Image("https://example.com/i/" + s, null, 1, false)));
      assertKept(null, null, null, "e", List.of(), List.of(r), null);
    }
  }

  @Test
  void ampCacheAddressesThatDeriveAndThatAlmostDo() {
    String amp = "https://www.my-site.com/amp/story?x=1#f";
    String derived = "https://www-my--site-com.cdn.ampproject.org/c/s/www.my-site.com/amp/story?x=1#f";
    assertThat(Packed.ampCacheUrl(amp)).isEqualTo(derived);
    assertThat(Packed.ampCacheUrl("http://a.b/c")).isEqualTo("https://a-b.cdn.ampproject.org/c/a.b/c");
    assertThat(Packed.ampCacheUrl("https://user@a.b/c")).isNull();
    assertThat(Packed.ampCacheUrl("https://a.b:8443/c")).isNull();
    assertThat(Packed.ampCacheUrl("ftp://a.b/c")).isNull();
    List<String> almost = List.of(derived, derived.replace("/c/s/", "/c/"),
        derived.replace("www-my--site", "www-my-site"), derived + "/", derived.toUpperCase(),
        "http" + derived.substring(5), derived.replace("cdn.ampproject.org", "cdn.ampproject.net"),
        "https://WWW.My-Site.com.cdn.ampproject.org/c/s/www.my-site.com/amp/story?x=1#f");
    for (String cdn : almost) {
      assertKept("https://www.my-site.com/story", amp, cdn, null, List.of(), List.of(), null);
      assertKept("https://www.my-site.com/story", null, cdn, null, List.of(), List.of(), null);
      Related r = related("https://www.my-site.com/story", amp, cdn, "r", null, null);
      assertKept(null, null, null, null, List.of(), List.of(r), null);
    }
    // A derived address costs a byte, not its text.
    int derivedSize = article("https://www.my-site.com/story", amp, derived, null, List.of(),
        List.of(), null).packedSize();
    int otherSize = article("https://www.my-site.com/story", amp, derived + "/", null,
        List.of(), List.of(), null).packedSize();
    assertThat(derivedSize).isLessThan(otherSize - 30);
  }

  @Test
  void emptyAndAbsentValues() {
    assertKept(null, null, null, null, List.of(), List.of(), null);
    assertKept("", "", "", "", List.of(), List.of(), "");
    Image bare = new Image("https://x.com/i.png", null, null, null);
    Image full = new Image("https://x.com/i.png", Integer.MAX_VALUE, Integer.MIN_VALUE, true);
    assertKept("https://x.com/a", null, null, null, List.of(bare, full), List.of(), null);
    Related nothing = new Related("t", null, null, "https://x.com/r", null, null, null, null,
        null, null);
    Related empty = new Related("", "", Instant.EPOCH, "https://x.com/r", null, null, "", 
        new Provider("", null, ""), 0, List.of());
    Related before = related("https://x.com/r", null, null, "t", Provider.of("X", "x.com"),
        List.of(bare));
    assertKept("https://x.com/a", null, null, null, List.of(), List.of(nothing, empty, before),
        null);
    assertKept("https://x.com/a", null, null, null, null, null, null);
    Related old = new Related("t", null, Instant.parse("-1000000-01-01T00:00:00.000000001Z"),
        "https://x.com/r", null, null, null, null, Integer.MIN_VALUE, null);
    assertKept("https://x.com/a", null, null, null, List.of(), List.of(old), null);
  }

  @Test
  void randomTextsAndAddressesComeBack() {
    Random random = new Random(14);
    String alphabet = "abc/.-:?#éü’中🎉\uD800";
    for (int i = 0; i < 2_000; i++) {
      String web = "https://" + word(random, alphabet);
      String amp = random.nextBoolean() ? null : web + word(random, alphabet);
      String cdn = random.nextInt(3) == 0 || amp == null ? null
          : random.nextBoolean() ? Packed.ampCacheUrl(amp) : word(random, alphabet) + amp;
      Provider p = random.nextBoolean() ? null : Provider.of(word(random, alphabet),
          word(random, alphabet));
      Related r = related(random.nextBoolean() ? web : word(random, alphabet), cdn, amp,
          word(random, alphabet), p, List.of(new Image(web + "/i", random.nextInt(), null,
          random.nextBoolean())));
      assertKept(web, amp, cdn, word(random, alphabet), List.of(), List.of(r, r),
          random.nextBoolean() ? null : word(random, alphabet));
    }
  }

  private static String word(Random random, String alphabet) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
          random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
    }
    return b.toString();
  }

  /** Every generated article's packed fields as an independent YAML reading gives them. */
  @Test
  void generatedCorporaComeBackAsTheFilesSayThem() throws Exception {
    ArticleParser parser = new ArticleParser(1 << 20);
    for (long seed : new long[] {3, 14}) {
      CorpusGenerator gen = CorpusGenerator.withSeed(seed);
      int checked = 0;
      int derived = 0;
      long fileBytes = 0;
      long packedBytes = 0;
      for (int i = 0; i < 400; i++) {
        String text = gen.articleText(i);
        Article a = parser.parse("f" + i, text.getBytes(StandardCharsets.UTF_8)).article();
        if (a == null) {
          continue;
        }
        JsonNode y = YAML.readTree(text.substring(4, text.indexOf("\n---", 4)));
        assertThat(a.excerpt()).isEqualTo(textOf(y, "excerpt"));
        assertThat(a.ampWebUrl()).isEqualTo(textOf(y, "ampWebUrl"));
        assertThat(a.cdnAmpWebUrl()).isEqualTo(textOf(y, "cdnAmpWebUrl"));
        List<String> related = new ArrayList<>();
        for (JsonNode r : y.path("related")) {
          related.add(textOf(r, "title") + "|" + textOf(r, "excerpt") + "|" + textOf(r, "webUrl")
              + "|" + textOf(r, "ampWebUrl") + "|" + textOf(r, "cdnAmpWebUrl"));
          for (JsonNode img : r.path("images")) {
            related.add(textOf(img, "url") + " " + img.path("width").asInt());
          }
          derived += r.has("cdnAmpWebUrl") ? 1 : 0;
        }
        List<String> got = new ArrayList<>();
        for (Related r : a.related()) {
          got.add(r.title() + "|" + r.excerpt() + "|" + r.webUrl() + "|" + r.ampWebUrl() + "|"
              + r.cdnAmpWebUrl());
          for (Image img : r.images()) {
            got.add(img.url() + " " + img.width());
          }
        }
        assertThat(got).as("article %d of seed %d", i, seed).isEqualTo(related);
        List<String> images = new ArrayList<>();
        for (JsonNode img : y.path("images")) {
          images.add(textOf(img, "url"));
        }
        assertThat(a.images()).extracting(Image::url).isEqualTo(images);
        assertThat(ContentHash.of(a)).isEqualTo(a.contentHash());
        checked++;
        fileBytes += text.getBytes(StandardCharsets.UTF_8).length;
        packedBytes += a.packedSize();
      }
      assertThat(checked).isGreaterThan(300);
      assertThat(derived).isGreaterThan(30);
      // What keeps the heap under 0.8x the files: excerpt, images and related coverage (most
      // of a file's text) in under half its bytes (held as strings and objects: 1.2x).
      assertThat((double) packedBytes / fileBytes).as("packed / file bytes").isLessThan(0.5);
    }
  }

  private static String textOf(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
