package io.tidings.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one article file into an {@link Article} or a {@link ParseError} (docs/format.md).
 * Thread-safe.
 * The {@code secured} field is never read into anything: it ends with the YAML tree.
 */
public final class ArticleParser {
  /** Field names that docs/format.md defines; the parser reads exactly these. */
  static final String TITLE = "title";
  static final String PUBLISHED_AT = "publishedDateTime";

  private final long maxFileSize;
  private final YamlTree yaml;

  public ArticleParser(long maxFileSize) {
    this.maxFileSize = maxFileSize;
    this.yaml = new YamlTree(maxFileSize);
  }

  public long maxFileSize() {
    return maxFileSize;
  }

  /**
   * Reads and parses one file. A file that is gone by the time it is read gives {@link
   * Parsed#missing()}; a file over the size limit is refused without reading it.
   *
   * @param name the file's name as reported in errors (its path relative to the content directory)
   */
  public Parsed read(Path file, String name) {
    try {
      long size = RegularFile.size(file);
      if (size > maxFileSize) {
        return Parsed.failed(new ParseError(name, 0, 0, String.format(java.util.Locale.ROOT,
            "the file is %,d bytes, over the limit of %,d bytes (content.maxFileSize); it was not read",
            size, maxFileSize)));
      }
      byte[] bytes;
      try (InputStream in = RegularFile.open(file)) {
        bytes = in.readNBytes((int) maxFileSize + 1);
      }
      if (bytes.length > maxFileSize) {
        return Parsed.failed(new ParseError(name, 0, 0, String.format(java.util.Locale.ROOT,
            "the file grew over the limit of %,d bytes (content.maxFileSize) while it was read",
            maxFileSize)));
      }
      return parse(name, bytes);
    } catch (NoSuchFileException e) {
      return Parsed.missing();
    } catch (RegularFile.NotRegularException e) {
      return Parsed.failed(new ParseError(name, 0, 0, e.getMessage()));
    } catch (java.nio.file.AccessDeniedException e) {
      return Parsed.failed(ParseError.unreadable(name,
          "permission denied: the server's user cannot read this file"));
    } catch (IOException e) {
      return Parsed.failed(ParseError.unreadable(name, "could not read the file: " + e));
    }
  }

