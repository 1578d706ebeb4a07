package io.tidings.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.TestServer;
import io.tidings.bench.CorpusGenerator;
import io.tidings.replica.Routes.Request;
import io.tidings.testing.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every route answers, pinned: for the sample and a generated corpus, each request's status,
 * the headers that describe the body, and a digest of the body (decompressed when gzip) are
 * compared with {@code src/test/resources/replica/golden-routes.txt}. A change of structure must
 * leave every line as it is; a change of behaviour rewrites the file on purpose, in its own
 * commit, with {@code -Dgolden.write=true}. Validators and the snapshot version are left out of
 * the digest: they follow the content hash, which may change on its own.
 */
class GoldenRoutesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/replica/golden-routes.txt");
  private static final List<String> HEADERS = List.of("Content-Type", "Content-Encoding",
      "Cache-Control", "Vary", "Last-Modified", "Location", "Allow", "Access-Control-Allow-Origin");
  /** The snapshot version inside JSON answers and its hash-derived stand-ins in pages. */
  /** The test client stands where the proxy would, whose forwarded scheme is trusted. */
  private static final Map<String, String> BEHIND_A_PROXY = Map.of("http.trustedProxies", "127.0.0.1");
  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"[0-9a-f]+\"");

  @Test
  void everyRouteAnswersAsPinned(@TempDir Path sample, @TempDir Path corpus) throws Exception {
    List<String> lines = new ArrayList<>();
    TestServer.copySample(sample);
    try (TestServer server = TestServer.start(sample, BEHIND_A_PROXY)) {
      lines.add("# the sample (conf/content)");
      describe(server, Routes.of(server.port(), true, Integer.MAX_VALUE), lines);
    }
    CorpusGenerator generator = CorpusGenerator.withSeed(13);
    for (int i = 0; i < 600; i++) {
      generator.writeArticle(corpus, i);
    }
    try (TestServer server = TestServer.start(corpus, BEHIND_A_PROXY)) {
      lines.add("# 600 generated articles, seed 13");
      describe(server, Routes.of(server.port(), false, 30), lines);
    }
    String now = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("golden.write")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, now);
    }
    assertThat(lines).hasSizeGreaterThan(600);
    assertThat(now).as("every route's answer, against " + GOLDEN
        + " (rewrite it with -Dgolden.write=true only for a change of behaviour)")
        .isEqualTo(Files.readString(GOLDEN));
  }

  private static void describe(TestServer server, List<Request> requests, List<String> out)
      throws IOException {
    for (Request r : requests) {
      RawHttp.Answer a = RawHttp.send(server.port(), r.method(), r.target(), r.headers());
      StringBuilder line = new StringBuilder(r.toString()).append(" -> ").append(a.status());
      for (String h : HEADERS) {
        String v = a.header(h);
        if (v != null) {
          line.append(" | ").append(h).append(": ").append(v);
        }
      }
      out.add(line.append(" | body ").append(digest(a)).toString());
    }
  }

  private static String digest(RawHttp.Answer a) throws IOException {
    byte[] body = a.body();
    if ("gzip".equals(a.header("Content-Encoding"))) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      }
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String masked = VERSION.matcher(text).replaceAll("\"version\":\"-\"");
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(masked.getBytes(StandardCharsets.UTF_8));
      return body.length + " " + HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
