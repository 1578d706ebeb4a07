package io.tidings.push;

import io.tidings.article.Article;
import io.tidings.feed.FeedQuery;
import io.tidings.feed.JsonFeedItems;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One article that entered, changed in or left the catalog with one snapshot. What a given
 * subscriber hears of it depends on its filter: an article that matches now and did not
 * before was {@code added} for that subscriber, even if the catalog had it already.
 *
 * <p>The bytes of an event are made on first use and shared by every stream that sends them.
 * Any thread may make them; a race only makes the same bytes twice.
 */
public final class ArticleEvent {

  public enum Type {
    ADDED("added"), CHANGED("changed"), REMOVED("removed");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  private final long seq;
  private final String id;
  private final Article before;
  private final Article after;
  private volatile byte[] beforeJson;
  private volatile byte[] afterJson;
  private final AtomicReferenceArray<byte[]> frames =
      new AtomicReferenceArray<>(Type.values().length);

  /**
   * @param seq this process's event number, increasing
   * @param id the SSE id, which names {@code seq}
   * @param before the article as it was, or null if it is new
   * @param after the article as it is now, or null if it is gone
   */
  ArticleEvent(long seq, String id, Article before, Article after) {
    this.seq = seq;
    this.id = id;
    this.before = before;
    this.after = after;
  }

  public long seq() {
    return seq;
  }

  public String id() {
    return id;
  }

  public Article before() {
    return before;
  }

  public Article after() {
    return after;
  }

  /** What a subscriber with this filter hears, or null for nothing. */
  public Type typeFor(FeedQuery filter) {
    boolean was = before != null && filter.matches(before);
    boolean is = after != null && filter.matches(after);
    if (was && is) {
      // A change that no field of the item shows (quality, say) is nothing to tell.
      return Arrays.equals(beforeJson(), afterJson()) ? null : Type.CHANGED;
    }
    return is ? Type.ADDED : was ? Type.REMOVED : null;
  }

  /** Whether the feeds show this article differently now (false for a change of quality). */
  public boolean showsInFeeds() {
    return before == null || after == null || !Arrays.equals(beforeJson(), afterJson())
        || !Objects.equals(before.category(), after.category());
  }

  /** {@link #showsInFeeds()} of the change from {@code before} to {@code after}. */
  public static boolean showsDifferently(Article before, Article after) {
    return new ArticleEvent(0, "", before, after).showsInFeeds();
  }

  /**
   * The whole SSE frame of this event as {@code type}: its id, event and data lines and the
   * blank line. {@code data} is the article as a JSON Feed item: as it was for
   * {@code removed}, as it is for the others.
   */
  public byte[] frame(Type type) {
    byte[] f = frames.get(type.ordinal());
    if (f == null) {
      byte[] data = type == Type.REMOVED ? beforeJson() : afterJson();
      byte[] head = ("id: " + id + "\nevent: " + type.wireName + "\ndata: ")
          .getBytes(StandardCharsets.UTF_8);
      f = Arrays.copyOf(head, head.length + data.length + 2);
      System.arraycopy(data, 0, f, head.length, data.length);
      f[f.length - 2] = '\n';
      f[f.length - 1] = '\n';
      frames.set(type.ordinal(), f);
    }
    return f;
  }

  private byte[] beforeJson() {
    byte[] j = beforeJson;
    if (j == null) {
      beforeJson = j = JsonFeedItems.of(before);
    }
    return j;
  }

  private byte[] afterJson() {
    byte[] j = afterJson;
    if (j == null) {
      afterJson = j = JsonFeedItems.of(after);
    }
    return j;
  }
}
