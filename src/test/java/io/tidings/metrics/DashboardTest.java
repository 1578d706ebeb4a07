package io.tidings.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.TestServer;
import io.tidings.testing.Articles;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Grafana dashboard asks only for series that a real server exports: every metric
 * name in every panel's query is in a scrape taken after a feed was rendered and served.
 */
class DashboardTest {
  private static final Path DASHBOARD = Path.of("conf/deploy/grafana/tidings-dashboard.json");
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:tidings|vertx|process|jvm)_[a-z0-9_]+)");

  @Test
  void everySeriesTheDashboardQueriesIsExported(@TempDir Path dir) throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    assertThat(dashboard.path("title").asText()).isEqualTo("Tidings");
    List<String> exprs = new ArrayList<>();
    dashboard.path("panels").forEach(p -> p.path("targets")
        .forEach(t -> exprs.add(t.path("expr").asText())));
    Set<String> names = new TreeSet<>();
    for (String e : exprs) {
      Matcher m = METRIC.matcher(e);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    assertThat(names).as("metric names the dashboard queries").hasSizeGreaterThan(10);

    Articles.write(dir, "a.txt", Articles.text("a", "A", "AI"));
    try (TestServer server = TestServer.start(dir)) {
      server.get("/feed.atom");
      server.get("/feed.atom");
      HttpResponse<byte[]> r = server.get("/metrics");
      PrometheusText scrape = PrometheusText.parse(new String(r.body(), StandardCharsets.UTF_8));
      assertThat(names).allSatisfy(n -> assertThat(scrape.has(n))
          .as("the dashboard queries %s; /metrics has it", n).isTrue());
    }
  }
}
