package io.tidings.ingest;

import io.tidings.article.Printable;
import io.tidings.article.Parsed;
import io.tidings.catalog.FileChange;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders that could not be listed, as reported to the catalog (a problem each): a walk
 * reports the ones it could not list and clears the ones it listed again. Ingest thread only.
 */
final class FolderProblems {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

  /** Relative folder path to why it could not be listed. */
  private final TreeMap<String, String> reported = new TreeMap<>();

  /**
   * Adds to {@code changes} what a walk within {@code under} (a folder's relative path; null for
   * the whole tree) says about folders: the new problems, and the problems gone.
   */
  void update(Map<String, String> unlistable, String under, List<FileChange> changes) {
    for (Iterator<Map.Entry<String, String>> it = reported.entrySet().iterator(); it.hasNext(); ) {
      String rel = it.next().getKey();
      boolean inScope = under == null || under.isEmpty() || rel.equals(under)
          || rel.startsWith(under + "/");
      if (inScope && !unlistable.containsKey(rel)) {
        it.remove();
        changes.add(new FileChange(TreeWalk.folderName(rel), Parsed.missing()));
        LOG.info("{} can be listed again", Printable.escape(TreeWalk.folderName(rel)));
      }
    }
    unlistable.forEach((rel, why) -> {
      if (!why.equals(reported.put(rel, why))) {
        changes.add(TreeWalk.folderProblem(rel, why));
      }
    });
  }

  /** The folder scans of one diff, in order. */
  void update(List<TreeDiff.FolderScan> scans, List<FileChange> changes) {
    for (TreeDiff.FolderScan scan : scans) {
      update(scan.unlistable(), scan.folder(), changes);
    }
  }
}
