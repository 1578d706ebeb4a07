package io.tidings.web.feeds;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subscriber count that online aggregators put in the User-Agent of their fetcher:
 * <ul>
 *   <li>{@code Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )}
 *   <li>{@code Mozilla/5.0 (compatible; Inoreader/1.0; +http://www.inoreader.com/feed-fetcher;
 *       7 subscribers; )}
 *   <li>{@code NewsBlur Feed Fetcher - 5 subscribers - http://www.newsblur.com/site/...}
 *   <li>Feedbin, The Old Reader, Bloglovin, Netvibes, FeedHQ, BazQux, Superfeedr and others
 *       alike: {@code N subscribers} or {@code N readers} somewhere in the string.
 * </ul>
 * The count is the number before "subscriber(s)" or "reader(s)"; the aggregator is a known
 * name found in the string, else its first product token that is not a browser's
 * ({@code Name/1.0}), else its first word: lower case, at most 32 of {@code [a-z0-9._-]}.
 */
public final class AggregatorAgent {
  private static final Pattern COUNT = Pattern.compile(
      "(\\d[\\d,]{0,15})\\s*(?:subscribers?|readers?)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern PRODUCT = Pattern.compile("([A-Za-z][A-Za-z0-9._-]*)/\\d");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
  /** Spelled in the agent (lower case), named in the label: the aggregators we know. */
  private static final List<String[]> KNOWN = List.of(
      new String[] {"feedly", "feedly"}, new String[] {"inoreader", "inoreader"},
      new String[] {"newsblur", "newsblur"}, new String[] {"feedbin", "feedbin"},
      new String[] {"theoldreader", "theoldreader"},
      new String[] {"the old reader", "theoldreader"},
      new String[] {"bloglovin", "bloglovin"}, new String[] {"netvibes", "netvibes"},
      new String[] {"feedhq", "feedhq"}, new String[] {"bazqux", "bazqux"},
      new String[] {"superfeedr", "superfeedr"}, new String[] {"feedspot", "feedspot"},
      new String[] {"feedwrangler", "feedwrangler"}, new String[] {"feed wrangler", "feedwrangler"},
      new String[] {"tiny tiny rss", "tt-rss"}, new String[] {"tt-rss", "tt-rss"},
      new String[] {"miniflux", "miniflux"}, new String[] {"freshrss", "freshrss"},
      new String[] {"bloglines", "bloglines"}, new String[] {"g2reader", "g2reader"});
  private static final Set<String> BROWSER_TOKENS = Set.of("mozilla", "applewebkit", "chrome",
      "safari", "gecko", "firefox", "version", "khtml", "edg", "mobile");
  /** A count above this is no count (a typo, or someone playing). */
  private static final long MAX_COUNT = 1_000_000_000L;

  /** One report: {@code subscribers} readers of the feed at {@code aggregator}. */
  public record Report(String aggregator, long subscribers) {}

  private AggregatorAgent() {}

  /**
   * The cheap check, on every feed request: whether the agent may report a count at all (it
   * says "subscriber" or "reader", in any case).
   */
  public static boolean mayReport(String userAgent) {
    return userAgent != null && (contains(userAgent, "subscriber") || contains(userAgent, "reader"));
  }

  /** The report in {@code userAgent}, or null when it holds none. */
  public static Report parse(String userAgent) {
    if (!mayReport(userAgent)) {
      return null;
    }
    Matcher m = COUNT.matcher(userAgent);
    if (!m.find()) {
      return null;
    }
    long count;
    try {
      count = Long.parseLong(m.group(1).replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
    if (count > MAX_COUNT) {
      return null;
    }
    String name = name(userAgent);
    return name == null ? null : new Report(name, count);
  }

  private static String name(String userAgent) {
    String lower = userAgent.toLowerCase(Locale.ROOT);
    for (String[] known : KNOWN) {
      if (lower.contains(known[0])) {
        return known[1];
      }
    }
    Matcher p = PRODUCT.matcher(userAgent);
    while (p.find()) {
      String token = p.group(1).toLowerCase(Locale.ROOT);
      if (!BROWSER_TOKENS.contains(token)) {
        return label(token);
      }
    }
    Matcher w = WORD.matcher(userAgent);
    return w.find() ? label(w.group().toLowerCase(Locale.ROOT)) : null;
  }

  private static String label(String token) {
    return token.length() <= 32 ? token : token.substring(0, 32);
  }

  private static boolean contains(String s, String lowerWord) {
    int n = lowerWord.length();
    for (int i = 0; i + n <= s.length(); i++) {
      if (s.regionMatches(true, i, lowerWord, 0, n)) {
        return true;
      }
    }
    return false;
  }
}
