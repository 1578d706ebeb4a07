package io.tidings.web.http;

import io.tidings.config.TrustedProxies;
import io.tidings.web.server.HostName;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.util.Locale;

/**
 * The absolute URL that links start with: {@code http.baseUrl} when configured, else the
 * request's own. {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} count only on a
 * connection from one of {@code http.trustedProxies} (SECURITY.md); from anyone else they are
 * ignored, as are {@code Forwarded}, {@code X-Forwarded-Port} and {@code X-Forwarded-Prefix}
 * from everyone. A forwarded host that is not a valid host (see {@link HostName}) falls back
 * to the Host header, which {@link RequestGate} has checked already.
 */
public final class BaseUrl {
  private final String configured;
  private final TrustedProxies trusted;

  public BaseUrl(String configured, TrustedProxies trusted) {
    this.configured = configured;
    this.trusted = trusted;
  }

  public String of(HttpServerRequest request) {
    if (!configured.isEmpty()) {
      return configured;
    }
    // The connection's own scheme, not the request's: Vert.x Web's request asks its
    // forwarded-header parser, a cost on every feed request.
    String proto = request.connection().isSsl() ? "https" : "http";
    String host = null;
    if (!trusted.isEmpty() && trusted.trusts(peer(request))) {
      String forwardedProto = first(request.getHeader("X-Forwarded-Proto"));
      if ("https".equalsIgnoreCase(forwardedProto) || "http".equalsIgnoreCase(forwardedProto)) {
        proto = forwardedProto.toLowerCase(Locale.ROOT);
      }
      host = HostName.valid(first(request.getHeader("X-Forwarded-Host")));
    }
    if (host == null) {
      host = HostName.valid(request.getHeader("Host"));
    }
    if (host == null) {
      host = authority(request); // :authority in HTTP/2, which has no Host header
    }
    if (host == null) {
      host = local(request); // HTTP/1.0 without Host: the address the client connected to
    }
    return proto + "://" + host;
  }

  /**
   * A string that determines {@link #of}: two requests with equal keys have equal base URLs.
   * Cheaper than {@link #of} where it can be (no validation, no concatenation): the configured
   * URL, else the Host header as sent (and the scheme) when no proxy is trusted, else the base
   * URL itself. Null for a request without a Host header (HTTP/1.0, HTTP/2).
   */
  public String keyOf(HttpServerRequest request) {
    if (!configured.isEmpty()) {
      return configured;
    }
    if (!trusted.isEmpty()) {
      return request.getHeader("Host") == null ? null : of(request);
    }
    String host = request.getHeader("Host");
    if (host == null) {
      return null;
    }
    return request.connection().isSsl() ? "https://" + host : host;
  }

  private static String peer(HttpServerRequest request) {
    SocketAddress a = request.connection().remoteAddress();
    return a == null ? null : a.hostAddress();
  }

  private static String authority(HttpServerRequest request) {
    HostAndPort a = request.authority();
    if (a == null || a.host() == null || a.host().isEmpty()) {
      return null;
    }
    return HostName.valid(bracketed(a.host()) + (a.port() > 0 ? ":" + a.port() : ""));
  }

  private static String local(HttpServerRequest request) {
    SocketAddress a = request.connection().localAddress();
    String host = a == null || a.hostAddress() == null ? null
        : HostName.valid(bracketed(a.hostAddress()) + ":" + a.port());
    return host == null ? "localhost" : host;
  }

  private static String bracketed(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** The first of a list of values: the one the outermost proxy (the first hop) wrote. */
  private static String first(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).strip();
  }
}
