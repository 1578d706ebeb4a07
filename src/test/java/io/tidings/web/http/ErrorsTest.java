package io.tidings.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one error path ({@link Errors}) on a router of its own: a handler fails the context with
 * an {@link HttpException} and the error handler renders its status and one-line message; an
 * unknown path is a 404 that names it; anything else is a 500 that leaks nothing.
 */
@ExtendWith(VertxExtension.class)
class ErrorsTest {

  @Test
  void aHandlerThatFailsWith400GetsItsMessage(Vertx vertx, VertxTestContext test) {
    get(vertx, "/bad").onComplete(test.succeeding(r -> test.verify(() -> {
      assertPlain(r, 400, "limit: not a number: \"ten\"\n");
      test.completeNow();
    })));
  }

  @Test
  void aStatusWithoutAMessageGetsItsReasonPhrase(Vertx vertx, VertxTestContext test) {
    get(vertx, "/unavailable").onComplete(test.succeeding(r -> test.verify(() -> {
      assertPlain(r, 503, "Service Unavailable\n");
      test.completeNow();
    })));
  }

  @Test
  void anUnknownPathIs404AndNamesThePath(Vertx vertx, VertxTestContext test) {
    get(vertx, "/nope").onComplete(test.succeeding(r -> test.verify(() -> {
      assertPlain(r, 404, "no such page: /nope\n");
      test.completeNow();
    })));
  }

  @Test
  void anUnexpectedExceptionIs500WithoutItsMessage(Vertx vertx, VertxTestContext test) {
    get(vertx, "/broken").onComplete(test.succeeding(r -> test.verify(() -> {
      assertPlain(r, 500, "internal error\n");
      test.completeNow();
    })));
  }

  private static void assertPlain(HttpResponse<Buffer> r, int status, String body) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.bodyAsString()).isEqualTo(body);
    assertThat(r.getHeader("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  private static Future<HttpResponse<Buffer>> get(Vertx vertx, String path) {
    Router router = Router.router(vertx);
    router.get("/bad").handler(ctx -> ctx.fail(new HttpException(400,
        "limit: not a number: \"ten\"")));
    router.get("/unavailable").handler(ctx -> ctx.fail(503));
    router.get("/broken").handler(ctx -> {
      throw new IllegalStateException("secret detail");
    });
    Errors.install(router);
    return vertx.createHttpServer().requestHandler(router).listen(0)
        .compose(server -> WebClient.create(vertx)
            .get(server.actualPort(), "localhost", path).send());
  }
}
