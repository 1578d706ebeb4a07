package io.tidings.container;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .dockerignore} as Docker applies it: patterns in order, {@code !} re-includes, the last
 * pattern that matches a path or one of its parent folders decides.
 */
final class DockerIgnore {
  private record Rule(PathMatcher matcher, boolean include, String text) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = rules;
  }

  static DockerIgnore read(Path file) throws IOException {
    List<Rule> rules = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String p = line.strip();
      if (p.isEmpty() || p.startsWith("#")) {
        continue;
      }
      boolean include = p.startsWith("!");
      p = include ? p.substring(1).strip() : p;
      p = p.replaceAll("^/+", "").replaceAll("/+$", "");
      rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + p), include, line));
    }
    return new DockerIgnore(rules);
  }

  /** Whether a path of the build context ({@code /}-separated, relative) is sent to the build. */
  boolean sends(String relative) {
    Path path = Path.of(relative);
    boolean sent = true;
    for (Rule rule : rules) {
      if (matchesOrParentMatches(rule.matcher(), path)) {
        sent = rule.include();
      }
    }
    return sent;
  }

  private static boolean matchesOrParentMatches(PathMatcher matcher, Path path) {
    for (Path p = path; p != null; p = p.getParent()) {
      if (matcher.matches(p)) {
        return true;
      }
    }
    return false;
  }
}
