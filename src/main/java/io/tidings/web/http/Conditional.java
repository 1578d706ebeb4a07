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

/** Conditional GET (RFC 9110, 13.1) and content negotiation of gzip and of a feed's HTML view. */
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

  /** What a feed reader may name for a feed: every feed type and the generic XML and JSON. */
  private static final List<String> FEED_TYPES = List.of("application/rss+xml",
      "application/atom+xml", "application/feed+json", "application/rdf+xml", "application/xml",
      "text/xml", "application/json");
  private static final List<String> HTML_TYPES = List.of("text/html", "application/xhtml+xml");

  /**
   * Whether the client would rather have an HTML page than a feed: the weight it gives HTML
   * ({@code text/html} or XHTML) is above the weight it gives every type a feed may be sent as
   * (the feed types, {@code application/xml}, {@code text/xml}, {@code application/json}). Each
   * weight is that of the most specific range that matches (RFC 9110, 12.5.1), so {@code *}{@code
   * /*} alone, or no Accept, ties and keeps the feed. Browsers send {@code
   * text/html,...,application/xml;q=0.9,*}{@code /*;q=0.8}; feed readers name feed types first
   * or send {@code *}{@code /*}.
   */
  static boolean prefersHtml(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<Range> ranges = new ArrayList<>();
    for (String part : accept.split(",")) {
      Range r = Range.parse(part);
      if (r != null) {
        ranges.add(r);
      }
    }
    double html = weight(ranges, HTML_TYPES);
    return html > 0 && html > weight(ranges, FEED_TYPES);
  }

  /** The highest weight the ranges give any of {@code types}. */
  private static double weight(List<Range> ranges, List<String> types) {
    double best = 0;
    for (String t : types) {
      best = Math.max(best, weight(ranges, t));
    }
    return best;
  }

  /** The weight of the most specific range that matches {@code type}; 0 when none does. */
  private static double weight(List<Range> ranges, String type) {
    int specificity = -1;
    double q = 0;
    for (Range r : ranges) {
      int s = r.specificity(type);
      if (s > specificity) {
        specificity = s;
        q = r.q();
      }
    }
    return q;
  }

  /** One media range of Accept: {@code type/subtype}, {@code type/*} or {@code *}{@code /*}. */
  private record Range(String type, String subtype, double q) {
    /** Null for what is not a media range (it is ignored). */
    static Range parse(String part) {
      String[] bits = part.split(";");
      String mediaRange = bits[0].strip().toLowerCase(Locale.ROOT);
      int slash = mediaRange.indexOf('/');
      if (slash <= 0 || slash == mediaRange.length() - 1) {
        return null;
      }
      return new Range(mediaRange.substring(0, slash), mediaRange.substring(slash + 1),
          quality(bits));
    }

    /** 2 for the type itself, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 for no match. */
    int specificity(String mediaType) {
      int slash = mediaType.indexOf('/');
      String t = mediaType.substring(0, slash);
      String s = mediaType.substring(slash + 1);
      if (type.equals("*")) {
        return subtype.equals("*") ? 0 : -1;
      }
      if (!type.equals(t)) {
        return -1;
      }
      return subtype.equals("*") ? 1 : subtype.equals(s) ? 2 : -1;
    }
  }

  /** The {@code q} parameter (0 to 1; 1 when absent; 0 when it is no number in that range). */
  private static double quality(String[] bits) {
    for (int k = 1; k < bits.length; k++) {
      String p = bits[k].strip();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("q")) {
        try {
          double q = Double.parseDouble(p.substring(eq + 1).strip());
          return q >= 0 && q <= 1 ? q : 0;
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
      double q = quality(bits);
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
