package io.tidings.ingest;

import io.tidings.catalog.FileChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Tells a file that is complete from one still being written, so that a half-written file
 * never replaces the last good version of an article nor shows as a truncated one.
 *
 * <p>A read counts only when the file's size and modification time are the same after the
 * read as before it, and the file is one of these:
 * <ul>
 *   <li>moved or linked into place: its only file event since it appeared was its arrival,
 *       never a write (a rename is atomic: its content is complete). The native watcher's
 *       fence makes sure that no write event was still on its way;
 *   <li>settled: not modified for the settle time, by its modification time or by our own
 *       looks at it (size and time unchanged that long).
 * </ul>
 * Any other read is dropped, its problems too, and the file is looked at again when it may
 * have settled. Ingest thread, but {@link #event}.
 */
final class Settling {
  /** One look at a file that was not yet settled. */
  private record Look(FileStamp stamp, long sinceNanos) {}

  /** What {@link #sort} keeps and what it puts off. */
  record Sorted(List<FileChange> settled, Map<String, Long> laterNanos) {}

  private final Path root;
  private final long settleNanos;
  /** Files written to in place since they appeared (absolute paths); any thread. */
  private final Set<Path> written = ConcurrentHashMap.newKeySet();
  /** Files put off, by relative path. */
  private final Map<String, Look> waiting = new HashMap<>();

  Settling(Path root, Duration settle) {
    this.root = root;
    this.settleNanos = settle.toNanos();
  }

  /** The settle time: {@code max(5 x debounce, 500 ms)}. */
  static Duration settleTime(Duration debounce) {
    return Duration.ofNanos(Math.max(debounce.toNanos() * 5, Duration.ofMillis(500).toNanos()));
  }

  /** A file event (watcher thread): a write marks the file, an arrival or a deletion clears it. */
  void event(Path path, boolean write) {
    if (write) {
      written.add(path);
    } else {
      written.remove(path);
    }
  }

  /**
   * Splits what was read into what may be applied and what must wait.
   *
   * @param read the files read, as read
   * @param before each file's stamp as seen before the read
   * @param left the stamps of the files that left the tree in the same batch: a file with one of
   *     them was moved within the tree, and is as complete as it was where it was
   * @param arrived the files that may count as moved into place (their own file event brought
   *     them, and the watcher's fence passed after the read); the rest must settle
   */
  Sorted sort(List<FileChange> read, Map<String, FileStamp> before, Set<FileStamp> left,
      Predicate<String> arrived) {
    List<FileChange> settled = new ArrayList<>(read.size());
    Map<String, Long> later = new LinkedHashMap<>();
    long now = System.nanoTime();
    long wallNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    for (FileChange c : read) {
      String rel = c.file();
      FileStamp after = FileStamp.read(root.resolve(rel));
      Long wait = c.parsed().isMissing() || after == null ? null
          : waitFor(rel, before.get(rel), after, arrived.test(rel), left.contains(after), now,
              wallNanos);
      if (wait == null) {
        waiting.remove(rel);
        settled.add(c);
      } else {
        later.put(rel, wait);
      }
    }
    return new Sorted(settled, later);
  }

  /** Null when the read counts, else how long to wait before the next look. */
  private Long waitFor(String rel, FileStamp before, FileStamp after, boolean arrived,
      boolean moved, long now, long wallNanos) {
    if (!after.equals(before)) {
      waiting.put(rel, new Look(after, now)); // changed while it was read
      return settleNanos;
    }
    if (moved || arrived && after.size() > 0 && !written.contains(root.resolve(rel))) {
      return null; // moved within the tree, or moved into place
    }
    long age = wallNanos - after.modifiedNanos();
    if (age >= settleNanos) {
      return null;
    }
    Look look = waiting.get(rel);
    if (look == null || !look.stamp().equals(after)) {
      look = new Look(after, now);
      waiting.put(rel, look);
    }
    long quiet = now - look.sinceNanos();
    if (quiet >= settleNanos) {
      return null;
    }
    // The sooner of: our own quiet period, the file's time (a clock ahead of the file system's
    // would otherwise make every file wait the whole period).
    return Math.max(1_000_000L, Math.min(settleNanos - quiet, age < 0 ? settleNanos
        : settleNanos - age));
  }

  /** A file that is gone needs no more looks. */
  void forget(String rel) {
    waiting.remove(rel);
  }

  /** How many files wait to settle. */
  int waiting() {
    return waiting.size();
  }
}
