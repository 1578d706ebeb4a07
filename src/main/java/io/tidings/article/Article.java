package io.tidings.article;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One article file, parsed. Immutable; the file's {@code secured} blob is never part of it.
 * The accessors are those of a record of the constructor's parameters, and so are {@code
 * equals}, {@code hashCode}'s contract and {@code toString}; what lists and feeds read on every
 * request is held as fields, the rest (excerpt, AMP addresses, body, images, related coverage)
 * in one byte array ({@link Packed}) that its accessors decode on each call.
 *
 * @param id the identity: {@code originalUrl}, else {@code webUrl}; stable across renames
 * @param contentHash a 64-bit hash of the fields that feeds show, for snapshot versions and change detection
 */
public final class Article {
  private final String id;
  private final String title;
  private final Instant publishedAt;
  private final String originalUrl;
  private final String webUrl;
  private final String category;
  private final String type;
  private final Integer quality;
  private final Integer heat;
  private final boolean published;
  private final Provider provider;
  private final List<Topic> topics;
  private final byte[] packed;
  private final long contentHash;

  public Article(
      String id,
      String title,
      Instant publishedAt,
      String originalUrl,
      String webUrl,
      String ampWebUrl,
      String cdnAmpWebUrl,
      String excerpt,
      String category,
      String type,
      Integer quality,
      Integer heat,
      boolean published,
      Provider provider,
      List<Topic> topics,
      List<Image> images,
      List<Related> related,
      String body,
      long contentHash) {
    this(id, title, publishedAt, originalUrl, webUrl, category, type, quality, heat, published,
        provider, topics, pack(webUrl, ampWebUrl, cdnAmpWebUrl, excerpt, images, related, body),
        contentHash);
  }

  private Article(String id, String title, Instant publishedAt, String originalUrl,
      String webUrl, String category, String type, Integer quality, Integer heat,
      boolean published, Provider provider, List<Topic> topics, byte[] packed,
      long contentHash) {
    this.id = id;
    this.title = title;
    this.publishedAt = publishedAt;
    this.originalUrl = originalUrl;
    this.webUrl = webUrl;
    this.category = category;
    this.type = type;
    this.quality = quality;
    this.heat = heat;
    this.published = published;
    this.provider = provider;
    this.topics = topics;
    this.packed = packed;
    this.contentHash = contentHash;
  }

  private static byte[] pack(String webUrl, String amp, String cdnAmp, String excerpt,
      List<Image> images, List<Related> related, String body) {
    PackedWriter w = new PackedWriter();
    w.text(excerpt);
    w.url(amp, webUrl, null);
    w.url(cdnAmp, amp != null ? amp : webUrl, amp);
    w.text(body);
    w.images(images, webUrl);
    w.related(related);
    return w.bytes();
  }

  /** This article with other topics and category (their established names); the rest as is. */
  public Article withFacets(String category, List<Topic> topics) {
    return new Article(id, title, publishedAt, originalUrl, webUrl, category, type, quality,
        heat, published, provider, topics, packed, contentHash);
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public String originalUrl() {
    return originalUrl;
  }

  public String webUrl() {
    return webUrl;
  }

  public String ampWebUrl() {
    Packed p = new Packed(packed);
    p.skipText();
    return p.url(webUrl, null);
  }

  public String cdnAmpWebUrl() {
    Packed p = new Packed(packed);
    p.skipText();
    String amp = p.url(webUrl, null);
    return p.url(amp != null ? amp : webUrl, amp);
  }

  public String excerpt() {
    return new Packed(packed).text();
  }

  public String category() {
    return category;
  }

  public String type() {
    return type;
  }

  public Integer quality() {
    return quality;
  }

  public Integer heat() {
    return heat;
  }

  public boolean published() {
    return published;
  }

  public Provider provider() {
    return provider;
  }

  public List<Topic> topics() {
    return topics;
  }

  public List<Image> images() {
    return afterBody().images(webUrl);
  }

  public List<Related> related() {
    Packed p = afterBody();
    p.skipImages();
    return p.related();
  }

  public String body() {
    Packed p = new Packed(packed);
    p.skipText();
    p.skipUrl();
    p.skipUrl();
    return p.text();
  }

  public long contentHash() {
    return contentHash;
  }

  /** The size in bytes of the array that holds the packed fields (for tests and benchmarks). */
  public int packedSize() {
    return packed.length;
  }

  private Packed afterBody() {
    Packed p = new Packed(packed);
    p.skipText();
    p.skipUrl();
    p.skipUrl();
    p.skipText();
    return p;
  }

  public boolean hasTopic(String topicKey) {
    for (Topic t : topics) {
      if (t.key().equals(topicKey)) {
        return true;
      }
    }
    return false;
  }

  /** The category as a lookup key (same folding as topics), or null. */
  public String categoryKey() {
    return category == null ? null : Keys.topic(category);
  }

  /** Equal when every component is (the packed ones as their bytes: equal values, equal bytes). */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Article a && contentHash == a.contentHash
        && published == a.published && Objects.equals(id, a.id) && Objects.equals(title, a.title)
        && Objects.equals(publishedAt, a.publishedAt)
        && Objects.equals(originalUrl, a.originalUrl) && Objects.equals(webUrl, a.webUrl)
        && Objects.equals(category, a.category) && Objects.equals(type, a.type)
        && Objects.equals(quality, a.quality) && Objects.equals(heat, a.heat)
        && Objects.equals(provider, a.provider) && Objects.equals(topics, a.topics)
        && Arrays.equals(packed, a.packed);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(id) + Long.hashCode(contentHash);
  }

  @Override
  public String toString() {
    return "Article[id=" + id + ", title=" + title + ", publishedAt=" + publishedAt
        + ", originalUrl=" + originalUrl + ", webUrl=" + webUrl + ", ampWebUrl=" + ampWebUrl()
        + ", cdnAmpWebUrl=" + cdnAmpWebUrl() + ", excerpt=" + excerpt() + ", category="
        + category + ", type=" + type + ", quality=" + quality + ", heat=" + heat
        + ", published=" + published + ", provider=" + provider + ", topics=" + topics
        + ", images=" + images() + ", related=" + related() + ", body=" + body()
        + ", contentHash=" + contentHash + "]";
  }
}
