package io.tidings.web.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidings.web.http.Representation;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The feeds' stylesheet alone on a router: the jar's bytes, a strong ETag of them, public
 * caching, CORS, a 304 to a client whose copy is current, gzip as another representation.
 */
@ExtendWith(VertxExtension.class)
class AssetHandlerTest {
  private static final String RESOURCE = "assets/feed.xsl";
  private static final String TYPE = "text/xsl; charset=utf-8";

  @Test
  void servesTheJarsBytesWithAnEtagAndPublicCaching(Vertx vertx, VertxTestContext test)
      throws IOException {
    byte[] expected = resource();
    get(vertx, HttpMethod.GET, MultiMap.caseInsensitiveMultiMap())
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.body().getBytes()).isEqualTo(expected);
          assertThat(r.getHeader("Content-Type")).isEqualTo(TYPE);
          assertThat(r.getHeader("ETag")).isEqualTo(Representation.of(TYPE, expected).etag())
              .startsWith("\"");
          assertThat(r.getHeader("Cache-Control")).isEqualTo("public, max-age=3600");
          assertThat(r.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
          assertThat(r.getHeader("Vary")).isEqualTo("Accept-Encoding");
          assertThat(r.getHeader("Content-Encoding")).isNull();
          test.completeNow();
        })));
  }

  @Test
  void aCurrentCopyGets304(Vertx vertx, VertxTestContext test) throws IOException {
    String etag = Representation.of(TYPE, resource()).etag();
    get(vertx, HttpMethod.GET, MultiMap.caseInsensitiveMultiMap().add("If-None-Match", etag))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(304);
          assertThat(r.body()).isNull();
          assertThat(r.getHeader("ETag")).isEqualTo(etag);
          test.completeNow();
        })));
  }

  @Test
  void gzipIsAnotherRepresentationWithItsOwnEtag(Vertx vertx, VertxTestContext test)
      throws IOException {
    byte[] expected = resource();
    String identityEtag = Representation.of(TYPE, expected).etag();
    get(vertx, HttpMethod.GET, MultiMap.caseInsensitiveMultiMap().add("Accept-Encoding", "gzip"))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.getHeader("Content-Encoding")).isEqualTo("gzip");
          assertThat(r.getHeader("ETag")).isNotEqualTo(identityEtag);
          try (InputStream in = new GZIPInputStream(
              new java.io.ByteArrayInputStream(r.body().getBytes()))) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
          }
          test.completeNow();
        })));
  }

  @Test
  void headHasTheHeadersOfGetAndNoBody(Vertx vertx, VertxTestContext test) throws IOException {
    byte[] expected = resource();
    get(vertx, HttpMethod.HEAD, MultiMap.caseInsensitiveMultiMap())
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.getHeader("Content-Length")).isEqualTo(Integer.toString(expected.length));
          assertThat(r.getHeader("ETag")).isEqualTo(Representation.of(TYPE, expected).etag());
          assertThat(r.body()).isNull();
          test.completeNow();
        })));
  }

  @Test
  void aResourceMissingFromTheJarFailsAtConstruction() {
    assertThatThrownBy(() -> new AssetHandler("assets/nothing.xsl", TYPE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("missing from the jar: assets/nothing.xsl");
  }

  private static byte[] resource() throws IOException {
    try (InputStream in = AssetHandlerTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE).isNotNull();
      return in.readAllBytes();
    }
  }

  private static Future<HttpResponse<Buffer>> get(Vertx vertx, HttpMethod method,
      MultiMap headers) {
    Router router = Router.router(vertx);
    router.route(method, "/assets/feed.xsl").handler(new AssetHandler(RESOURCE, TYPE));
    return vertx.createHttpServer().requestHandler(router).listen(0)
        .compose(server -> WebClient.create(vertx)
            .request(method, server.actualPort(), "localhost", "/assets/feed.xsl")
            .putHeaders(headers).send());
  }
}
