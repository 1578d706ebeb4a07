package io.tidings.ingest;

import io.tidings.article.Printable;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One walk of (part of) the content tree: every article file with its stamp, by relative path.
 * Follows symbolic links and stops at loops; a folder it cannot open is reported and skipped.
 */
final class TreeWalk {
  private static final Logger LOG = LoggerFactory.getLogger(TreeWalk.class);

  /** Problems already logged: a poll walks the tree every few seconds and must not repeat them. */
  private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private TreeWalk() {}

  private static void warnOnce(String message) {
    if (WARNED.size() < 10_000 && WARNED.add(message)) {
      LOG.warn(Printable.escape(message)); // it names a file: one line, whatever the name
    }
  }

  /**
   * @param onFolder called with every folder walked (for the watcher to register)
   * @throws NoSuchFileException when {@code start} is gone
   */
  static Map<String, FileStamp> walk(Path root, Path start, ContentFilter filter,
      Consumer<Path> onFolder) throws IOException {
    Map<String, FileStamp> found = new TreeMap<>();
    if (!Files.isDirectory(start)) {
      throw new NoSuchFileException(start.toString());
    }
    if (isLinkBackUp(root, start)) {
      // A walk from the root stops here by itself; a walk from the link (a folder event, a
      // new watch) cannot see the ancestors it loops back to, and would index the tree again.
      warnOnce("symbolic link loop at " + relative(root, start) + ": not followed");
      return found;
    }
    Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(start) && !filter.isFolderWatched(dir.getFileName().toString())) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            onFolder.accept(dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && filter.isArticleName(file.getFileName().toString())) {
              found.put(relative(root, file), FileStamp.of(attrs));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              warnOnce("symbolic link loop at " + relative(root, file) + ": not followed");
            } else if (!(e instanceof NoSuchFileException)) {
              LOG.warn("cannot read {}: {}", Printable.escape(relative(root, file)),
                  Printable.escape(e.toString()));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return found;
  }

  /** Whether {@code dir} leads back to the root or to a folder between it and the root. */
  private static boolean isLinkBackUp(Path root, Path dir) {
    for (Path p = dir.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
      try {
        if (Files.isSameFile(p, dir)) {
          return true;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  /** The path relative to the root with {@code /} separators, the name files go by everywhere. */
  static String relative(Path root, Path file) {
    String rel = root.relativize(file).toString();
    return file.getFileSystem().getSeparator().equals("/") ? rel : rel.replace('\\', '/');
  }
}
