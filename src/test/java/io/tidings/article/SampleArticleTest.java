package io.tidings.article;

import static io.tidings.article.Fixtures.SAMPLE;
import static io.tidings.article.Fixtures.sampleBytes;
import static io.tidings.article.Fixtures.sampleText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real sample of /work/shared/samples, field by field. */
class SampleArticleTest {
  private static final String URL = "https://infotechlead.com/artificial-intelligence/"
      + "ai-startup-baichuan-secures-300-mn-in-funding-round-led-by-alibaba-and-tencent-81180";

  private static Article article;

  @BeforeAll
  static void parseSample() {
    Parsed p = Fixtures.parser().parse(SAMPLE, sampleBytes());
    article = Fixtures.ok(p);
  }

  @Test
  void sampleIsTheRealFile() {
    assertThat(sampleText()).startsWith("---\ncategory: news\n").endsWith("\"\n---\n\n")
        .contains("secured: \"" + Fixtures.SECURED + "\"");
  }

  @Test
  void topLevelFields() {
    assertThat(article.title())
        .isEqualTo("AI Startup Baichuan Secures $300 mn in Funding Round Led by Alibaba and Tencent");
    assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-10-17T16:45:00Z"));
    assertThat(article.id()).isEqualTo(URL).isEqualTo(article.originalUrl());
    assertThat(article.webUrl()).isEqualTo(URL);
    assertThat(article.ampWebUrl()).isNull();
    assertThat(article.cdnAmpWebUrl()).isNull();
    assertThat(article.excerpt()).isEqualTo("Chinese artificial intelligence (AI) startup Baichuan"
        + " announced it successfully raised an impressive $300 million in funding. The VC funding"
        + " round saw participation from major Chinese tech giants, Alibaba and Tencent, affirming"
        + " the industry\u2019s growing ...");
    assertThat(article.category()).isEqualTo("news");
    assertThat(article.categoryKey()).isEqualTo("news");
    assertThat(article.type()).isEqualTo("article");
    assertThat(article.quality()).isEqualTo(13);
    assertThat(article.heat()).isEqualTo(-1);
    assertThat(article.published()).isFalse();
    assertThat(article.body()).isNull();
  }

  @Test
  void providerTopicsAndImages() {
    assertThat(article.provider())
        .isEqualTo(new Provider("infotechlead", "infotechlead.com", "infotechlead.com"));
    assertThat(article.provider().siteUrl()).isEqualTo("https://infotechlead.com/");
    assertThat(article.topics()).containsExactly(new Topic("AI", "ai"));
    assertThat(article.hasTopic("ai")).isTrue();
    assertThat(article.hasTopic("AI")).as("lookups are by key").isFalse();
    assertThat(article.images()).isEmpty();
  }

  @Test
  void nineRelatedEntriesInFileOrder() {
    assertThat(article.related()).hasSize(9)
        .extracting(r -> r.provider().key(), Related::quality, r -> r.images().size(),
            r -> r.ampWebUrl() != null)
        .containsExactly(
            tuple("coinspeaker.com", 57, 1, true),
            tuple("scmp.com", 55, 1, true),
            tuple("ft.com", 54, 1, false),
            tuple("theedgesingapore.com", 37, 0, true),
            tuple("caixinglobal.com", 37, 1, false),
            tuple("siliconangle.com", 37, 1, false),
            tuple("siliconangle.com", 36, 1, false),
            tuple("channelnewsasia.com", 34, 1, false),
            tuple("cryptopolitan.com", 33, 1, false));
    assertThat(article.related()).extracting(Related::type).containsOnly("article");
    assertThat(article.related()).extracting(Related::publishedAt).doesNotContainNull();
    assertThat(article.related().get(2).provider())
        .isEqualTo(new Provider("The Financial Times", "ft.com", "ft.com"));
    assertThat(article.related().get(3).title())
        .isEqualTo("Alibaba, Tencent join big backers for Chinese AI startup Zhipu");
  }

