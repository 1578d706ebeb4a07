package io.tidings.load;

import io.tidings.load.FeedClient.Reply;
import io.tidings.load.FeedItems.Item;
import io.tidings.web.http.Representation;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one 200 response must be on its own, whatever the moment: a feed that parses, whose
 * ETag is that of its bytes, tagged with a snapshot version, whose items are each one whole
 * version of one file and all belong to the feed's filter, newest first, within the limit.
 */
final class FeedCheck {
  /** A response that is not what it must be; {@code kind} says which counter it goes to. */
  static final class Problem extends Exception {
    final String kind;

    Problem(String kind, String message, Throwable cause) {
      super(message, cause);
      this.kind = kind;
    }
  }

  /** The version and the identity ETag of a checked 200, with its items. */
  record Checked(String version, String etag, List<Item> items) {}

  private FeedCheck() {}

  /**
   * Checks a 200 as a whole: its bytes ({@link #bytes}), then its items ({@link #checkItems}).
   *
   * @param staticIds the ids of the articles that the writer does not own, which the complete
   *     feed must always list, no more and no fewer; null before they are known
   * @param parser where the body is parsed, or found parsed when these bytes came before
   */
  static Checked check(FeedSpec spec, boolean gzip, Reply r, Set<String> staticIds,
      ParsedBodies.Parser parser) throws Problem {
    Bytes b = bytes(spec, gzip, r);
    List<Item> items;
    try {
      items = parser.items(spec.format(), b.etag(), b.identity());
    } catch (Exception e) {
      throw unparsable(spec, e);
    }
    checkItems(spec, items, staticIds);
    return new Checked(b.version(), b.etag(), items);
  }

  /** A 200's identity bytes, their ETag and the snapshot version it names. */
  record Bytes(String version, String etag, byte[] identity) {}

  /** The checks of a 200 that need no parse: version header, encoding, ETag of the bytes. */
  static Bytes bytes(FeedSpec spec, boolean gzip, Reply r) throws Problem {
    String version = r.snapshot();
    if (version == null || !version.matches("[0-9a-f]{16}")) {
      throw new Problem("consistency", spec + ": X-Tidings-Snapshot is " + version, null);
    }
    byte[] body = r.body();
    if (gzip != "gzip".equals(r.contentEncoding())) {
      throw new Problem("consistency", spec + ": Content-Encoding " + r.contentEncoding()
          + " when gzip was " + (gzip ? "" : "not ") + "asked for", null);
    }
    if (gzip) {
      try {
        body = FeedClient.gunzip(body);
      } catch (java.io.IOException e) {
        throw new Problem("parse", spec + ": the gzip body does not decompress", e);
      }
    }
    String etag = Representation.etagOf(body);
    String expectedTag = gzip ? etag.substring(0, etag.length() - 1) + "-gz\"" : etag;
    if (!expectedTag.equals(r.etag())) {
      throw new Problem("consistency", spec + ": ETag " + r.etag() + " is not the tag of the"
          + " bytes sent, " + expectedTag, null);
    }
    return new Bytes(version, etag, body);
  }

  static Problem unparsable(FeedSpec spec, Throwable e) {
    return new Problem("parse", spec + ": the body does not parse as " + spec.format() + ": "
        + e, e);
  }

  static void checkItems(FeedSpec spec, List<Item> items, Set<String> staticIds)
      throws Problem {
    if (items.size() > spec.limit() || spec.complete() && items.size() >= spec.limit()) {
      throw inconsistent(spec, items.size() + " items for a limit of " + spec.limit()
          + (spec.complete() ? " (the complete feed must hold every article: too many)" : ""));
    }
    Instant previous = null;
    Set<String> statics = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (Item i : items) {
      if (!ids.add(i.id())) {
        throw inconsistent(spec, "lists " + i.id() + " twice");
      }
      if (i.published() == null || previous != null && i.published().isAfter(previous)) {
        throw inconsistent(spec, "is not newest first at " + i.id());
      }
      previous = i.published();
      Marked m = i.mark();
      if (m == null) {
        statics.add(i.id());
        if (!spec.withStatic()) {
          throw inconsistent(spec, "lists " + i.id() + ", which is not a writer's article");
        }
        continue;
      }
      if (spec.staticOnly()) {
        throw inconsistent(spec, "lists the writer's " + i.id());
      }
      if (!m.id().equals(i.id()) || !m.agreesWithTitle(i.title())
          || !i.categories().containsAll(m.topics()) || !m.providerName().equals(i.author())
          || !m.published().equals(i.published())) {
        throw inconsistent(spec, "item " + i.id() + " is not one version of one file: title \""
            + i.title() + "\", categories " + i.categories() + ", author " + i.author()
            + ", date " + i.published() + ", mark " + m);
      }
      if (!spec.filter().test(m)) {
        throw inconsistent(spec, "lists " + i.id() + ", which its filter excludes: " + m);
      }
    }
    if (spec.complete() && staticIds != null && !statics.equals(staticIds)) {
      throw inconsistent(spec, "shows " + statics.size() + " of the unchanging articles, not "
          + "the " + staticIds.size() + " there are");
    }
  }

  private static Problem inconsistent(FeedSpec spec, String what) {
    return new Problem("consistency", spec + " " + what, null);
  }
}
