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
      "www.com               | www.com",
      "bücher.example        | xn--bcher-kva.example",
      "BÜCHER.example.       | xn--bcher-kva.example",
      "www.bücher.example    | xn--bcher-kva.example",
      "xn--bcher-kva.example | xn--bcher-kva.example",
      "XN--BCHER-KVA.Example | xn--bcher-kva.example",
      "bücher。example        | xn--bcher-kva.example",
      "例え.テスト             | xn--r8jz45g.xn--zckzah",
      "1.2.3.4               | 1.2.3.4",
      "a-b.c0.example        | a-b.c0.example",
  })
  void providerKeyFromDomain(String domain, String key) {
    assertThat(Keys.provider("Whatever Name", domain)).isEqualTo(key);
    assertThat(Provider.of("Whatever Name", domain).key()).isEqualTo(key);
  }

  /**
   * A domain that is no host name could not stand in a URL path as it is: the provider keys
   * by its name, else by the domain's text folded as a topic, else it has no key (and so no
   * page or feed of its own; its articles are in every other feed).
   */
  @ParameterizedTest(name = "domain ''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "a/b                   | a-b               | whatever-name",
      "x\\y                  | x-y               | whatever-name",
      "..                    | ''                | whatever-name",
      ".                     | ''                | whatever-name",
      "javascript:alert(1)// | javascript-alert-1 | whatever-name",
      "example.com:8080      | example-com-8080  | whatever-name",
      "user@example.com      | user-example-com  | whatever-name",
      "https://example.com/  | https-example-com | whatever-name",
      "[::1]                 | 1                 | whatever-name",
      "localhost             | localhost         | whatever-name",
      "-bad-.example         | bad-example       | whatever-name",
      "a..b                  | a-b               | whatever-name",
      "under_score.example   | under-score-example | whatever-name",
      "\"exa mple.com\"        | exa-mple-com      | whatever-name",
      "%2e%2e                | 2e-2e             | whatever-name",
  })
  void domainThatIsNoHostNameKeysByTheName(String domain, String withoutName, String withName) {
    String keyWithoutName = withoutName.equals("''") ? "" : withoutName;
    assertThat(Keys.host(domain)).isNull();
    assertThat(Provider.of("Whatever Name", domain)).isEqualTo(
        new Provider("Whatever Name", null, withName));
    Provider p = Provider.of(null, domain);
    assertThat(p.key()).isEqualTo(keyWithoutName);
    assertThat(p.domain()).isNull();
    assertThat(p.siteUrl()).isNull();
    assertThat(Keys.providerLookup(p.key())).as("the key looks itself up").isEqualTo(p.key());
  }

  @Test
  void longLabelsAndNamesAreNoHostNames() {
    assertThat(Keys.host("a".repeat(63) + ".example")).isEqualTo("a".repeat(63) + ".example");
    assertThat(Keys.host("a".repeat(64) + ".example")).isNull();
    String label = "a".repeat(60) + ".";
    assertThat(Keys.host(label.repeat(4) + "ab")).hasSize(246);
    assertThat(Keys.host(label.repeat(4) + "a".repeat(10))).isNull(); // 254 characters
  }

  @Test
  void internationalAndPunycodeSpellingsAreOneProvider() {
    Article unicode = ok(article("provider:", "  name: Bücher", "  domain: bücher.example"));
    Article ascii = ok(article("provider:", "  name: Bücher", "  domain: xn--bcher-kva.example"));
    assertThat(unicode.provider()).isEqualTo(ascii.provider());
    assertThat(unicode.provider().siteUrl()).isEqualTo("https://xn--bcher-kva.example/");
    assertThat(Keys.providerLookup("bücher.example")).isEqualTo("xn--bcher-kva.example");
    assertThat(Keys.providerLookup("WWW.Bücher.Example")).isEqualTo("xn--bcher-kva.example");
    assertThat(Keys.providerLookup("The Financial Times")).isEqualTo("the-financial-times");
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
    assertThat(p.domain()).isEqualTo("www.example.com"); // the host name, as URLs spell it
    assertThat(p.key()).isEqualTo("example.com");
    assertThat(p.siteUrl()).isEqualTo("https://www.example.com/");
  }

  @Test
  void providerInTheFileGivesItsKey() {
    Article a = ok(article("provider:", "  name: Coin Speaker", "  domain: WWW.CoinSpeaker.com"));
    assertThat(a.provider()).isEqualTo(new Provider("Coin Speaker", "www.coinspeaker.com", "coinspeaker.com"));
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
  void absentProviderFromAnOriginalUrlWithAnIpLiteral() {
    Article a = ok("---\ntitle: T\npublishedDateTime: 2023-10-17T16:45:00Z\n"
        + "originalUrl: http://[2001:db8::1]:8080/a\n---\n");
    assertThat(a.provider()).isEqualTo(new Provider("[2001:db8::1]", null, "2001-db8-1"));
  }

  @Test
  void hostOf() {
    assertThat(Keys.hostOf("https://www.ft.com/content/x")).isEqualTo("www.ft.com");
    assertThat(Keys.hostOf("/relative/path")).isNull();
    assertThat(Keys.hostOf("not a url")).isNull();
  }
}
