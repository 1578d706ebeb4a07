package io.tidings.ingest;

import io.tidings.article.ArticleParser;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
import java.util.concurrent.TimeUnit;
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
  private final Settling settling;
  private final ReleaseTimer release;
  /** The restart cache, or null when content.cacheDir is empty. */
  private final CacheKeeper cache;

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
  /** Files of the first scan taken from the restart cache instead of read. */
  private volatile int fromCache;
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
    this.settling = new Settling(root, Settling.settleTime(config.debounce()));
    this.watcher = new ContentWatcher(config, filter, thread, new ContentWatcher.Listener() {
      @Override
      public void changed(Path path, boolean written) {
        fileEvents.incrementAndGet();
        settling.event(path, written);
        debouncer.add(path, !written && Files.exists(path, LinkOption.NOFOLLOW_LINKS));
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
    this.cache = config.cacheEnabled() ? new CacheKeeper(new ParseCache(
        ParseCache.fileFor(config.cacheDir().toAbsolutePath(), root), root, parser.maxFileSize()),
        thread, () -> known, catalog) : null;
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
    // The restart cache is read while the tree is walked: both are mostly waiting on the disk.
    CompletableFuture<Map<String, ParseCache.Entry>> cached = cache == null
        ? CompletableFuture.completedFuture(Map.of())
        : CompletableFuture.supplyAsync(() -> cache.load(parsePool.executor(),
            Runtime.getRuntime().availableProcessors() - 1), parsePool.executor());
    TreeWalk.Listing listing;
    try {
      listing = walk(root);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(missing);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read content directory " + root + ": " + e);
    }
    Map<String, ParseCache.Entry> fromDisk = cached.join();
    CacheKeeper.FirstScan first = CacheKeeper.readAll(listing.files(), fromDisk, reading,
        cache != null);
    fromCache = first.fromCache();
    List<FileChange> changes = first.changes();
    folders.update(listing.unlistable(), null, changes);
    Snapshot snapshot = apply(changes, listing.files());
    LOG.info(ScanSummary.line(listing.files().size(), System.nanoTime() - t0, snapshot));
    ready = true;
    if (cache != null && (first.fromCache() != fromDisk.size()
        || first.fromCache() != listing.files().size())) {
      cache.saveNow();
    } else if (cache != null) {
      cache.upToDate(); // the cache on disk already says exactly this
    }
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
    Map<String, FileStamp> before = new java.util.HashMap<>();
    java.util.Set<String> own = new java.util.HashSet<>(); // files their own event brought
    java.util.Set<FileStamp> left = new java.util.HashSet<>(); // what may have moved elsewhere
    for (TreeDiff.Seen s : seen) {
      if (s instanceof TreeDiff.File f) {
        own.add(f.path());
        before.put(f.path(), known.get(f.path()));
      } else {
        if (s instanceof TreeDiff.Folder f) {
          f.listing().files().keySet().forEach(file -> before.put(file, known.get(file)));
        }
        String prefix = s.path().isEmpty() ? "" : s.path() + "/";
        FileStamp itself = known.get(s.path());
        if (itself != null) {
          left.add(itself);
        }
        left.addAll(known.subMap(prefix, prefix + Character.MAX_VALUE).values());
      }
    }
    TreeDiff.Changes diff = TreeDiff.batch(known, seen); // updates known in place: no copy
    List<FileChange> changes = diff.removals();
    diff.gone().forEach(settling::forget);
    folders.update(diff.folderScans(), changes);
    List<FileChange> read = reading.readAll(diff.toRead(), false);
    TreeDiff.forgetMissing(known, read);
    boolean fenced = !own.isEmpty() && watcher.fence();
    changes.addAll(settled(read, known, before, left, rel -> fenced && own.contains(rel)));
    apply(changes, known);
  }

  /**
   * What of {@code read} may be applied (see {@link Settling}). A file that must wait keeps its
   * stamp from before in {@code stamps}, so that a rescan meanwhile reads it again too, and is
   * looked at again once it may have settled.
   */
  private List<FileChange> settled(List<FileChange> read, Map<String, FileStamp> stamps,
      Map<String, FileStamp> before, java.util.Set<FileStamp> left,
      java.util.function.Predicate<String> arrived) {
    Settling.Sorted sorted = settling.sort(read, stamps, left, arrived);
    if (sorted.laterNanos().isEmpty()) {
      return sorted.settled();
    }
    long wait = 0;
    List<Path> again = new ArrayList<>(sorted.laterNanos().size());
    for (Map.Entry<String, Long> e : sorted.laterNanos().entrySet()) {
      FileStamp old = before.get(e.getKey());
      if (old == null) {
        stamps.remove(e.getKey());
      } else {
        stamps.put(e.getKey(), old);
      }
      again.add(root.resolve(e.getKey()));
      wait = Math.max(wait, e.getValue());
    }
    thread.schedule(() -> again.forEach(p -> debouncer.add(p, true)), wait,
        TimeUnit.NANOSECONDS);
    return sorted.settled();
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
    diff.gone().forEach(settling::forget);
    Map<String, FileStamp> found = listing.files();
    java.util.Set<FileStamp> left = new java.util.HashSet<>();
    diff.gone().forEach(f -> left.add(known.get(f)));
    changes.addAll(settled(reading.readAll(diff.toRead(), false), found, known, left,
        rel -> false));
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
    if (cache != null && !changes.isEmpty() && ready) {
      cache.changed();
    }
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

  /** How many files of the first scan came from the restart cache (tests, benchmarks). */
  public int filesFromCache() {
    return fromCache;
  }

  /** Restart cache writes finished so far, written or failed (tests). */
  int cacheWrites() {
    return cache == null ? 0 : cache.writes();
  }

  @Override
  public void close() {
    watcher.close();
    if (cache != null) {
      cache.close();
    }
    thread.shutdownNow();
    parsePool.close();
  }

  static String plural(long n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }
}
