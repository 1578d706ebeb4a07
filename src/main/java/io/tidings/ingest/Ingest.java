package io.tidings.ingest;

import io.tidings.article.ArticleParser;
import io.tidings.article.ParseError;
import io.tidings.article.Parsed;
import io.tidings.article.Printable;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the catalog equal to the content directory: a full scan at start, then file events
 * (or polling), debounced into batches that each make one snapshot. All catalog writes happen
 * on one thread, {@code tidings-ingest}; parsing fans out to {@code tidings-parse-*} threads.
 */
public final class Ingest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

  private final Config.Content config;
  private final Path root;
  private final ContentFilter filter;
  private final Catalog catalog;
  private final FileReading reading;
  private final ScheduledExecutorService thread;
  private final ExecutorService parsePool;
  private final Clock clock;

  /** Only touched on the ingest thread. */
  /** Every article file seen, by relative path; only the ingest thread touches it. */
  private TreeMap<String, FileStamp> known = new TreeMap<>();
  private volatile int knownCount;
  private final Map<String, ParseError> reported = new HashMap<>();
  /** Folders that could not be listed, as reported to the catalog; ingest thread only. */
  private final TreeMap<String, String> folderProblems = new TreeMap<>();

  private final Debouncer debouncer;
  private final AtomicLong fileEvents = new AtomicLong();
  private final AtomicLong rescans = new AtomicLong();
  private final AtomicLong parseErrors = new AtomicLong();
  private final List<Consumer<Duration>> buildTimers = new CopyOnWriteArrayList<>();

  private volatile NativeWatcher watcher;
  /**
   * The identity (device and inode) of the directory that the native watch was set on: a
   * directory renamed over the content directory's path takes the path but not the watch, so
   * the path is checked against it. Ingest thread only.
   */
  private volatile Object watchedRoot;
  private volatile String watchMode = "none";
  private volatile String watchNote;
  private volatile boolean ready;
  private volatile boolean directoryMissing;
  private volatile Instant lastChange;
  /** When the ingest thread began its current task (System.nanoTime), 0 while it is idle. */
  private volatile long busySince;
  /**
   * The last sign of progress within a task (a file read, a folder listed): a long scan that
   * moves is busy, not stalled; only a task that stops moving is.
   */
  private volatile long progressAt;
  /** The wake-up that releases the next scheduled article; only the ingest thread touches it. */
  private ScheduledFuture<?> release;
  private Instant releaseAt;

  public Ingest(Config.Content config, ArticleParser parser, Catalog catalog) {
    this.config = config;
    this.root = config.dir().toAbsolutePath().normalize();
    this.filter = new ContentFilter(config.extensions());
    this.catalog = catalog;
    this.clock = catalog.clock();
    int threads = config.parseThreads() > 0 ? config.parseThreads()
        : Runtime.getRuntime().availableProcessors();
    this.thread = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "tidings-ingest")) {
      @Override
      protected void beforeExecute(Thread t, Runnable r) {
        busySince = System.nanoTime();
      }

      @Override
      protected void afterExecute(Runnable r, Throwable t) {
        busySince = 0;
      }
    };
    AtomicLong n = new AtomicLong();
    this.parsePool = Executors.newFixedThreadPool(threads,
        r -> daemon(r, "tidings-parse-" + n.incrementAndGet()));
    this.reading = new FileReading(root, parser, parsePool, this::progress);
    this.debouncer = new Debouncer(config.debounce(), thread, this::flush);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
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
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("content directory " + root + " does not exist"
          + " (set content.dir, TIDINGS_CONTENT_DIR or --content)");
    }
    // Watch first, then walk: a file written during the scan then makes an event (and is read
    // once more after it); the other way round it would be missed until a rescan.
    startWatching();
    TreeWalk.Listing listing;
    try {
      listing = TreeWalk.list(root, root, filter, dir -> progress());
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("content directory " + root + " does not exist"
          + " (set content.dir, TIDINGS_CONTENT_DIR or --content)");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read content directory " + root + ": " + e);
    }
    Map<String, FileStamp> found = listing.files();
    List<FileChange> changes = new ArrayList<>(reading.readAll(found.keySet(), true));
    updateFolders(listing.unlistable(), null, changes);
    Snapshot snapshot = apply(changes, found);
    double seconds = (System.nanoTime() - t0) / 1e9;
    LOG.info("scanned {} in {}: {} articles, {} topics, {} providers{}{}{}{}",
        plural(found.size(), "file"), String.format("%.2fs", seconds), snapshot.size(),
        snapshot.topics().size(), snapshot.providers().size(),
        snapshot.hiddenDrafts() == 0 ? "" : "; " + snapshot.hiddenDrafts()
            + " drafts (published: false) hidden, set content.includeUnpublished: true to show them",
        snapshot.problems().isEmpty() ? "" : "; " + plural(snapshot.problems().size(), "file")
            + " with errors (see /status)",
        snapshot.duplicates().isEmpty() ? "" : "; " + snapshot.duplicates().size()
            + " duplicate identities",
        snapshot.scheduled().count() == 0 ? "" : "; " + plural(snapshot.scheduled().count(),
            "article") + " dated in the future held back until their time (content.hideFuture),"
            + " the next at " + snapshot.scheduled().next());
    ready = true;
    return snapshot;
  }

  private void startWatching() {
    String mode = config.watch();
    if (!mode.equals("poll")) {
      try {
        NativeWatcher w = watchRoot();
        watchMode = "native";
        LOG.info("watching {} folders of {} for changes (native file events)",
            w.folderCount(), root);
        long check = config.pollInterval().toMillis();
        thread.scheduleWithFixedDelay(this::checkRootIdentity, check, check,
            TimeUnit.MILLISECONDS);
        if (!config.rescanInterval().isZero()) {
          long every = config.rescanInterval().toMillis();
          thread.scheduleWithFixedDelay(() -> rescan("periodic safety-net rescan"), every, every,
              TimeUnit.MILLISECONDS);
        }
        return;
      } catch (IOException e) {
        if (mode.equals("native")) {
          throw new IllegalStateException("content.watch is native but file events are not"
              + " available: " + e.getMessage() + " (raise fs.inotify.max_user_watches, or set"
              + " content.watch: poll)");
        }
        watchNote = "native file events not available (" + e.getMessage()
            + "); polling instead. Raise fs.inotify.max_user_watches to get native events";
        LOG.warn(watchNote);
      }
    }
    watchMode = "poll";
    long every = config.pollInterval().toMillis();
    thread.scheduleWithFixedDelay(() -> rescan(null), every, every, TimeUnit.MILLISECONDS);
    LOG.info("polling {} for changes every {} ms", root, every);
  }

  /** Reports from the watcher thread; each only queues work for the ingest thread. */
  private final class WatchEvents implements NativeWatcher.Events {
    @Override
    public void changed(Path path) {
      fileEvents.incrementAndGet();
      enqueue(path);
    }

    @Override
    public void overflow() {
      thread.execute(() -> rescan("file events overflowed"));
    }

    @Override
    public void rootLost() {
      thread.execute(Ingest.this::rootWatchEnded);
    }
  }

  /**
   * For tests: stops file events as a kernel that dropped them would ({@code lose}), or reports
   * an overflow as the watcher does when the kernel's event queue overflowed.
   */
  void simulateLostEvents() {
    NativeWatcher w = watcher;
    if (w != null) {
      w.close();
    }
  }

  void simulateOverflow() {
    new WatchEvents().overflow();
  }

  /** Queues a path for the next debounced batch. Any thread. */
  void enqueue(Path path) {
    debouncer.add(path);
  }

  private void flush(List<Path> paths) {
    if (!Files.isDirectory(root)) {
      rootMissing();
      return;
    }
    TreeMap<String, FileStamp> next = known; // updated in place: no copy per batch
    Set<String> toRead = new java.util.TreeSet<>();
    List<FileChange> changes = new ArrayList<>();
    for (Path path : paths) {
      String rel = TreeWalk.relative(root, path);
      FileStamp stamp;
      if (Files.isDirectory(path) && filter.isFolderPathWatched(rel)) {
        try {
          TreeWalk.Listing inside = TreeWalk.list(root, path, filter, dir -> progress());
          removeUnder(rel, next, changes, inside.files().keySet());
          next.putAll(inside.files());
          toRead.addAll(inside.files().keySet());
          updateFolders(inside.unlistable(), rel, changes);
        } catch (IOException e) {
          removeUnder(rel, next, changes, Set.of());
          updateFolders(Map.of(), rel, changes);
        }
      } else if (filter.isArticlePath(rel) && (stamp = FileStamp.read(path)) != null) {
        next.put(rel, stamp);
        toRead.add(rel);
      } else {
        removeUnder(rel, next, changes, Set.of());
        updateFolders(Map.of(), rel, changes);
      }
    }
    List<FileChange> read = reading.readAll(toRead, false);
    for (FileChange c : read) {
      if (c.parsed().isMissing()) {
        next.remove(c.file());
      }
    }
    changes.addAll(read);
    apply(changes, next);
  }

  /** Queues the removal of {@code rel} and every known file below it, but those in {@code keep}. */
  private void removeUnder(String rel, TreeMap<String, FileStamp> next, List<FileChange> changes,
      Set<String> keep) {
    List<String> gone = new ArrayList<>();
    if (next.containsKey(rel)) {
      gone.add(rel);
    }
    String prefix = rel.isEmpty() ? "" : rel + "/";
    for (String f : next.subMap(prefix, prefix + Character.MAX_VALUE).keySet()) {
      if (!keep.contains(f)) {
        gone.add(f);
      }
    }
    for (String f : gone) {
      next.remove(f);
      changes.add(new FileChange(f, Parsed.missing()));
    }
  }

  /** Walks the whole tree and reads what differs from what is known. Ingest thread only. */
  void rescan(String reason) {
    if (directoryMissing && watchMode.equals("native") && Files.isDirectory(root)) {
      restartWatcher(); // before the walk, as at start
    }
    TreeWalk.Listing listing;
    try {
      listing = TreeWalk.list(root, root, filter, dir -> progress());
    } catch (IOException e) {
      rootMissing(); // only when the content directory itself is gone: a folder's problem is its own
      return;
    }
    Map<String, FileStamp> found = listing.files();
    if (directoryMissing) {
      directoryMissing = false;
      LOG.info("content directory {} is back: rescanning", root);
      reason = reason == null ? "content directory returned" : reason;
    }
    if (reason != null) {
      rescans.incrementAndGet();
      LOG.info("rescanning {}: {}", root, reason);
    }
    List<FileChange> changes = new ArrayList<>();
    Set<String> toRead = new java.util.TreeSet<>();
    for (Map.Entry<String, FileStamp> e : found.entrySet()) {
      // A file that could not be read (permissions) is tried again on every walk: a chmod
      // that makes it readable changes neither its size nor its time.
      if (!e.getValue().equals(known.get(e.getKey())) || isUnreadable(e.getKey())) {
        toRead.add(e.getKey());
      }
    }
    for (String f : known.keySet()) {
      if (!found.containsKey(f)) {
        changes.add(new FileChange(f, Parsed.missing()));
      }
    }
    changes.addAll(reading.readAll(toRead, false));
    updateFolders(listing.unlistable(), null, changes);
    apply(changes, found);
  }

  /**
   * Reports the folders a walk could not list, and clears those it listed again: within
   * {@code under} (a folder's relative path) for a walk of that folder, everywhere for null.
   */
  private void updateFolders(Map<String, String> unlistable, String under,
      List<FileChange> changes) {
    for (java.util.Iterator<Map.Entry<String, String>> it = folderProblems.entrySet().iterator();
        it.hasNext(); ) {
      String rel = it.next().getKey();
      boolean inScope = under == null || under.isEmpty() || rel.equals(under)
          || rel.startsWith(under + "/");
      if (inScope && !unlistable.containsKey(rel)) {
        it.remove();
        changes.add(new FileChange(TreeWalk.folderName(rel), Parsed.missing()));
        LOG.info("{} can be listed again", TreeWalk.folderName(rel));
      }
    }
    unlistable.forEach((rel, why) -> {
      if (!why.equals(folderProblems.put(rel, why))) {
        changes.add(TreeWalk.folderProblem(rel, why));
      }
    });
  }

  /**
   * The content directory's own watch ended: it was deleted, and may already be back (`rm -rf
   * dir && mkdir dir` leaves no gap to notice). A directory that is there now is a new one
   * whose folders nobody watches yet: watch it, then walk it. Ingest thread only.
   */
  private void rootWatchEnded() {
    if (watchMode.equals("native") && !directoryMissing && Files.isDirectory(root)) {
      restartWatcher();
    }
    rescan("content directory's watch ended");
  }

  /**
   * Native mode, every {@code content.pollInterval}: whether the directory at the content
   * path is still the one watched. Events say when the watched directory is deleted, but not
   * when it is renamed away and another renamed into its place ({@code mv content old && mv
   * next content}, or a symbolic link at the path pointed elsewhere): the watch would follow
   * the old tree. A new directory there is watched and read as a whole. Ingest thread only.
   */
  private void checkRootIdentity() {
    if (!watchMode.equals("native") || directoryMissing) {
      return; // a missing directory is looked for by rootMissing's own check
    }
    Object now;
    try {
      now = identity(root);
    } catch (IOException e) {
      return; // gone: its watch ends too, and rootWatchEnded takes it from there
    }
    if (now != null && !now.equals(watchedRoot)) {
      LOG.info("content directory {} is another directory now (renamed over, or a link"
          + " changed): watching the new one", root);
      restartWatcher();
      rescan("content directory replaced");
    }
  }

  /**
   * Sets a native watch on the content directory and every folder below it, and notes which
   * directory that is (read first: a swap meanwhile is then seen by the next check).
   */
  private NativeWatcher watchRoot() throws IOException {
    NativeWatcher w = new NativeWatcher(root, filter, new WatchEvents());
    Object identity;
    try {
      identity = identity(root);
      w.register(root);
    } catch (IOException | RuntimeException e) {
      w.close(); // its watch service, and the watches set so far
      throw e;
    }
    w.start();
    watcher = w;
    watchedRoot = identity;
    return w;
  }

  /** Device and inode of a directory, following links; null where the file system has none. */
  private static Object identity(Path dir) throws IOException {
    return Files.readAttributes(dir, BasicFileAttributes.class)
        .fileKey();
  }

  private void restartWatcher() {
    NativeWatcher old = watcher;
    if (old != null) {
      old.close();
    }
    try {
      watchRoot();
    } catch (IOException e) {
      if (!Files.isDirectory(root)) {
        watcher = null;
        rootMissing(); // gone again meanwhile: watched again when it returns
        return;
      }
      LOG.warn("cannot watch {} again ({}); polling instead", root, e.getMessage());
      watchMode = "poll";
      watchNote = "native watch lost: " + e.getMessage();
      long every = config.pollInterval().toMillis();
      thread.scheduleWithFixedDelay(() -> rescan(null), every, every, TimeUnit.MILLISECONDS);
    }
  }

  private void rootMissing() {
    if (!directoryMissing) {
      directoryMissing = true;
      LOG.error("content directory {} is gone; still serving the last snapshot ({} articles)"
          + " and checking every {} ms for it to come back", root, catalog.current().size(),
          config.pollInterval().toMillis());
      if (watchMode.equals("native")) {
        long every = config.pollInterval().toMillis();
        thread.schedule(new Runnable() {
          @Override
          public void run() {
            if (Files.isDirectory(root)) {
              rescan(null);
            }
            if (directoryMissing && watchMode.equals("native")) {
              thread.schedule(this, every, TimeUnit.MILLISECONDS);
            }
          }
        }, every, TimeUnit.MILLISECONDS);
      }
    }
  }

  private Snapshot apply(List<FileChange> changes, Map<String, FileStamp> stamps) {
    known = stamps instanceof TreeMap<String, FileStamp> t ? t : new TreeMap<>(stamps);
    knownCount = known.size();
    for (FileChange c : changes) {
      logProblem(c);
    }
    Snapshot before = catalog.current();
    long t0 = System.nanoTime();
    Snapshot after = catalog.apply(changes);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    buildTimers.forEach(t -> t.accept(took));
    if (after != before) {
      lastChange = clock.instant();
      if (ready) {
        LOG.info("{} changed: {} articles now, version {}", plural(changes.size(), "file"),
            after.size(), after.versionHex());
      }
    }
    scheduleRelease();
    return after;
  }

  /**
   * Longest sleep before the release time is checked again: the executor waits on the
   * monotonic clock, so a wall clock that jumps (NTP, a resumed VM) is caught up within this.
   */
  private static final Duration RELEASE_RECHECK = Duration.ofMinutes(1);

  /**
   * Arms one wake-up, on the ingest thread, for when the soonest scheduled article is due
   * (content.hideFuture); a batch that changes what is due moves it. Ingest thread only.
   */
  private void scheduleRelease() {
    Instant due = catalog.nextDue();
    if (due != null && due.equals(releaseAt) && release != null && !release.isDone()) {
      return;
    }
    if (release != null) {
      release.cancel(false);
      release = null;
    }
    releaseAt = due;
    if (due == null) {
      return;
    }
    Duration wait = Duration.between(clock.instant(), due);
    if (wait.compareTo(RELEASE_RECHECK) > 0) {
      wait = RELEASE_RECHECK;
    }
    // +1 ms: the article is due once now is not before its time, and the timer is in ms.
    long millis = Math.max(0, wait.toMillis()) + 1;
    try {
      release = thread.schedule(this::releaseDue, millis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      release = null; // closing
    }
  }

  /** Publishes the scheduled articles whose time has come, as a change with no file in it. */
  private void releaseDue() {
    release = null;
    releaseAt = null;
    Snapshot before = catalog.current();
    Snapshot after = catalog.apply(List.of());
    if (after != before) {
      lastChange = clock.instant();
      LOG.info("{} reached {} publication time: {} articles now, version {}",
          plural(after.size() - before.size(), "scheduled article"),
          after.size() - before.size() == 1 ? "its" : "their", after.size(), after.versionHex());
    }
    scheduleRelease();
  }

  private boolean isUnreadable(String file) {
    ParseError e = reported.get(file);
    return e != null && e.line() == 0 && (e.reason().startsWith("permission denied")
        || e.reason().startsWith("could not read the file"));
  }

  private void logProblem(FileChange c) {
    ParseError error = c.parsed().error();
    if (error != null) {
      parseErrors.incrementAndGet();
    }
    if (error == null) {
      if (reported.remove(c.file()) != null && !c.parsed().isMissing()) {
        LOG.info("{} parses again", Printable.escape(c.file()));
      } else if (c.parsed().isMissing()) {
        reported.remove(c.file());
      }
      return;
    }
    if (!error.equals(reported.put(c.file(), error))) {
      LOG.warn("{}", error); // ParseError escapes its file name and reason
    }
  }

  private void progress() {
    progressAt = System.nanoTime();
  }

  public IngestStatus status() {
    long since = busySince;
    long moved = progressAt;
    long from = since == 0 ? 0 : (moved - since > 0 ? moved : since);
    Duration busy = since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - from);
    return new IngestStatus(watchMode, watchNote, ready, directoryMissing, lastChange,
        knownCount, rescans.get(), fileEvents.get(), parseErrors.get(), busy,
        config.stallTimeout());
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
    NativeWatcher w = watcher;
    if (w != null) {
      w.close();
    }
    thread.shutdownNow();
    parsePool.shutdownNow();
  }

  static String plural(long n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }
}
