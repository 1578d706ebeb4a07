package io.tidings.ingest;

import io.tidings.article.ParseError;
import io.tidings.article.Parsed;
import io.tidings.catalog.FileChange;
import io.tidings.article.Printable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One walk of (part of) the content tree: every article file with its stamp, by relative path.
 * Follows symbolic links and stops at loops; a folder it cannot open or list is reported and
 * skipped, and the walk goes on.
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
   * One walk's findings.
   *
   * @param files every article file, by relative path
   * @param unlistable folders that could not be opened or listed, by relative path, with why;
   *     nothing below them is in {@code files} (a part of a listing is no listing)
   */
  record Listing(Map<String, FileStamp> files, Map<String, String> unlistable) {}

  /**
   * @param onFolder called with every folder walked (for the watcher to register)
   * @throws NoSuchFileException when {@code start} is gone
   */
  static Map<String, FileStamp> walk(Path root, Path start, ContentFilter filter,
      Consumer<Path> onFolder) throws IOException {
    return list(root, start, filter, onFolder).files();
  }

  /**
   * Walks {@code start}. A folder that cannot be opened or listed is that folder's problem: it
   * is reported in {@link Listing#unlistable()} and the rest of the walk goes on.
   *
   * @throws NoSuchFileException when {@code start} is gone
   */
  static Listing list(Path root, Path start, ContentFilter filter, Consumer<Path> onFolder)
      throws IOException {
    TreeMap<String, FileStamp> found = new TreeMap<>();
    Map<String, String> unlistable = new TreeMap<>();
    if (!Files.isDirectory(start)) {
      throw new NoSuchFileException(start.toString());
    }
    if (isLinkBackUp(root, start)) {
      // A walk from the root stops here by itself; a walk from the link (a folder event, a
      // new watch) cannot see the ancestors it loops back to, and would index the tree again.
      warnOnce("symbolic link loop at " + relative(root, start) + ": not followed");
      return new Listing(found, unlistable);
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
            // A pipe, socket or device with an article's name is found too: reading it is an
            // error of its own ("not a regular file"), which keeps its last good version.
            if ((attrs.isRegularFile() || attrs.isOther())
                && filter.isArticleName(file.getFileName().toString())) {
              found.put(relative(root, file), FileStamp.of(attrs));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              warnOnce("symbolic link loop at " + relative(root, file) + ": not followed");
            } else if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            } else if (Files.isDirectory(file) && (file.equals(start)
                || filter.isFolderWatched(file.getFileName().toString()))) {
              unlistable.put(relative(root, file), "cannot open this folder (" + why(e) + ")");
            } else {
              warnOnce("cannot read " + relative(root, file) + ": " + why(e));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
              // Opened, but its listing failed part way: what was found in it is dropped.
              String rel = relative(root, dir);
              if (rel.isEmpty()) {
                found.clear();
              } else {
                found.subMap(rel + "/", rel + "/" + Character.MAX_VALUE).clear();
              }
              unlistable.put(rel, "cannot list this folder (" + why(e) + ")");
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return new Listing(found, unlistable);
  }

  /** What a path of a batch of file events is now: a folder with its listing, a file, or gone. */
  static TreeDiff.Seen look(Path root, Path path, ContentFilter filter, Consumer<Path> onFolder) {
    String rel = relative(root, path);
    FileStamp stamp;
    if (Files.isDirectory(path) && filter.isFolderPathWatched(rel)) {
      try {
        return new TreeDiff.Folder(rel, list(root, path, filter, onFolder));
      } catch (IOException e) {
        return new TreeDiff.Gone(rel);
      }
    } else if (filter.isArticlePath(rel) && (stamp = FileStamp.read(path)) != null) {
      return new TreeDiff.File(rel, stamp);
    }
    return new TreeDiff.Gone(rel);
  }

  /** Why an operation failed, without the absolute path that the exception's text carries. */
  static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getClass().getSimpleName();
  }

  /**
   * The name an unlistable folder's problem goes by in /status and the log, beside the files':
   * its relative path with a trailing {@code /} ({@code ./} for the content directory).
   */
  static String folderName(String rel) {
    return rel.isEmpty() ? "./" : rel + "/";
  }

  /** The folder problems of a listing, as catalog changes (a problem per folder). */
  static List<FileChange> folderProblems(Map<String, String> unlistable) {
    List<FileChange> out = new ArrayList<>();
    unlistable.forEach((rel, why) -> out.add(folderProblem(rel, why)));
    return out;
  }

  static FileChange folderProblem(String rel, String why) {
    String name = folderName(rel);
    return new FileChange(name, Parsed.failed(new ParseError(name, 0, 0,
        why + "; its articles are not served until it can be listed")));
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
