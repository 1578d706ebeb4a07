package io.tidings.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.TestServer;
import io.tidings.bench.CorpusGenerator;
import io.tidings.replica.Routes.Request;
import io.tidings.testing.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas that read the same content answer every URL alike: status, every header (ETag,
 * Last-Modified, Content-Type, Cache-Control, Vary...) and body bytes, so that a reader's
 * conditional GET gets its 304 from whichever replica answers and a CDN keeps one copy. Each
 * replica is a whole server with its own Vert.x, and both get the Host a proxy passes on.
 */
class ReplicaAgreementTest {

  @Test
  void everyRouteOfTheSampleIsAnsweredAlikeByTwoReplicas(@TempDir Path dir) throws Exception {
    TestServer.copySample(dir);
    try (TestServer a = replica(dir); TestServer b = replica(dir)) {
      List<Request> requests = Routes.of(a.port(), true, Integer.MAX_VALUE);
      assertThat(Routes.of(b.port(), true, Integer.MAX_VALUE)).isEqualTo(requests);
      Map<Request, RawHttp.Answer> fromA = answers(a, requests);
      assertAlike(fromA, answers(b, requests));
      assertTeeth(fromA, 500);
      assertConditionalsCross(fromA, b);
      assertConditionalsCross(answers(b, requests), a);
    }
  }

  @Test
  void aGeneratedCorpusIsAnsweredAlikeByReplicasThatSawItArriveDifferently(@TempDir Path dir)
      throws Exception {
    int count = 3000;
    CorpusGenerator corpus = CorpusGenerator.withSeed(8);
    // The early replica scans half of the files, then sees the rest arrive, newest first, plus
    // a file that comes, goes and comes back; the late one scans everything at once.
    for (int i = 1; i < count; i += 2) {
      corpus.writeArticle(dir, i);
    }
    try (TestServer early = replica(dir)) {
      for (int i = count - 2; i >= 0; i -= 2) {
        corpus.writeArticle(dir, i);
      }
      Path wobbly = corpus.writeArticle(dir, 7);
      Files.writeString(wobbly, corpus.articleText(8).replace("title:", "title: Draft of"));
      Files.delete(wobbly);
      corpus.writeArticle(dir, 7);
      try (TestServer late = replica(dir)) {
        String version = version(late);
        await("the early replica to catch up with version " + version)
            .atMost(Duration.ofSeconds(30))
            .until(() -> version.equals(version(early)));
        List<Request> requests = Routes.of(late.port(), false, 45);
        assertThat(Routes.of(early.port(), false, 45)).isEqualTo(requests);
        Map<Request, RawHttp.Answer> fromLate = answers(late, requests);
        assertAlike(fromLate, answers(early, requests));
        assertTeeth(fromLate, 700);
        assertConditionalsCross(fromLate, early);
      }
    }
  }

  /**
   * Replicas on hosts set up differently: Turkish rules for case (where "I" lower-cases to a
   * dotless "ı", so a locale-sensitive key of "AI" would differ) and a time zone 13:45 off UTC.
   * Everything is answered alike: no key, date or number depends on the host's defaults.
   */
  @Test
  void aReplicaOnAHostWithAnotherLocaleAndTimeZoneAnswersAlike(@TempDir Path dir)
      throws Exception {
    TestServer.copySample(dir);
    Map<Request, RawHttp.Answer> here;
    List<Request> requests;
    try (TestServer a = replica(dir)) {
      requests = Routes.of(a.port(), true, Integer.MAX_VALUE);
      here = answers(a, requests);
    }
    java.util.Locale locale = java.util.Locale.getDefault();
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Chatham"));
      assertThat("AI".toLowerCase()).isNotEqualTo("ai"); // the host's rules are in force
      try (TestServer b = replica(dir)) {
        assertAlike(here, answers(b, requests));
      }
    } finally {
      java.util.Locale.setDefault(locale);
      java.util.TimeZone.setDefault(zone);
    }
  }

  /** A replica behind a proxy on loopback, as the requests' X-Forwarded-Proto says. */
  private static TestServer replica(Path dir) throws Exception {
    return TestServer.start(dir, Map.of("http.trustedProxies", "127.0.0.1"));
  }

  private static String version(TestServer server) {
    try {
      return Routes.api(server.port(), "/api/topics").get("version").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<Request, RawHttp.Answer> answers(TestServer server,
      List<Request> requests) throws IOException {
    Map<Request, RawHttp.Answer> out = new LinkedHashMap<>();
    for (Request r : requests) {
      out.put(r, RawHttp.send(server.port(), r.method(), r.target(), r.headers()));
    }
    return out;
  }

  private static void assertAlike(Map<Request, RawHttp.Answer> one,
      Map<Request, RawHttp.Answer> other) {
    List<String> differ = new ArrayList<>();
    one.forEach((r, answer) -> {
      String d = answer.difference(other.get(r));
      if (!d.isEmpty()) {
        differ.add(r + ": " + d);
      }
    });
    assertThat(differ).as("answers that differ between the replicas").isEmpty();
  }

  /** The comparison covers what it claims: many distinct answers, each kind of status. */
  private static void assertTeeth(Map<Request, RawHttp.Answer> answers, int atLeast) {
    assertThat(answers.size()).isGreaterThan(atLeast);
    Set<Integer> statuses = new HashSet<>();
    Set<String> etags = new HashSet<>();
    long dated = 0;
    for (RawHttp.Answer a : answers.values()) {
      statuses.add(a.status());
      if (a.header("ETag") != null) {
        etags.add(a.header("ETag"));
      }
      if (a.header("Last-Modified") != null) {
        dated++;
      }
    }
    assertThat(statuses).contains(200, 400, 404);
    assertThat(etags).hasSizeGreaterThan(atLeast / 4);
    assertThat(dated).isGreaterThan(atLeast / 4);
    RawHttp.Answer home = answers.get(new Request("GET", "/", Map.of()));
    assertThat(home.text()).contains(Routes.BASE + "/feed.atom");
  }

  /**
   * The validators one replica gave are honoured by the other: its ETag in If-None-Match, or
   * its Last-Modified in If-Modified-Since, brings a 304 with the same ETag.
   */
  private static void assertConditionalsCross(Map<Request, RawHttp.Answer> from,
      TestServer other) throws IOException {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<Request, RawHttp.Answer> e : from.entrySet()) {
      RawHttp.Answer first = e.getValue();
      String etag = first.header("ETag");
      if (first.status() != 200 || etag == null) {
        continue;
      }
      Request r = e.getKey();
      RawHttp.Answer byTag = send(other, r.with("If-None-Match", etag));
      checked++;
      if (byTag.status() != 304 || !etag.equals(byTag.header("ETag"))) {
        wrong.add(r + " If-None-Match " + etag + ": " + byTag.status() + " "
            + byTag.header("ETag"));
      }
      String date = first.header("Last-Modified");
      if (date != null) {
        RawHttp.Answer byDate = send(other, r.with("If-Modified-Since", date));
        checked++;
        if (byDate.status() != 304) {
          wrong.add(r + " If-Modified-Since " + date + ": " + byDate.status());
        }
      }
    }
    assertThat(wrong).as("conditional GETs the other replica did not answer 304").isEmpty();
    assertThat(checked).isGreaterThan(from.size() / 2);
  }

  private static RawHttp.Answer send(TestServer server, Request r) throws IOException {
    return RawHttp.send(server.port(), r.method(), r.target(), r.headers());
  }
}
