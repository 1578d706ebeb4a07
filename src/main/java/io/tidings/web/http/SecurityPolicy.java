package io.tidings.web.http;

import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy and Referrer-Policy of what a browser shows as a page: the HTML
 * pages, a feed's HTML view, and the feeds that a client renders through the XSLT. Nothing is allowed but the inline
 * style and script blocks that we ship, each by the SHA-256 of its text, computed at start-up
 * from the very templates that are rendered, so the policy cannot drift from them. The
 * favicon ({@code /favicon.ico}, which browsers fetch for a page) is an image of the same
 * origin ({@code img-src 'self'} on the pages). The stylesheet of a feed is loaded from the
 * server's own origin ({@code script-src 'self'}: browsers treat XSLT as script).
 */
public final class SecurityPolicy {
  static final String REFERRER_POLICY = "no-referrer";

  private static final String COMMON =
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** For the HTML pages (templates/parts.html holds every inline block). */
  static final String PAGE = COMMON + "; img-src 'self'; style-src "
      + hashes("templates/parts.html", "style")
      + "; script-src " + hashes("templates/parts.html", "script");

  /**
   * For a feed's HTML view (templates/feed.html, a browser that opens a feed URL): the pages'
   * blocks and the view's own style; pictures from the site and from any https origin (an
   * item's images, as the feed's own HTML shows them; no referrer is sent).
   */
  static final String FEED_VIEW = COMMON + "; img-src 'self' https:; style-src "
      + hashes("templates/parts.html", "style") + " " + hashes("templates/feed.html", "style")
      + "; script-src " + hashes("templates/parts.html", "script");

  /** For RSS and Atom, shown through /assets/feed.xsl by a client that runs XSLT. */
  static final String FEED = COMMON + "; style-src " + hashes("assets/feed.xsl", "style")
      + "; script-src 'self'";

  private SecurityPolicy() {}

  public static void page(HttpServerResponse res) {
    res.putHeader("Content-Security-Policy", PAGE)
        .putHeader("Referrer-Policy", REFERRER_POLICY);
  }

  public static void feedView(HttpServerResponse res) {
    res.putHeader("Content-Security-Policy", FEED_VIEW)
        .putHeader("Referrer-Policy", REFERRER_POLICY);
  }

  public static void feed(HttpServerResponse res) {
    res.putHeader("Content-Security-Policy", FEED)
        .putHeader("Referrer-Policy", REFERRER_POLICY);
  }

  /** {@code 'sha256-…'} for each {@code <element>} block of the resource, space-separated. */
  static String hashes(String resource, String element) {
    List<String> out = new ArrayList<>();
    for (String block : blocks(read(resource), element)) {
      out.add("'sha256-" + sha256(block) + "'");
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no <" + element + "> in " + resource);
    }
    return String.join(" ", out);
  }

  /** The text of each {@code <element>…</element>} (without attributes) of an HTML text. */
  static List<String> blocks(String html, String element) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL)
        .matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static String sha256(String text) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = SecurityPolicy.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