  @Test
  void firstRelatedEntryInFull() {
    Related r = article.related().get(0);
    assertThat(r.title())
        .isEqualTo("Chinese AI Startup Zhipu Secures $342M in Funding from Alibaba, Tencent");
    assertThat(r.excerpt()).isEqualTo("Amid the buzzing AI market, Chinese AI startup Zhipu"
        + " announced that it has secured $342 million (or 2.5 billion yuan) in funding.");
    assertThat(r.publishedAt()).isEqualTo(Instant.parse("2023-10-20T10:03:00Z"));
    assertThat(r.webUrl()).isEqualTo("https://www.coinspeaker.com/ai-zhipu-342m-funding/");
    assertThat(r.ampWebUrl()).isEqualTo("https://www.coinspeaker.com/ai-zhipu-342m-funding/amp/");
    assertThat(r.cdnAmpWebUrl()).isEqualTo("https://www-coinspeaker-com.cdn.ampproject.org/c/s/"
        + "www.coinspeaker.com/ai-zhipu-342m-funding/amp/");
    assertThat(r.type()).isEqualTo("article");
    assertThat(r.provider()).isEqualTo(new Provider("coinspeaker", "coinspeaker.com", "coinspeaker.com"));
    assertThat(r.quality()).isEqualTo(57);
    assertThat(r.images()).containsExactly(new Image(
        "https://www.coinspeaker.com/wp-content/uploads/2023/10/ai-zhipu-342m-funding.jpg",
        1024, 683, true));
  }

  @Test
  void lastRelatedEntryInFull() {
    Related r = article.related().get(8);
    assertThat(r.title()).isEqualTo(
        "Chinese Tech Giants Alibaba and Tencent Invest $342 Million in AI Startup Zhipu");
    assertThat(r.excerpt()).isEqualTo("\"Alibaba and Tencent's $342M investment in Zhipu underscores"
        + " China's AI ambitions, intensifying global competition with US tech giants.\"");
    assertThat(r.publishedAt()).isEqualTo(Instant.parse("2023-10-20T08:15:00Z"));
    assertThat(r.webUrl())
        .isEqualTo("https://www.cryptopolitan.com/alibaba-and-tencent-invest-342-million-in-ai/");
    assertThat(r.ampWebUrl()).isNull();
    assertThat(r.cdnAmpWebUrl()).isNull();
    assertThat(r.type()).isEqualTo("article");
    assertThat(r.provider())
        .isEqualTo(new Provider("cryptopolitan", "cryptopolitan.com", "cryptopolitan.com"));
    assertThat(r.quality()).isEqualTo(33);
    assertThat(r.images()).containsExactly(new Image(
        "https://img.cryptopolitan.com/wp-content/uploads/2023/10/photo_5877739083780963915_x.jpg",
        800, 800, true));
  }

  @Test
  void securedIsNowhereInTheArticle() {
    assertThat(article.toString()).doesNotContain(Fixtures.SECURED).doesNotContain("EXfaHNYpXkwp");
    List<String> strings = Fixtures.strings(article);
    assertThat(strings).isNotEmpty().contains(article.title(), "coinspeaker.com");
    Fixtures.assertNoSecret(Parsed.of(article));
  }

  @Test
  void crlfAndBomVersionsGiveTheSameArticle() {
    String crlf = sampleText().replace("\n", "\r\n");
    Article fromCrlf = Fixtures.ok(Fixtures.parser().parse(SAMPLE, crlf.getBytes(StandardCharsets.UTF_8)));
    assertThat(fromCrlf).isEqualTo(article);

    byte[] plain = sampleBytes();
    byte[] bom = new byte[plain.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, bom, 3, plain.length);
    Article fromBom = Fixtures.ok(Fixtures.parser().parse(SAMPLE, bom));
    assertThat(fromBom).isEqualTo(article);
    assertThat(fromBom.title()).doesNotContain("\uFEFF");
  }

  @Test
  void sameBytesSameArticleOnEveryParse() {
    Article again = Fixtures.ok(new ArticleParser(5_000_000).parse("elsewhere.txt", sampleBytes()));
    assertThat(again).isEqualTo(article);
    assertThat(again.contentHash()).isEqualTo(article.contentHash()).isNotZero();
  }
}
