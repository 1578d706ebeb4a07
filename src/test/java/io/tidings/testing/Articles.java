package io.tidings.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Article files for tests, in the shape of docs/format.md. An article {@code "a"} has the identity
 * {@link #url(String) https://example.com/a}, so tests can speak in short ids.
 */
public final class Articles {
  public static final String DEFAULT_TIME = "2023-10-17T16:45:00Z";

  private Articles() {}

  /** The identity (originalUrl) of the article with the short id {@code id}. */
  public static String url(String id) {
    return "https://example.com/" + id;
  }

  /** The short id of an identity made by {@link #url(String)}. */
  public static String shortId(String url) {
    return url.startsWith("https://example.com/") ? url.substring("https://example.com/".length())
        : url;
  }

  /** A complete article file: {@code id}, its title and topics, published at {@link #DEFAULT_TIME}. */
  public static String text(String id, String title, String... topics) {
    return article(id).title(title).topics(topics).text();
  }

  public static Builder article(String id) {
    return new Builder(id);
  }

  /** Writes {@code text} to {@code root/relative}, making folders as needed. */
  public static Path write(Path root, String relative, String text) {
    return write(root, relative, text.getBytes(StandardCharsets.UTF_8));
  }

  public static Path write(Path root, String relative, byte[] bytes) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Fluent builder of one article file's text. */
  public static final class Builder {
    private final String id;
    private String title;
    private String at = DEFAULT_TIME;
    private final List<String> topics = new ArrayList<>();
    private String providerName;
    private String providerDomain;
    private String category;
    private Boolean published;
    private String secured;
    private String excerpt;

    private Builder(String id) {
      this.id = id;
      this.title = "Title of " + id;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** publishedDateTime, an ISO-8601 instant such as {@code 2023-10-17T16:45:00Z}. */
    public Builder at(String instant) {
      this.at = instant;
      return this;
    }

    public Builder topics(String... names) {
      topics.addAll(List.of(names));
      return this;
    }

    public Builder provider(String name, String domain) {
      this.providerName = name;
      this.providerDomain = domain;
      return this;
    }

    public Builder category(String category) {
      this.category = category;
      return this;
    }

    public Builder draft() {
      this.published = false;
      return this;
    }

    public Builder secured(String secured) {
      this.secured = secured;
      return this;
    }

    public Builder excerpt(String excerpt) {
      this.excerpt = excerpt;
      return this;
    }

    public String text() {
      StringBuilder s = new StringBuilder("---\n");
      s.append("title: \"").append(title.replace("\"", "\\\"")).append("\"\n");
      s.append("publishedDateTime: ").append(at).append('\n');
      s.append("originalUrl: \"").append(url(id)).append("\"\n");
      if (excerpt != null) {
        s.append("excerpt: \"").append(excerpt).append("\"\n");
      }
      if (category != null) {
        s.append("category: ").append(category).append('\n');
      }
      if (published != null) {
        s.append("published: ").append(published).append('\n');
      }
      if (secured != null) {
        s.append("secured: \"").append(secured).append("\"\n");
      }
      if (providerName != null || providerDomain != null) {
        s.append("provider:\n");
        if (providerName != null) {
          s.append("  name: \"").append(providerName).append("\"\n");
        }
        if (providerDomain != null) {
          s.append("  domain: ").append(providerDomain).append('\n');
        }
      }
      if (!topics.isEmpty()) {
        s.append("topics:\n");
        for (String t : topics) {
          s.append("  - \"").append(t).append("\"\n");
        }
      }
      return s.append("---\n").toString();
    }

    public byte[] bytes() {
      return text().getBytes(StandardCharsets.UTF_8);
    }
  }
}
