package io.tidings.feed;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The wire formats, by the extension of their URL ({@code feed.rss}). */
public enum FeedFormat {
  RSS("rss", "application/rss+xml; charset=utf-8"),
  ATOM("atom", "application/atom+xml; charset=utf-8"),
  JSON("json", "application/feed+json; charset=utf-8");

  private final String extension;
  private final String contentType;

  FeedFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The format of an extension, or null. */
  public static FeedFormat byExtension(String ext) {
    for (FeedFormat f : values()) {
      if (f.extension.equals(ext)) {
        return f;
      }
    }
    return null;
  }

  /** {@code feed.rss, feed.atom, feed.json}, for the 404 of an unknown one. */
  public static String fileNames() {
    return Arrays.stream(values()).map(f -> "feed." + f.extension)
        .collect(Collectors.joining(", "));
  }
}
