package io.tidings.web;

import io.vertx.core.http.HttpServerRequest;
import java.util.regex.Pattern;

/**
 * The absolute URL that links start with: {@code http.baseUrl} when configured, else the
 * request's own (X-Forwarded-Proto and X-Forwarded-Host from a proxy, then Host).
 */
final class BaseUrl {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  private final String configured;

  BaseUrl(String configured) {
    this.configured = configured;
  }

  String of(HttpServerRequest request) {
    if (!configured.isEmpty()) {
      return configured;
    }
    String proto = first(request.getHeader("X-Forwarded-Proto"));
    if (!"https".equalsIgnoreCase(proto) && !"http".equalsIgnoreCase(proto)) {
      // The connection's own, not the request's: Vert.x Web's request asks its forwarded-header
      // parser, a cost on every feed request, for what X-Forwarded-Proto settled above.
      proto = request.connection().isSsl() ? "https" : "http";
    }
    String host = first(request.getHeader("X-Forwarded-Host"));
    if (host == null || !HOST.matcher(host).matches()) {
      host = authority(request); // Host in HTTP/1.1, :authority in HTTP/2 (no Host header there)
    }
    if (host == null || !HOST.matcher(host).matches()) {
      host = "localhost";
    }
    return proto.toLowerCase(java.util.Locale.ROOT) + "://" + host.toLowerCase(java.util.Locale.ROOT);
  }

  private static String authority(HttpServerRequest request) {
    io.vertx.core.net.HostAndPort a = request.authority();
    if (a == null || a.host() == null || a.host().isEmpty()) {
      return null;
    }
    String h = a.host();
    if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return a.port() >= 0 ? h + ":" + a.port() : h;
  }

  private static String first(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).strip();
  }
}
