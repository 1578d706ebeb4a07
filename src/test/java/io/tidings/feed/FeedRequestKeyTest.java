package io.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The render cache's key: requests that render the same feed share one, any difference that
 * changes the feed gives another. The key is built by hand (not by a record's toString), so
 * every parameter is checked to reach it.
 */
class FeedRequestKeyTest {
  private static final FeedQuery.Limits LIMITS = new FeedQuery.Limits(50, 500);

  private static FeedRequest request(FeedFormat format, String base, String... params)
      throws BadQueryException {
    Map<String, List<String>> map = new HashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.computeIfAbsent(params[i], k -> new ArrayList<>()).add(params[i + 1]);
    }
    return new FeedRequest(format, Scope.ALL, "", FeedQuery.parse(map, LIMITS), base);
  }

  @Test
  void theSameFeedAskedDifferentlyHasOneKey() throws Exception {
    String base = "http://localhost:8080";
    assertThat(request(FeedFormat.ATOM, base, "topic", "AI,space").cacheKey())
        .isEqualTo(request(FeedFormat.ATOM, base, "topic", "space", "topic", "ai").cacheKey());
    assertThat(request(FeedFormat.ATOM, base, "q", "Chip  design").cacheKey())
        .isEqualTo(request(FeedFormat.ATOM, base, "q", "design chip").cacheKey());
    assertThat(request(FeedFormat.ATOM, base).cacheKey())
        .isEqualTo(request(FeedFormat.ATOM, base, "limit", "50").cacheKey());
  }

  @Test
  void everyParameterThatChangesTheFeedChangesTheKey() throws Exception {
    String base = "http://localhost:8080";
    List<FeedRequest> distinct = List.of(
        request(FeedFormat.ATOM, base),
        request(FeedFormat.RSS, base),
        request(FeedFormat.JSON, base),
        request(FeedFormat.ATOM, "https://feeds.example.com"),
        request(FeedFormat.ATOM, base, "topic", "ai"),
        request(FeedFormat.ATOM, base, "provider", "ai"),
        request(FeedFormat.ATOM, base, "category", "ai"),
        request(FeedFormat.ATOM, base, "q", "ai"),
        request(FeedFormat.ATOM, base, "topic", "ai,space"),
        request(FeedFormat.ATOM, base, "topic", "ai", "provider", "space"),
        request(FeedFormat.ATOM, base, "minQuality", "3"),
        request(FeedFormat.ATOM, base, "minQuality", "4"),
        request(FeedFormat.ATOM, base, "limit", "10"),
        request(FeedFormat.ATOM, base, "limit", "100"));
    Set<String> keys = new HashSet<>();
    for (FeedRequest r : distinct) {
      keys.add(r.cacheKey());
    }
    assertThat(keys).hasSameSizeAs(distinct);
    FeedRequest topic = new FeedRequest(FeedFormat.ATOM, Scope.TOPIC, "ai",
        FeedQuery.parse(Map.of(), Scope.TOPIC, "ai", LIMITS), base);
    assertThat(keys).doesNotContain(topic.cacheKey());
  }
}
