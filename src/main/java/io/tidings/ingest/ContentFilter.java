package io.tidings.ingest;

import java.util.List;
import java.util.Locale;

/**
 * Which paths of the content tree are articles. Hidden files and folders, editor swap and
 * backup files and files of other kinds are not: real directories are full of them.
 */
public final class ContentFilter {
  private final List<String> extensions;

  public ContentFilter(List<String> extensions) {
    this.extensions = List.copyOf(extensions);
  }

  /** Whether a folder (its name alone) is walked and watched. */
  public boolean isFolderWatched(String name) {
    return !name.startsWith(".");
  }

  /** Whether a path relative to the content root ({@code /}-separated) may hold an article. */
  public boolean isArticlePath(String relative) {
    int slash = relative.lastIndexOf('/');
    return isFolderPathWatched(relative.substring(0, Math.max(0, slash)))
        && isArticleName(relative.substring(slash + 1));
  }

  /** Whether a folder relative to the content root, and every folder above it, is watched. */
  public boolean isFolderPathWatched(String relative) {
    for (String part : relative.split("/")) {
      if (!part.isEmpty() && !isFolderWatched(part)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a file name (no folder) may hold an article. */
  public boolean isArticleName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith(".") || lower.startsWith("#") || lower.endsWith("~")
        || lower.equals("4913")) { // vim's probe file
      return false;
    }
    int dot = lower.lastIndexOf('.');
    return dot > 0 && extensions.contains(lower.substring(dot + 1));
  }
}
