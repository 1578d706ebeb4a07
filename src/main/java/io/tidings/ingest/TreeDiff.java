package io.tidings.ingest;

import io.tidings.article.Parsed;
import io.tidings.catalog.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What changed in the tree, from the stamps known before and what a walk (or a batch of file
 * events) found now: which files are gone and which to read. Pure: no files, no threads.
 */
final class TreeDiff {
  private TreeDiff() {}

  /**
   * One diff's outcome.
   *
   * @param gone files no longer there, in the order found
   * @param toRead files to read (new, changed or tried again), sorted
   * @param folderScans the folders whose listing this diff saw, each with what in it could not
   *     be listed (an empty map when the folder is gone): for the folder problems to follow
   */
  record Changes(List<String> gone, Set<String> toRead, List<FolderScan> folderScans) {
    /** The removals, as catalog changes. */
    List<FileChange> removals() {
      List<FileChange> out = new ArrayList<>(gone.size());
      for (String f : gone) {
        out.add(new FileChange(f, Parsed.missing()));
      }
      return out;
    }
  }

  /** A folder (relative path) listed or found gone, and its subfolders that could not be listed. */
  record FolderScan(String folder, Map<String, String> unlistable) {}

  /** What one path of an event batch turned out to be, looked at after the batch settled. */
  sealed interface Seen {
    String path();
  }

  /** A watched folder, with what a walk of it found. */
  record Folder(String path, TreeWalk.Listing listing) implements Seen {}

  /** An article file with its stamp. */
  record File(String path, FileStamp stamp) implements Seen {}

  /** Nothing that is watched: deleted, moved away, or a file of another kind. */
  record Gone(String path) implements Seen {}

  /**
   * A full walk against the files known. A file in {@code retry} is read even when its stamp is
   * the same (a chmod that makes a file readable changes neither its size nor its time).
   */
  static Changes rescan(Map<String, FileStamp> known, Map<String, FileStamp> found,
      Predicate<String> retry) {
    List<String> gone = new ArrayList<>();
    for (String f : known.keySet()) {
      if (!found.containsKey(f)) {
        gone.add(f);
      }
    }
    Set<String> toRead = new TreeSet<>();
    found.forEach((file, stamp) -> {
      if (!stamp.equals(known.get(file)) || retry.test(file)) {
        toRead.add(file);
      }
    });
    return new Changes(gone, toRead, List.of());
  }

  /**
   * One batch of file events. {@code known} is updated in place (a batch is small, the tree may
   * be large: no copy): it ends with what the batch saw, before its files are read.
   */
  static Changes batch(SortedMap<String, FileStamp> known, List<? extends Seen> batch) {
    List<String> gone = new ArrayList<>();
    Set<String> toRead = new TreeSet<>();
    List<FolderScan> scans = new ArrayList<>();
    for (Seen seen : batch) {
      if (seen instanceof Folder f) {
        Map<String, FileStamp> inside = f.listing().files();
        removeUnder(known, f.path(), inside.keySet(), gone);
        known.putAll(inside);
        toRead.addAll(inside.keySet());
        scans.add(new FolderScan(f.path(), f.listing().unlistable()));
      } else if (seen instanceof File f) {
        known.put(f.path(), f.stamp());
        toRead.add(f.path());
      } else {
        removeUnder(known, seen.path(), Set.of(), gone);
        scans.add(new FolderScan(seen.path(), Map.of()));
      }
    }
    return new Changes(gone, toRead, scans);
  }

  /** Forgets the files that turned out to be gone when they were read. */
  static void forgetMissing(Map<String, FileStamp> known, List<FileChange> read) {
    for (FileChange c : read) {
      if (c.parsed().isMissing()) {
        known.remove(c.file());
      }
    }
  }

  /** Removes {@code rel} and every known file below it, but those in {@code keep}. */
  private static void removeUnder(SortedMap<String, FileStamp> known, String rel,
      Set<String> keep, List<String> gone) {
    List<String> out = new ArrayList<>();
    if (known.containsKey(rel)) {
      out.add(rel);
    }
    String prefix = rel.isEmpty() ? "" : rel + "/";
    for (String f : known.subMap(prefix, prefix + Character.MAX_VALUE).keySet()) {
      if (!keep.contains(f)) {
        out.add(f);
      }
    }
    for (String f : out) {
      known.remove(f);
    }
    gone.addAll(out);
  }
}
