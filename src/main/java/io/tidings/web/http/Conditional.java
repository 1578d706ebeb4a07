package io.tidings.web.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Conditional GET (RFC 9110, 13.1) and content negotiation of gzip. */
final class Conditional {
  /**
   * What a recipient reads: RFC 1123 dates, one- or two-digit day (Tidings writes the
   * IMF-fixdate of Representation, with two).
   */
  private static final DateTimeFormatter HTTP_DATE_IN =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).withLocale(Locale.US);

  private Conditional() {}

  /**
   * The decision of RFC 9110 (13.2.2): If-None-Match, when sent, decides alone; else
   * If-Modified-Since against {@code lastModified} (none: never "not modified").
   */
  static boolean notModified(String ifNoneMatch, String ifModifiedSince, Instant lastModified,
      Predicate<String> tagsMatch) {
    if (ifNoneMatch != null) {
      return tagsMatch.test(ifNoneMatch);
    }
    return lastModified != null && notModifiedSince(ifModifiedSince, lastModified);
  }

  /** {@link #notModified(String, String, Instant, Predicate)} for these tags. */
  static boolean notModified(String ifNoneMatch, String ifModifiedSince, Instant lastModified,
      String... etags) {
    return notModified(ifNoneMatch, ifModifiedSince, lastModified, h -> matchesAny(h, etags));
  }

  /** Whether {@code lastModified} is no later than If-Modified-Since (null: no header). */
  static boolean notModifiedSince(String ifModifiedSince, Instant lastModified) {
    if (ifModifiedSince == null) {
      return false;
    }
    try {
      Instant since = Instant.from(HTTP_DATE_IN.parse(ifModifiedSince.strip()));
      return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    } catch (DateTimeParseException e) {
      return false; // RFC 9110: an invalid date is ignored
    }
  }

  /** Parses a list of entity tags ({@code "a", W/"b"}) or {@code *} and compares weakly. */
  static boolean matchesAny(String header, String... etags) {
    if (header.strip().equals("*")) {
      return true;
    }
    for (String tag : entityTags(header)) {
      for (String e : etags) {
        if (e.equals(tag)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The entity tags of an If-None-Match list, quotes kept and {@code W/} dropped (weak
   * comparison), up to the first unterminated one; what is not a quoted tag is skipped.
   */
  static List<String> entityTags(String header) {
    List<String> tags = new ArrayList<>(2);
    String h = header.strip();
    int i = 0;
    int n = h.length();
    while (i < n) {
      char c = h.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      if (h.startsWith("W/", i)) {
        i += 2;
      }
      if (i >= n || h.charAt(i) != '"') {
        // Not a quoted tag: skip to the next comma.
        int comma = h.indexOf(',', i);
        i = comma < 0 ? n : comma + 1;
        continue;
      }
      int end = h.indexOf('"', i + 1);
      if (end < 0) {
        break;
      }
      tags.add(h.substring(i, end + 1));
      i = end + 1;
    }
    return tags;
  }

  /**
   * Whether the client would rather have HTML than a feed: it names {@code text/html} (or
   * XHTML) itself, with a higher weight than any feed type it names. Browsers do
   * ({@code text/html,...,application/xml;q=0.9,*}{@code /*;q=0.8}); feed readers name feed
   * types first or send {@code *}{@code /*}.
   */
  static boolean prefersHtml(String accept) {
    if (accept == null) {
      return false;
    }
    double html = 0;
    double feed = 0;
    for (String part : accept.split(",")) {
      String[] bits = part.strip().split(";");
      String type = bits[0].strip().toLowerCase(Locale.ROOT);
      double q = quality(bits);
      if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
        html = Math.max(html, q);
      } else if (type.equals("application/rss+xml") || type.equals("application/atom+xml")
          || type.equals("application/feed+json") || type.equals("application/rdf+xml")) {
        feed = Math.max(feed, q);
      }
    }
    return html > 0 && html > feed;
  }

  private static double quality(String[] bits) {
    for (int k = 1; k < bits.length; k++) {
      String p = bits[k].strip();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          return Double.parseDouble(p.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1.0;
  }

  /** Whether the client takes gzip ({@code Accept-Encoding}, q-values honoured). */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    Double gzip = null;
    Double star = null;
    for (String part : acceptEncoding.split(",")) {
      String[] bits = part.strip().split(";");
      String coding = bits[0].strip().toLowerCase(Locale.ROOT);
      double q = 1.0;
      for (int k = 1; k < bits.length; k++) {
        String p = bits[k].strip();
        if (p.startsWith("q=") || p.startsWith("Q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        gzip = q;
      } else if (coding.equals("*")) {
        star = q;
      }
    }
    if (gzip != null) {
      return gzip > 0;
    }
    return star != null && star > 0;
  }
}
