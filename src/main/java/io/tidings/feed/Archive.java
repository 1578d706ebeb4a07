package io.tidings.feed;

import io.tidings.article.Article;
import io.tidings.catalog.Snapshot;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 5005 archived feeds: a feed's history, cut into one archive document per calendar month
 * (UTC) of {@code publishedDateTime}. The cut depends on nothing but each article's own date,
 * so a page holds the same articles however many newer ones exist and whichever replica
 * renders it: an article dated after every archived month never changes an existing page,
 * and an edit or removal changes only the page of its month. Months without a matching
 * article are skipped by the links (an archive link names the nearest month that has one).
 */
public final class Archive {
  /** The {@code archive} parameter: a month, {@code 2026-11}. */
  public static final String PARAMETER = "archive";

  /**
   * The Cache-Control of an archive page with a newer page: it changes only when one of its
   * own articles does, so readers and proxies may keep it a day. Not {@code immutable}: an
   * edit may still change it.
   */
  public static final String SETTLED_CACHE_CONTROL = "public, max-age=86400";

  private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

  private Archive() {}

  /** The month that {@code archive=} names; a bad spelling is a {@link BadQueryException}. */
  public static YearMonth parseMonth(String raw) throws BadQueryException {
    String v = raw.strip();
    if (!MONTH.matcher(v).matches()) {
      throw new BadQueryException(PARAMETER
          + " must be a month written YYYY-MM, e.g. 2026-11, got \""
          + (v.length() > 40 ? v.substring(0, 40) + "…" : XmlText.clean(v)) + "\"");
    }
    return YearMonth.parse(v);
  }

  /** The month of an article's date, UTC. */
  static YearMonth monthOf(Article a) {
    return YearMonth.from(a.publishedAt().atOffset(ZoneOffset.UTC));
  }

  static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /**
   * One month's archive document.
   *
   * @param items the month's matching articles, newest first
   * @param older the nearest earlier month with a matching article, or null
   * @param newer the nearest later month with a matching article, or null (the newest archive,
   *     which moves as articles arrive)
   */
  record Page(YearMonth month, List<Article> items, YearMonth older, YearMonth newer) {}

  /** Selects {@code month}'s page: walks the matches newest first and stops past the month. */
  static Page page(Snapshot snapshot, FeedQuery query, YearMonth month) {
    Instant from = start(month);
    Instant until = start(month.plusMonths(1));
    List<Article> items = new ArrayList<>();
    YearMonth[] newer = {null};
    YearMonth[] older = {null};
    Selection.walk(snapshot, query, a -> {
      Instant t = a.publishedAt();
      if (!t.isBefore(until)) {
        newer[0] = monthOf(a); // the last one seen is the oldest newer article
        return true;
      }
      if (!t.isBefore(from)) {
        items.add(a);
        return true;
      }
      older[0] = monthOf(a);
      return false;
    });
    return new Page(month, items, older[0], newer[0]);
  }
}
