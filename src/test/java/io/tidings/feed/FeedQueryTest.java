package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidings.web.http.QueryParams;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing a feed's query and its canonical form: a table, no server. */
class FeedQueryTest {
  private static final FeedQuery.Limits LIMITS = new FeedQuery.Limits(50, 500);

  /** A raw query string as a request gives it: names in any case, values percent-decoded. */
  static Map<String, List<String>> params(String query) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (String p : query.split("&")) {
      if (!p.isEmpty()) {
        int eq = p.indexOf('=');
        pairs.add(new AbstractMap.SimpleEntry<>(p.substring(0, eq),
            URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8)));
      }
    }
    return QueryParams.folded(pairs);
  }

  static FeedQuery parse(String query, Map<String, String> scope) throws BadQueryException {
    if (scope.isEmpty()) {
      return FeedQuery.parse(params(query), LIMITS);
    }
    Map.Entry<String, String> path = scope.entrySet().iterator().next();
    return FeedQuery.parse(params(query), scopeOf(scope), path.getValue(), LIMITS);
  }

  /** The path scope that a {@code topic=...} or {@code provider=...} pair stands for. */
  static Scope scopeOf(Map<String, String> scope) {
    if (scope.isEmpty()) {
      return Scope.ALL;
    }
    return scope.containsKey("topic") ? Scope.TOPIC : Scope.PROVIDER;
  }

  static Map<String, String> scope(String scope) {
    if (scope == null) {
      return Map.of();
    }
    String[] kv = scope.split("=", 2);
    return Map.of(kv[0], kv[1]);
  }

  @ParameterizedTest(name = "[{index}] {0} (scope {1}) -> {2}")
  @CsvSource(delimiter = '|', nullValues = "-", emptyValue = "", value = {
      "''                                       | -           | ''",
      "topic=AI                                 | -           | topic=ai",
      "TOPIC=Space&topic=ai                     | -           | topic=ai,space",
      "topic=ai,,space,AI                       | -           | topic=ai,space",
      "topic=Machine%20Learning                 | -           | topic=machine-learning",
      "topic=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD | -         | topic=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD",
      "provider=www.Reuters.com                 | -           | provider=reuters.com",
      "category=World%20News                    | -           | category=world-news",
      "q=Chip%20%20Design&Q=chip                | -           | q=chip%20design",
      "minquality=%203%20                       | -           | minQuality=3",
      "limit=50                                 | -           | ''",
      "limit=10&limit=10                        | -           | limit=10",
      "limit=&minQuality=                       | -           | ''",
      "topic=ai&q=x&category=c&provider=p.example&minQuality=2&limit=5 | - "
          + "| category=c&minQuality=2&limit=5&provider=p.example&q=x&topic=ai",
      "''                                       | topic=AI    | ''",
      "topic=ai                                 | topic=AI    | ''",
      "topic=ai,space                           | topic=space | ''",
      "''                                       | provider=www.reuters.com | ''",
      "topic=ai                                 | provider=reuters.com | topic=ai",
  })
  void canonicalForm(String query, String scope, String canonical) throws Exception {
    assertThat(parse(query, scope(scope)).canonicalQuery(scopeOf(scope(scope)), LIMITS))
        .isEqualTo(canonical);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "limit=0               | limit must be an integer from 1 to 500, got \"0\"",
      "limit=501             | limit must be an integer from 1 to 500, got \"501\"",
      "limit=ten             | limit must be an integer from 1 to 500, got \"ten\"",
      "limit=5&LIMIT=6       | limit is given 2 times; give it once",
      "minQuality=high       | minQuality must be an integer, got \"high\"",
      "minQuality=1&minQuality=2 | minQuality is given 2 times; give it once",
  })
  void badQueriesAreRefusedWithOneLine(String query, String message) {
    assertThatThrownBy(() -> parse(query, Map.of()))
        .isInstanceOf(BadQueryException.class).hasMessage(message);
  }

  @Test
  void moreThanFiftyValuesOrWordsAreRefused() throws Exception {
    StringBuilder topics = new StringBuilder("topic=t0");
    StringBuilder words = new StringBuilder("q=w0");
    for (int i = 1; i < FeedQuery.MAX_VALUES; i++) {
      topics.append(",t").append(i);
      words.append("%20w").append(i);
    }
    assertThat(parse(topics.toString(), Map.of()).topics()).hasSize(FeedQuery.MAX_VALUES);
    assertThat(parse(words.toString(), Map.of()).words()).hasSize(FeedQuery.MAX_VALUES);
    assertThatThrownBy(() -> parse(topics + ",t50", Map.of()))
        .hasMessage("topic has 51 values; at most 50 are allowed");
    assertThatThrownBy(() -> parse(words + "%20w50", Map.of()))
        .hasMessage("q has 51 words; at most 50 are allowed");
  }

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "topic=AI,space              | topic=space&Topic=ai",
      "q=Chip%20%20design          | q=design%20chip",
      "''                          | limit=50",
      "minQuality=3                | minQuality=%203",
      "provider=www.reuters.com    | provider=Reuters.com.",
  })
  void twoSpellingsOfOneQueryAreOneKey(String one, String other) throws Exception {
    assertThat(parse(one, Map.of()).key()).isEqualTo(parse(other, Map.of()).key());
    assertThat(parse(one, Map.of())).isEqualTo(parse(other, Map.of()));
  }

  @Test
  void aPathScopeThatContradictsTheQueryMatchesNothing() throws Exception {
    FeedQuery q = parse("topic=space", Map.of("topic", "ai"));
    assertThat(q.topics()).containsExactly("");
    assertThat(parse("topic=ai,space", Map.of("topic", "ai")).topics()).containsExactly("ai");
  }
}
