package io.tidings.catalog;

import io.tidings.article.Article;
import io.tidings.article.FileWarning;
import io.tidings.article.ParseError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one writer of snapshots. It remembers what every file last said, decides which file wins
 * an identity, and makes each next {@link Snapshot} from the previous one plus a batch of file
 * changes, touching only what the batch touched. Not thread-safe: one ingest thread calls
 * {@link #apply}; any thread may read {@link #current()}.
 *
 * <p>With {@code hideFuture}, an article dated after now is held back (scheduled) from every
 * snapshot until its time comes; {@link #apply} then releases it as an addition, with or
 * without a file change ({@code apply(List.of())} at {@link #nextDue()} is how ingest does it).
 */
public final class Catalog {
  /** Scheduled articles, soonest first; one winner per identity, so (time, id) is unique. */
  private static final Comparator<Article> BY_TIME =
      Comparator.comparing(Article::publishedAt).thenComparing(Article::id);

  private final boolean includeUnpublished;
  private final boolean hideFuture;
  private final Clock clock;
  private final Map<String, FileState> files = new HashMap<>();
  /** Identity to the files that claim it; almost always one. */
  private final Map<String, List<String>> claims = new HashMap<>();
  /** Identity to the article that won it (visible or a hidden draft). */
  private final Map<String, Article> winners = new HashMap<>();
  private final TreeMap<String, FileProblem> problems = new TreeMap<>();
  private final TreeMap<String, Duplicate> duplicates = new TreeMap<>();
  /** Whether problems or duplicates changed since the last snapshot: else its lists are reused. */
  private boolean problemsChanged;
  private boolean duplicatesChanged;
  private final List<Consumer<SnapshotChange>> listeners = new CopyOnWriteArrayList<>();
  private volatile Snapshot current = Snapshot.EMPTY;
  private int hiddenDrafts;
  /** Winners held back because they are dated after now (hideFuture). */
  private final TreeSet<Article> scheduled = new TreeSet<>(BY_TIME);
  /** Facet spellings of the visible articles, kept change by change. */
  private final SnapshotBuilder.Names names = new SnapshotBuilder.Names();
  /** The file each identity's winner was read from. */
  private final Map<String, String> winnerFiles = new HashMap<>();
  /** The parser's warnings per file (files that have some), and the topics' other spellings. */
  private final TreeMap<String, List<FileWarning>> fileWarnings = new TreeMap<>();
  private final TopicSpellings spellings = new TopicSpellings();
  /** Topic keys to look at again because their article was read from another file. */
  private final Set<String> moved = new HashSet<>();
  private boolean warningsChanged;

  private record FileState(Article article, ParseError error) {}

  /** A catalog that shows every article whatever its date. */
  public Catalog(boolean includeUnpublished) {
    this(includeUnpublished, false, Clock.systemUTC());
  }

  /**
   * @param hideFuture hold back articles dated after {@code clock}'s now until their time
   * @param clock what "now" is, for hideFuture
   */
  public Catalog(boolean includeUnpublished, boolean hideFuture, Clock clock) {
    this.includeUnpublished = includeUnpublished;
    this.hideFuture = hideFuture;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * When the soonest scheduled article is due, or null when none is held back. For the thread
   * that calls {@link #apply}; others read {@code current().scheduled()}.
   */
  public Instant nextDue() {
    return scheduled.isEmpty() ? null : scheduled.first().publishedAt();
  }

  public Snapshot current() {
    return current;
  }

  /** Called once per new snapshot, on the ingest thread, in order. */
  public void onChange(Consumer<SnapshotChange> listener) {
    listeners.add(listener);
  }

  /**
   * Every file whose current content parsed, with its article (not files with an error, whose
   * last good version may still serve), for the restart cache. The thread that calls {@link
   * #apply} only.
   */
  public void forEachParsedFile(java.util.function.BiConsumer<String, Article> action) {
    files.forEach((file, state) -> {
      if (state.error() == null && state.article() != null) {
        action.accept(file, state.article());
      }
    });
  }

  /** The files the catalog knows, for ingest's rescans (relative paths). */
  public Set<String> knownFiles() {
    return Set.copyOf(files.keySet());
  }

  /**
   * Applies one batch, and releases every scheduled article whose time has come (so an empty
   * batch releases only those); announces and returns the next snapshot (the same one if
   * nothing changed).
   */
  public Snapshot apply(List<FileChange> changes) {
    Instant now = clock.instant();
    Set<String> touchedIds = new HashSet<>();
    for (FileChange change : changes) {
      applyFile(change, touchedIds);
    }
    Set<Article> removed = Ordering.identitySet();
    List<Article> added = new ArrayList<>();
    for (String id : touchedIds) {
      Article before = winners.get(id);
      Article after = pickWinner(id);
      if (before == after) {
        continue;
      }
      if (before != null) {
        winners.remove(id);
        if (!scheduled.remove(before)) {
          if (isVisible(before)) {
            removed.add(before);
          } else {
            hiddenDrafts--;
          }
        }
      }
      if (after != null) {
        winners.put(id, after);
        if (!isVisible(after)) {
          hiddenDrafts++;
        } else if (hideFuture && after.publishedAt().isAfter(now)) {
          scheduled.add(after);
        } else {
          added.add(after);
        }
      }
    }
    while (!scheduled.isEmpty() && !scheduled.first().publishedAt().isAfter(now)) {
      added.add(scheduled.pollFirst());
    }
    Snapshot previous = current;
    // Both lists newest first: whoever relays a change (SSE, logs) must not see hash order.
    List<Article> addedInOrder = Ordering.sorted(added);
    Snapshot.Scheduled held = new Snapshot.Scheduled(scheduled.size(), nextDue());
    Snapshot next = SnapshotBuilder.next(previous, removed, addedInOrder, hiddenDrafts, held,
        problemList(previous), duplicateList(previous), names);
    next = withWarnings(next);
    if (removed.isEmpty() && added.isEmpty() && next.hiddenDrafts() == previous.hiddenDrafts()
        && next.scheduled().equals(previous.scheduled())
        && next.problems().equals(previous.problems())
        && next.duplicates().equals(previous.duplicates())
        && next.warnings().equals(previous.warnings())) {
      return previous;
    }
    current = next;
    SnapshotChange change = new SnapshotChange(previous, next,
        List.copyOf(Ordering.sorted(removed)), List.copyOf(addedInOrder));
    for (Consumer<SnapshotChange> listener : listeners) {
      listener.accept(change);
    }
    return next;
  }

  /** {@code next} with the warnings of now: its previous ones when none changed. */
  private Snapshot withWarnings(Snapshot next) {
    Set<String> keys = names.topics().drainTouched();
    keys.addAll(moved);
    moved.clear();
    warningsChanged |= spellings.update(keys, next, names.topics(), a -> winnerFiles.get(a.id()));
    if (!warningsChanged) {
      return next;
    }
    warningsChanged = false;
    List<FileWarning> all = new ArrayList<>();
    fileWarnings.values().forEach(all::addAll);
    spellings.addTo(all);
    all.sort(null);
    return next.withWarnings(List.copyOf(all));
  }

  /**
   * The files whose article is a draft that is not served, in path order (what {@code check
   * --verbose} names).
   */
  public List<String> hiddenDraftFiles() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Article> e : winners.entrySet()) {
      if (!isVisible(e.getValue())) {
        out.add(winnerFiles.get(e.getKey()));
      }
    }
    out.sort(null);
    return out;
  }

  private List<FileProblem> problemList(Snapshot previous) {
    if (!problemsChanged) {
      return previous.problems();
    }
    problemsChanged = false;
    return List.copyOf(problems.values());
  }

  private List<Duplicate> duplicateList(Snapshot previous) {
    if (!duplicatesChanged) {
      return previous.duplicates();
    }
    duplicatesChanged = false;
    return List.copyOf(duplicates.values());
  }

  private boolean isVisible(Article a) {
    return a.published() || includeUnpublished;
  }

  private void applyFile(FileChange change, Set<String> touchedIds) {
    String file = change.file();
    FileState old = files.get(file);
    Article oldArticle = old == null ? null : old.article();
    List<FileWarning> warnings = change.parsed().warnings();
    List<FileWarning> before = warnings.isEmpty() ? fileWarnings.remove(file)
        : fileWarnings.put(file, warnings);
    warningsChanged |= !(before == null ? List.of() : before).equals(warnings);
    if (change.parsed().isMissing()) {
      files.remove(file);
      problemsChanged |= problems.remove(file) != null;
      if (oldArticle != null) {
        unclaim(oldArticle.id(), file);
        touchedIds.add(oldArticle.id());
      }
      return;
    }
    ParseError error = change.parsed().error();
    if (error != null) {
      // The last good version keeps serving, marked stale, until the file parses or goes.
      files.put(file, new FileState(oldArticle, error));
      problems.put(file, new FileProblem(error, oldArticle != null));
      problemsChanged = true;
      return;
    }
    Article article = change.parsed().article();
    problemsChanged |= problems.remove(file) != null;
    files.put(file, new FileState(article, null));
    if (oldArticle != null) {
      touchedIds.add(oldArticle.id());
      if (!oldArticle.id().equals(article.id())) {
        unclaim(oldArticle.id(), file);
      }
    }
    claim(article.id(), file);
    touchedIds.add(article.id());
  }

  /** Paths stay sorted; a second claimant makes the list mutable, so each claim costs O(k). */
  private void claim(String id, String file) {
    List<String> paths = claims.get(id);
    if (paths == null) {
      claims.put(id, List.of(file));
      return;
    }
    int at = java.util.Collections.binarySearch(paths, file);
    if (at >= 0) {
      return;
    }
    List<String> more = paths.size() == 1 ? new ArrayList<>(paths) : paths;
    more.add(-at - 1, file);
    claims.put(id, more);
  }

  private void unclaim(String id, String file) {
    List<String> paths = claims.get(id);
    if (paths == null) {
      return;
    }
    int at = java.util.Collections.binarySearch(paths, file);
    if (at < 0) {
      return;
    }
    if (paths.size() == 1) {
      claims.remove(id);
    } else if (paths.size() == 2) {
      claims.put(id, List.of(paths.get(1 - at)));
    } else {
      paths.remove(at);
    }
  }

  /** docs/format.md: of files with one identity the later-published wins; then the first path. */
  private Article pickWinner(String id) {
    List<String> paths = claims.get(id);
    if (paths == null) {
      duplicatesChanged |= duplicates.remove(id) != null;
      winnerFiles.remove(id);
      return null;
    }
    String bestFile = null;
    Article best = null;
    for (String path : paths) {
      Article a = files.get(path).article();
      if (best == null || a.publishedAt().isAfter(best.publishedAt())) {
        best = a;
        bestFile = path;
      }
    }
    if (paths.size() > 1) {
      List<String> others = new ArrayList<>(paths);
      others.remove(bestFile);
      duplicates.put(id, new Duplicate(id, bestFile, List.copyOf(others)));
      duplicatesChanged = true;
    } else {
      duplicatesChanged |= duplicates.remove(id) != null;
    }
    String fileBefore = winnerFiles.put(id, bestFile);
    if (fileBefore != null && !fileBefore.equals(bestFile)) {
      best.topics().forEach(t -> moved.add(t.key())); // warnings name the file: look again
    }
    Article previous = winners.get(id);
    // Keep the very object when nothing changed, so that unchanged files announce nothing.
    return previous != null && previous.contentHash() == best.contentHash()
        && previous.equals(best) ? previous : best;
  }
}
