package io.tidings.article;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@link Article} as bytes and back, for the restart cache (ingest's ParseCache). It
 * writes exactly the record's fields, so it cannot hold anything the article does not: the
 * file's {@code secured} value never reaches an article, so it never reaches these bytes.
 * Values that thousands of articles repeat (providers, topics, categories, types) are shared
 * again when read, as the parser shares them.
 *
 * <p>Strings are a 4-byte length (-1 for null) and their UTF-8 bytes; numbers and flags a byte
 * of presence and the value; instants the seconds and nanoseconds; lists their size and items.
 * A change of this layout must change {@link #FORMAT}, which the cache file's header carries.
 */
public final class ArticleCodec {
  /** The layout's version; a cache file of another version is not read. */
  public static final int FORMAT = 1;

  private ArticleCodec() {}

  public static void write(DataOutput out, Article a) throws IOException {
    str(out, a.id());
    str(out, a.title());
    instant(out, a.publishedAt());
    str(out, a.originalUrl());
    str(out, a.webUrl());
    str(out, a.ampWebUrl());
    str(out, a.cdnAmpWebUrl());
    str(out, a.excerpt());
    str(out, a.category());
    str(out, a.type());
    integer(out, a.quality());
    integer(out, a.heat());
    out.writeBoolean(a.published());
    provider(out, a.provider());
    out.writeInt(a.topics().size());
    for (Topic t : a.topics()) {
      str(out, t.name());
      str(out, t.key());
    }
    images(out, a.images());
    out.writeInt(a.related().size());
    for (Related r : a.related()) {
      str(out, r.title());
      str(out, r.excerpt());
      instant(out, r.publishedAt());
      str(out, r.webUrl());
      str(out, r.ampWebUrl());
      str(out, r.cdnAmpWebUrl());
      str(out, r.type());
      provider(out, r.provider());
      integer(out, r.quality());
      images(out, r.images());
    }
    str(out, a.body());
    out.writeLong(a.contentHash());
  }

  /** @throws IOException also for bytes that are no article of this layout */
  public static Article read(DataInput in) throws IOException {
    String id = str(in);
    String title = str(in);
    Instant publishedAt = instant(in);
    String originalUrl = str(in);
    String webUrl = str(in);
    if (webUrl != null && webUrl.equals(originalUrl)) {
      webUrl = originalUrl; // one copy, as the parser holds it
    }
    String amp = str(in);
    String cdnAmp = str(in);
    String excerpt = str(in);
    String category = Interned.string(str(in));
    String type = Interned.string(str(in));
    Integer quality = integer(in);
    Integer heat = integer(in);
    boolean published = in.readBoolean();
    Provider provider = provider(in);
    int n = count(in);
    List<Topic> topics = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = str(in);
      String key = str(in);
      Topic t = name == null ? null : Interned.topic(name);
      if (t == null || !t.key().equals(key)) {
        throw new IOException("a topic that does not match its key");
      }
      topics.add(t);
    }
    List<Image> images = images(in);
    n = count(in);
    List<Related> related = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      related.add(new Related(str(in), str(in), instant(in), str(in), str(in), str(in),
          Interned.string(str(in)), provider(in), integer(in), images(in)));
    }
    String body = str(in);
    long hash = in.readLong();
    if (id == null || title == null || publishedAt == null) {
      throw new IOException("an article without a required field");
    }
    return new Article(id, title, publishedAt, originalUrl, webUrl, amp, cdnAmp, excerpt,
        category, type, quality, heat, published, provider, List.copyOf(topics),
        List.copyOf(images), List.copyOf(related), body, hash);
  }

  private static void str(DataOutput out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String str(DataInput in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > Integer.MAX_VALUE - 16) {
      throw new IOException("a string of length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static int count(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1_000_000) {
      throw new IOException("a list of " + n + " items");
    }
    return n;
  }

  private static void instant(DataOutput out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  private static Instant instant(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    long s = in.readLong();
    int nanos = in.readInt();
    try {
      return Instant.ofEpochSecond(s, nanos);
    } catch (RuntimeException e) {
      throw new IOException("an instant out of range");
    }
  }

  private static void integer(DataOutput out, Integer i) throws IOException {
    out.writeBoolean(i != null);
    if (i != null) {
      out.writeInt(i);
    }
  }

  private static Integer integer(DataInput in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  private static void provider(DataOutput out, Provider p) throws IOException {
    out.writeBoolean(p != null);
    if (p != null) {
      str(out, p.name());
      str(out, p.domain());
      str(out, p.key());
    }
  }

  private static Provider provider(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    String name = str(in);
    String domain = str(in);
    String key = str(in);
    if (name == null || key == null) {
      throw new IOException("a provider without a name or key");
    }
    return Interned.provider(new Provider(name, domain, key));
  }

  private static void images(DataOutput out, List<Image> images) throws IOException {
    out.writeInt(images.size());
    for (Image i : images) {
      str(out, i.url());
      integer(out, i.width());
      integer(out, i.height());
      out.writeBoolean(i.cached() != null);
      if (i.cached() != null) {
        out.writeBoolean(i.cached());
      }
    }
  }

  private static List<Image> images(DataInput in) throws IOException {
    int n = count(in);
    List<Image> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String url = str(in);
      Integer w = integer(in);
      Integer h = integer(in);
      Boolean cached = in.readBoolean() ? in.readBoolean() : null;
      out.add(new Image(url, w, h, cached));
    }
    return List.copyOf(out);
  }
}