  /** Parses a file's bytes; {@code name} is only used in errors. */
  public Parsed parse(String name, byte[] bytes) {
    if (bytes.length > maxFileSize) {
      return Parsed.failed(new ParseError(name, 0, 0, String.format(java.util.Locale.ROOT,
          "the file is %,d bytes, over the limit of %,d bytes (content.maxFileSize)",
          bytes.length, maxFileSize)));
    }
    try {
      FrontMatter front = FrontMatter.split(bytes);
      YamlTree.Root root = yaml.parse(front.yaml());
      Slips slips = new Slips();
      Article article = toArticle(root, front.body(), slips);
      return Parsed.of(article, slips.in(name));
    } catch (ArticleFileException e) {
      return Parsed.failed(new ParseError(name, e.line, e.column, e.getMessage()));
    } catch (RuntimeException e) {
      // A parser bug must cost one file, never the server; the message names no content.
      return Parsed.failed(new ParseError(name, 0, 0,
          "could not parse the file (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private static Article toArticle(YamlTree.Root root, String body, Slips slips)
      throws ArticleFileException {
    Fields f = new Fields(root.fields(), root::lineOf);
    misspeltIfMissing(root, TITLE, TITLE + " is missing; it is required");
    String title = f.requiredText(TITLE);
    misspeltIfMissing(root, PUBLISHED_AT, PUBLISHED_AT + " is missing; it is required");
    Instant publishedAt = f.requiredInstant(PUBLISHED_AT);
    String originalUrl = f.url("originalUrl");
    String webUrl = f.url("webUrl");
    if (originalUrl == null && webUrl == null) {
      String missing = "originalUrl is missing: every article needs an originalUrl (or at least a"
          + " webUrl)";
      misspeltIfMissing(root, "originalUrl", missing);
      misspeltIfMissing(root, "webUrl", missing);
      throw new ArticleFileException(0, 0, missing);
    }
    String id = originalUrl != null ? originalUrl : webUrl;
    if (webUrl == null || webUrl.equals(originalUrl)) {
      webUrl = originalUrl; // usually the same text: hold it once
    }
    KnownFields.check(root, slips);
    if (f.node("provider") instanceof ObjectNode p) {
      KnownFields.check(p, KnownFields.PROVIDER, "provider: ", root.lineOf("provider"), slips);
    }
    Provider provider = f.provider("provider");
    if (provider == null) {
      // The same rules as a written domain: a host that is no host name keys by its text.
      provider = Interned.provider(null, Keys.hostOf(id));
    }
    Article draft = new Article(
        id,
        title,
        publishedAt,
        originalUrl,
        webUrl,
        f.optionalUrl("ampWebUrl"),
        f.optionalUrl("cdnAmpWebUrl"),
        f.text("excerpt"),
        Interned.string(f.text("category")),
        Interned.string(f.text("type")),
        f.integer("quality"),
        f.integer("heat"),
        f.bool("published", true),
        provider,
        topics(f.node("topics"), root.lineOf("topics"), slips),
        Fields.images(bounded(f.node("images"), "images", Limits.MAX_IMAGES,
            root.lineOf("images")), "images", root.lineOf("images"), slips),
        related(bounded(f.node("related"), "related", Limits.MAX_RELATED,
            root.lineOf("related")), root.lineOf("related"), slips),
        body,
        0L);
    return withHash(draft);
  }

  /**
   * Refuses a file whose required {@code field} is missing while a misspelling of it is there,
   * naming both: "publishedDateTime is missing; it is required (unknown field publishDateTime:
   * did you mean publishedDateTime?)", at the misspelt field's line.
   */
  private static void misspeltIfMissing(YamlTree.Root root, String field, String missing)
      throws ArticleFileException {
    if (root.fields().has(field)) {
      return;
    }
    String meant = KnownFields.meantFor(root.fields(), field);
    if (meant != null) {
      throw new ArticleFileException(root.lineOf(meant), 0, missing + " (unknown field "
          + Slips.name(meant) + ": did you mean " + field + "?)");
    }
  }

  private static JsonNode bounded(JsonNode node, String field, int max, int line)
      throws ArticleFileException {
    Limits.entries(node, field, max, line);
    return node;
  }

  private static List<Topic> topics(JsonNode node, int line, Slips slips)
      throws ArticleFileException {
    if (node == null || node.isNull()) {
      return List.of();
    }
    Limits.entries(node, "topics", Limits.MAX_TOPICS, line);
    if (node.isObject()) {
      slips.add(line, "topics is a mapping, not a list of names: it is ignored;"
          + " write a list: [AI, Open Source]");
      return List.of();
    }
    if (node.isValueNode() && node.asText().indexOf(',') >= 0) {
      // docs/format.md: one string is one topic, commas and all (a name may hold a comma);
      // the author most likely meant a list, and says which by writing one.
      slips.add(line, "topics is one string with commas; write a list: " + asList(node.asText()));
    }
    int index = 0;
    Map<String, Topic> byKey = new LinkedHashMap<>();
    Map<String, Integer> indexOfKey = new LinkedHashMap<>();
    Iterable<JsonNode> items = node.isArray() ? node : List.of(node);
    for (JsonNode item : items) {
      String at = node.isArray() ? "topics[" + index + "]" : "topics";
      if (item.isValueNode() && !item.isNull()) {
        String name = item.asText().strip();
        Limits.topicName(name, index, line);
        Topic t = Interned.topic(name);
        if (t.key().isEmpty()) {
          slips.add(line, at + " " + Fields.quote(name)
              + " has no letter or digit, so no topic page or feed: it is ignored");
        } else if (byKey.putIfAbsent(t.key(), t) != null) {
          Topic first = byKey.get(t.key());
          slips.add(line, at + " " + Fields.quote(name) + " is topics[" + indexOfKey.get(t.key())
              + "] " + Fields.quote(first.name()) + " again (topics that differ only in case,"
              + " spaces or punctuation are one topic): write it once");
        } else {
          indexOfKey.put(t.key(), index);
        }
      } else {
        slips.add(line, at + (item.isNull() ? " is empty" : " is not a name but a "
            + (item.isArray() ? "list" : "mapping")) + ": it is ignored");
      }
      index++;
    }
    return List.copyOf(byKey.values());
  }

  /** {@code AI, Open Source} as the list the author meant: {@code [AI, Open Source]}. */
  private static String asList(String text) {
    List<String> names = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        names.add(part.strip());
      }
    }
    String list = "[" + String.join(", ", names) + "]";
    return list.length() <= 200 ? list : list.substring(0, 200) + "…";
  }

  private static List<Related> related(JsonNode node, int line, Slips slips)
      throws ArticleFileException {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      slips.add(line, "related is not a list of entries: it is ignored;"
          + " write - title: ... webUrl: ... for each");
      return List.of();
    }
    List<Related> out = new ArrayList<>(node.size());
    int index = 0;
    for (JsonNode item : node) {
      String at = "related[" + index + "]";
      Limits.entries(item.get("images"), at + ".images", Limits.MAX_IMAGES, 0);
      index++;
      if (!(item instanceof ObjectNode o)) {
        slips.add(line, at + " is not an entry (title, webUrl, ...): it is dropped");
        continue;
      }
      KnownFields.check(o, KnownFields.RELATED, at + ": ", line, slips);
      Fields r = new Fields(o, k -> 0);
      if (r.node("provider") instanceof ObjectNode p) {
        KnownFields.check(p, KnownFields.PROVIDER, at + ".provider: ", line, slips);
      }
      String title = r.text("title");
      String rawUrl = r.text("webUrl");
      String webUrl = Fields.validUrl(rawUrl);
      List<Image> images = Fields.images(r.node("images"), at + ".images", line, slips);
      if (title == null || webUrl == null) {
        // docs/format.md: a related entry without title and webUrl has nothing to show
        slips.add(line, at + (title == null ? " has no title"
            : rawUrl == null ? " has no webUrl"
            : ".webUrl " + Fields.quote(rawUrl) + " is not an absolute http(s) URL")
            + ": the entry is dropped");
        continue;
      }
      out.add(new Related(title, r.text("excerpt"), r.lenientInstant("publishedDateTime"), webUrl,
          r.optionalUrl("ampWebUrl"), r.optionalUrl("cdnAmpWebUrl"), Interned.string(r.text("type")),
          r.provider("provider"), r.lenientInteger("quality"), images));
    }
    return List.copyOf(out);
  }

  /** The article with its {@link ContentHash}: the same file gives the same hash on every JVM. */
  private static Article withHash(Article a) {
    return new Article(a.id(), a.title(), a.publishedAt(), a.originalUrl(), a.webUrl(),
        a.ampWebUrl(), a.cdnAmpWebUrl(), a.excerpt(), a.category(), a.type(), a.quality(),
        a.heat(), a.published(), a.provider(), a.topics(), a.images(), a.related(), a.body(),
        ContentHash.of(a));
  }
}
