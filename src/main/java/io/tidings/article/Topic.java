package io.tidings.article;

/** A topic as written in the file, and its key (docs/format.md, "Topics"). */
public record Topic(String name, String key) {
  public static Topic of(String name) {
    String n = name.strip();
    return new Topic(n, Keys.topic(n));
  }
}
