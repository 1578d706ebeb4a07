package io.tidings.web.feeds;

import io.tidings.web.http.Representation;
import io.tidings.web.http.Responses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One file shipped in the jar (the feeds' XSLT, the favicon), read once at start-up and served with an
 * ETag of its bytes, the same on every replica.
 */
public final class AssetHandler implements Handler<RoutingContext> {
  private static final Responses.Policy POLICY =
      new Responses.Policy("public, max-age=3600", true);

  private final Representation asset;
  private final Responses.Policy policy;

  public AssetHandler(String resource, String contentType) {
    this(resource, contentType, POLICY);
  }

  /** An asset with its own caching, e.g. the favicon's long max-age. */
  public AssetHandler(String resource, String contentType, Responses.Policy policy) {
    this.asset = Representation.of(contentType, read(resource));
    this.policy = policy;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Responses.send(ctx, asset, policy);
  }

  private static byte[] read(String resource) {
    try (InputStream in = AssetHandler.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
