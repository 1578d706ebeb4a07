package io.tidings.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The dates an article may carry: from 1583-01-01T00:00:00Z to 9999-12-31T23:59:59Z, to the
 * second. Every output writes each of them as the same instant: RSS (RFC 822) and HTTP dates
 * (IMF-fixdate) have four-digit years and whole seconds; Atom (RFC 3339) has four-digit years;
 * ROME formats through {@code java.util.Date}, whose calendar is Julian before 1582-10-15, so
 * an earlier date would come out days apart from JSON Feed's. Fractions of a second are dropped
 * when the file is read, so that no format shows more of a date than another.
 */
public final class Published {
  public static final Instant EARLIEST = Instant.parse("1583-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
  /** The range in words, for error messages and documentation. */
  public static final String RANGE = "from 1583-01-01T00:00:00Z to 9999-12-31T23:59:59Z (UTC)";

  private Published() {}

  /** The instant to the whole second, or null when it is outside the range. */
  static Instant inRange(Instant at) {
    Instant t = at.truncatedTo(ChronoUnit.SECONDS);
    return t.isBefore(EARLIEST) || t.isAfter(LATEST) ? null : t;
  }
}
