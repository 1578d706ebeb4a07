package io.tidings.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Shared bits of the feed HTTP tests: the sample content, response helpers, waiting. */
final class FeedHttp {
  /** The bundled sample content: 36 files, drafts 000 and 020 hidden. */
  static final Path SAMPLE = Path.of("conf/content");
  static final String RSS_TYPE = "application/rss+xml; charset=utf-8";
  static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
  static final String JSON_TYPE = "application/feed+json; charset=utf-8";
  static final List<String> EXTENSIONS = List.of("rss", "atom", "json");
  /** 人工智能, percent-encoded as a path segment. */
  static final String RENGONG_ZHINENG = "%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedHttp() {}

  /** Copies the sample content (sub-folders too) into {@code target}; returns target. */
  static Path copySample(Path target) {
    return io.tidings.TestServer.copySample(target);
  }

  /** Replaces a file's content the way an editor does: a hidden temp file, then an atomic move. */
  static void rewrite(Path file, String text) {
    try {
      Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String contentType(String extension) {
    return switch (extension) {
      case "rss" -> RSS_TYPE;
      case "atom" -> ATOM_TYPE;
      case "json" -> JSON_TYPE;
      default -> throw new IllegalArgumentException(extension);
    };
  }

  static HttpResponse<byte[]> get(TestServer server, String path) {
    return get(server, path, Map.of());
  }

  static HttpResponse<byte[]> get(TestServer server, String path, Map<String, String> headers) {
    try {
      return server.get(path, headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static final java.net.http.HttpClient HTTP_1_1 = java.net.http.HttpClient.newBuilder()
      .version(java.net.http.HttpClient.Version.HTTP_1_1)
      .connectTimeout(java.time.Duration.ofSeconds(5)).build();

  /** A request from a client that speaks only HTTP/1.1 (TestServer's asks for h2c, and is refused). */
  static HttpResponse<byte[]> http11(TestServer server, String method, String path,
      Map<String, String> headers) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(server.url(path))).timeout(java.time.Duration.ofSeconds(30))
        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    try {
      HttpResponse<byte[]> r = HTTP_1_1.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** GET that must answer 200; returns the response. */
  static HttpResponse<byte[]> ok(TestServer server, String path) {
    HttpResponse<byte[]> r = get(server, path);
    assertThat(r.statusCode()).as("status of %s: %s", path, text(r)).isEqualTo(200);
    return r;
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  static String etag(HttpResponse<?> r) {
    return header(r, "ETag");
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static byte[] gunzip(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
    }
  }

  /** The item ids of a JSON Feed, in feed order. */
  static List<String> ids(byte[] jsonFeed) {
    JsonNode feed = json(jsonFeed);
    assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    List<String> out = new ArrayList<>();
    for (JsonNode item : feed.path("items")) {
      out.add(item.path("id").asText());
    }
    return out;
  }

  /** Parses XML with a namespace-aware parser that refuses DOCTYPEs; fails if it is not well-formed. */
  static Document xml(byte[] body) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + new String(body, StandardCharsets.UTF_8),
          e);
    }
  }

  /** How many items (RSS item, Atom entry, JSON Feed item) a feed body of that format holds. */
  static int itemCount(String extension, byte[] body) {
    return switch (extension) {
      case "rss" -> {
        Document d = xml(body);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("rss");
        assertThat(d.getElementsByTagName("channel").getLength()).isEqualTo(1);
        yield d.getElementsByTagName("item").getLength();
      }
      case "atom" -> {
        Document d = xml(body);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        yield d.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength();
      }
      case "json" -> ids(body).size();
      default -> throw new IllegalArgumentException(extension);
    };
  }

  /** Waits up to 10 s for the condition; fails naming {@code what} at the deadline. */
  static void await(String what, BooleanSupplier condition) {
    org.awaitility.Awaitility.await(what).atMost(java.time.Duration.ofSeconds(10))
        .until(condition::getAsBoolean);
  }
}
