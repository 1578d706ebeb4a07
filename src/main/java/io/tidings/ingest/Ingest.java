package io.tidings.ingest;

import io.tidings.article.ArticleParser;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the catalog equal to the content directory: a full scan at start, then file events
 * (or polling), debounced into batches that each make one snapshot. All catalog writes happen
 * on one thread, {@code tidings-ingest}; parsing fans out to {@code tidings-parse-*} threads.
 * This class wires the parts: {@link ContentWatcher} notices, {@link TreeDiff} says what changed,
 * {@link FileReading} reads, {@link ProblemLog} and {@link FolderProblems} report, the catalog
 * applies, and {@link ReleaseTimer} releases scheduled articles.
 */
public final class Ingest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

  private final Path root;
  private final ContentFilter filter;
  private final Catalog catalog;
  private final Duration stallTimeout;

  // The parts, in the order a change goes through them.
  private final IngestThread thread = new IngestThread();
  private final ContentWatcher watcher;
  private final Debouncer debouncer;
  private final ParsePool parsePool;
  private final FileReading reading;
  private final ReleaseTimer release;

  // What ingest remembers between batches.
  /** Every article file seen, by relative path, with its stamp; ingest thread only. */
  private TreeMap<String, FileStamp> known = new TreeMap<>();
  private volatile int knownCount;
  private final ProblemLog problems = new ProblemLog();
  private final FolderProblems folders = new FolderProblems();
  private final WarningLog warnings = new WarningLog();
  private final AtomicLong fileEvents = new AtomicLong();
  private final AtomicLong rescans = new AtomicLong();
  private final List<Consumer<Duration>> buildTimers = new CopyOnWriteArrayList<>();
  private volatile boolean ready;
  private volatile Instant lastChange;

  public Ingest(Config.Content config, ArticleParser parser, Catalog catalog) {
    this(config, parser, catalog, UnaryOperator.identity());
  }

  /** @param events what the native watcher's reports pass through (tests lose some) */
  Ingest(Config.Content config, ArticleParser parser, Catalog catalog,
      UnaryOperator<NativeWatcher.Events> events) {
    this.root = config.dir().toAbsolutePath().normalize();
    this.filter = new ContentFilter(config.extensions());
    this.catalog = catalog;
    this.stallTimeout = config.stallTimeout();
    this.parsePool = new ParsePool(config, "tidings-parse-");
    this.reading = new FileReading(root, parser, parsePool.executor(), thread::progress);
    this.debouncer = new Debouncer(config.debounce(), thread, this::flush);
    this.watcher = new ContentWatcher(config, filter, thread, new ContentWatcher.Listener() {
      @Override
      public void changed(Path path) {
        fileEvents.incrementAndGet();
        debouncer.add(path);
      }

      @Override
      public void rescan(String reason) {
        Ingest.this.rescan(reason);
      }

      @Override
      public int served() {
        return catalog.current().size();
      }
    }, events);
    this.release = new ReleaseTimer(catalog, thread, this::changed);
  }

  public Path root() {
    return root;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Told how long each snapshot took to build (Catalog.apply), on the ingest thread. */
  public void onSnapshotBuilt(Consumer<Duration> timer) {
    buildTimers.add(timer);
  }

  /** Scans the whole tree, publishes the first snapshot, then starts watching. */
  public CompletableFuture<Snapshot> start() {
    return CompletableFuture.supplyAsync(this::initialScan, thread);
  }

  private Snapshot initialScan() {
    long t0 = System.nanoTime();
    String missing = "content directory " + root + " does not exist"
        + " (set content.dir, TIDINGS_CONTENT_DIR or --content)";
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(missing);
    }
    // Watch first, then walk: a file written during the scan then makes an event (and is read
    // once more after it); the other way round it would be missed until a rescan.
    watcher.start();
    TreeWalk.Listing listing;
    try {
      listing = walk(root);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(missing);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read content directory " + root + ": " + e);
    }
    List<FileChange> changes = new ArrayList<>(reading.readAll(listing.files().keySet(), true));
    folders.update(listing.unlistable(), null, changes);
    Snapshot snapshot = apply(changes, listing.files());
    LOG.info(ScanSummary.line(listing.files().size(), System.nanoTime() - t0, snapshot));
    ready = true;
    return snapshot;
  }

  private TreeWalk.Listing walk(Path start) throws IOException {
    return TreeWalk.list(root, start, filter, dir -> thread.progress());
  }

  /** One debounced batch of changed paths; ingest thread. */
  private void flush(List<Path> paths) {
    if (!Files.isDirectory(root)) {
      watcher.rootMissing();
      return;
    }
    List<TreeDiff.Seen> seen = new ArrayList<>(paths.size());
    for (Path path : paths) {
      seen.add(TreeWalk.look(root, path, filter, dir -> thread.progress()));
    }
    TreeDiff.Changes diff = TreeDiff.batch(known, seen); // updates known in place: no copy
    List<FileChange> changes = diff.removals();
    folders.update(diff.folderScans(), changes);
    List<FileChange> read = reading.readAll(diff.toRead(), false);
    TreeDiff.forgetMissing(known, read);
    changes.addAll(read);
    apply(changes, known);
  }

  /** Walks the whole tree and reads what differs from what is known. Ingest thread only. */
  private void rescan(String reason) {
    watcher.beforeWalk();
    TreeWalk.Listing listing;
    try {
      listing = walk(root);
    } catch (IOException e) {
      watcher.rootMissing(); // only the content directory's own absence: a folder's is its own
      return;
    }
    reason = watcher.found(reason);
    if (reason != null) {
      rescans.incrementAndGet();
      LOG.info("rescanning {}: {}", root, reason);
    }
    TreeDiff.Changes diff = TreeDiff.rescan(known, listing.files(), problems::isUnreadable);
    List<FileChange> changes = diff.removals();
    changes.addAll(reading.readAll(diff.toRead(), false));
    folders.update(listing.unlistable(), null, changes);
    apply(changes, listing.files());
  }

  private Snapshot apply(List<FileChange> changes, Map<String, FileStamp> stamps) {
    known = stamps instanceof TreeMap<String, FileStamp> t ? t : new TreeMap<>(stamps);
    knownCount = known.size();
    changes.forEach(problems::record);
    Snapshot before = catalog.current();
    long t0 = System.nanoTime();
    Snapshot after = catalog.apply(changes);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    buildTimers.forEach(t -> t.accept(took));
    warnings.log(before, after);
    if (after != before) {
      changed();
      if (ready) {
        LOG.info("{} changed: {} articles now, version {}", plural(changes.size(), "file"),
            after.size(), after.versionHex());
      }
    }
    release.rearm();
    return after;
  }

  private void changed() {
    lastChange = catalog.clock().instant();
  }

  public IngestStatus status() {
    return new IngestStatus(watcher.mode(), watcher.note(), ready, watcher.isMissing(),
        lastChange, knownCount, rescans.get(), fileEvents.get(), problems.parseErrors(),
        thread.stuckFor(), stallTimeout);
  }

  /** Runs a full rescan now (tests, operators); completes when its snapshot is published. */
  public CompletableFuture<Snapshot> rescanNow() {
    return CompletableFuture.supplyAsync(() -> {
      rescan("requested");
      return catalog.current();
    }, thread);
  }

  @Override
  public void close() {
    watcher.close();
    thread.shutdownNow();
    parsePool.close();
  }

  static String plural(long n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }
}
