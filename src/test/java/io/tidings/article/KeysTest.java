package io.tidings.article;

import static io.tidings.article.Fixtures.article;
import static io.tidings.article.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/format.md, "Provider" and "Topics": topic keys, provider keys and the fallback provider. */
class KeysTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "AI                    | ai",
      "ai                    | ai",
      "Machine Learning      | machine-learning",
      "machine   learning    | machine-learning",
      "Machine\tLearning     | machine-learning",
      "人工智能                | 人工智能",
      "ＡＩ                    | ai",
      "Ｍａｃｈｉｎｅ　Ｌｅａｒｎｉｎｇ | machine-learning",
      "C++ / Rust!           | c-rust",
      "Rock & Roll           | rock-roll",
      "--AI--                | ai",
      "\"  ...Climate, Change!!  \" | climate-change",
      "(Generative) AI       | generative-ai",
      "Web3.0                | web3-0",
      "Café                  | café",
      "Cafe\u0301            | café",
      "Ⅻ                     | xii",
      "COVID-19              | covid-19",
      "!!!                   | ''",
  })
  void topicKey(String name, String key) {
    assertThat(Keys.topic(name)).isEqualTo(key.equals("''") ? "" : key);
  }

  @Test
  void topicKeyOfNullIsEmpty() {
    assertThat(Keys.topic(null)).isEmpty();
  }

  @Test
  void topicKeepsItsNameAndFoldsItsKey() {
    assertThat(Topic.of("  Machine Learning ")).isEqualTo(new Topic("Machine Learning", "machine-learning"));
    assertThat(Topic.of("人工智能")).isEqualTo(new Topic("人工智能", "人工智能"));
  }

  @Test
  void categoryKeyUsesTheSameFolding() {
    Article a = ok(article("category: World News"));
    assertThat(a.category()).isEqualTo("World News");
    assertThat(a.categoryKey()).isEqualTo("world-news");
  }

  @ParameterizedTest(name = "domain ''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "infotechlead.com      | infotechlead.com",
      "InfoTechLead.COM      | infotechlead.com",
      "www.coinspeaker.com   | coinspeaker.com",
      "WWW.Coinspeaker.com   | coinspeaker.com",
      "amp.scmp.com          | amp.scmp.com",
      "ft.com.               | ft.com",
      "wwwx.com              | wwwx.com",
  })
  void providerKeyFromDomain(String domain, String key) {
    assertThat(Keys.provider("Whatever Name", domain)).isEqualTo(key);
    assertThat(Provider.of("Whatever Name", domain).key()).isEqualTo(key);
  }

  @Test
  void providerKeyFromNameWhenNoDomain() {
    assertThat(Keys.provider("The Financial Times", null)).isEqualTo("the-financial-times");
    assertThat(Keys.provider("The Financial Times", "  ")).isEqualTo("the-financial-times");
    assertThat(Provider.of("The Financial Times", null))
        .isEqualTo(new Provider("The Financial Times", null, "the-financial-times"));
    assertThat(Provider.of("The Financial Times", null).siteUrl()).isNull();
  }

  @Test
  void providerNameDefaultsToTheDomain() {
    Provider p = Provider.of(null, "www.Example.com");
    assertThat(p.name()).isEqualTo("example.com");
    assertThat(p.domain()).isEqualTo("www.Example.com");
    assertThat(p.key()).isEqualTo("example.com");
    assertThat(p.siteUrl()).isEqualTo("https://www.example.com/");
  }

  @Test
  void providerInTheFileGivesItsKey() {
    Article a = ok(article("provider:", "  name: Coin Speaker", "  domain: WWW.CoinSpeaker.com"));
    assertThat(a.provider()).isEqualTo(new Provider("Coin Speaker", "WWW.CoinSpeaker.com", "coinspeaker.com"));
    Article byName = ok(article("provider:", "  name: The Financial Times"));
    assertThat(byName.provider().key()).isEqualTo("the-financial-times");
    Article asText = ok(article("provider: Reuters"));
    assertThat(asText.provider()).isEqualTo(new Provider("Reuters", null, "reuters"));
  }

  @Test
  void absentProviderIsTheDomainOfOriginalUrl() {
    Article a = ok("---\ntitle: T\npublishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: https://www.Example.org/news/1?x=y\n---\n");
    assertThat(a.provider().key()).isEqualTo("example.org");
    assertThat(a.provider().name()).isEqualTo("example.org");
    assertThat(a.provider().domain()).isEqualToIgnoringCase("www.example.org");
  }

  @Test
  void absentProviderComesFromOriginalUrlNotWebUrl() {
    Article a = ok("---\ntitle: T\npublishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: https://origin.example/a\nwebUrl: https://mirror.example/a\n---\n");
    assertThat(a.provider().key()).isEqualTo("origin.example");
  }

  @Test
  void emptyProviderMapFallsBackToOriginalUrl() {
    assertThat(ok(article("provider: {}")).provider().key()).isEqualTo("example.com");
    assertThat(ok(article("provider:", "  name: '  '")).provider().key()).isEqualTo("example.com");
  }

  @Test
  void hostOf() {
    assertThat(Keys.hostOf("https://www.ft.com/content/x")).isEqualTo("www.ft.com");
    assertThat(Keys.hostOf("/relative/path")).isNull();
    assertThat(Keys.hostOf("not a url")).isNull();
  }
}
