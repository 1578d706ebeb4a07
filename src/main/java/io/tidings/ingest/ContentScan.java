package io.tidings.ingest;

import io.tidings.article.ArticleParser;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One scan of a content directory, made exactly as the server's first scan makes it (the same
 * walk, filter, parser and catalog rules), and nothing after: no watching, no thread left
 * behind. For {@code tidings check}, which must agree with the server about every file.
 */
public final class ContentScan {

  /**
   * @param files article files the walk found (hidden, editor and other files not counted)
   * @param snapshot what the server would serve, with its drafts, problems, duplicates and
   *     warnings
   * @param drafts the files of the drafts that are not served, in path order
   */
  public record Result(Path root, int files, Snapshot snapshot, List<String> drafts) {}

  private ContentScan() {}

  /**
   * @throws IOException when the directory is gone or not a directory (a folder that cannot be
   *     listed, the content directory included, is an error in the result)
   */
  public static Result run(Config.Content config) throws IOException {
    Path root = config.dir().toAbsolutePath().normalize();
    ContentFilter filter = new ContentFilter(config.extensions());
    TreeWalk.Listing listing = TreeWalk.list(root, root, filter, dir -> { });
    Map<String, FileStamp> found = listing.files();
    ParsePool pool = new ParsePool(config, "tidings-check-");
    try {
      FileReading reading = new FileReading(root, new ArticleParser(config.maxFileSize()),
          pool.executor(), () -> { });
      List<FileChange> changes = new java.util.ArrayList<>(reading.readAll(found.keySet(), false));
      // A folder that cannot be listed is an error of its own, as in the server's /status.
      changes.addAll(TreeWalk.folderProblems(listing.unlistable()));
      // As the server's catalog: future-dated articles held back with content.hideFuture.
      Catalog catalog = new Catalog(config.includeUnpublished(), config.hideFuture(),
          Clock.systemUTC());
      Snapshot snapshot = catalog.apply(changes);
      return new Result(root, found.size(), snapshot, catalog.hiddenDraftFiles());
    } finally {
      pool.closeAndJoin();
    }
  }
}
