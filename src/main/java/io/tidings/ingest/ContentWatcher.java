package io.tidings.ingest;

import io.tidings.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices changes to the content tree, by native file events or by polling ({@link WatchMode}),
 * and tells its {@link Listener} which paths changed or that the tree needs a walk. Keeps the
 * watch on the directory at the content path: a directory renamed over it, or deleted and made
 * again, is watched anew; a missing one is looked for until it returns. Its timers run on the
 * ingest thread, and so does everything but {@link Listener#changed}.
 */
final class ContentWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

  /** Who is told. */
  interface Listener {
    /** A path changed (any thread): {@code written} in place, or else made, moved or deleted. */
    void changed(Path path, boolean written);

    /** The tree needs a walk (ingest thread); {@code reason} is null for a routine poll. */
    void rescan(String reason);

    /** How many articles are served, for the log line when the directory goes. */
    int served();
  }

  private final Config.Content config;
  private final Path root;
  private final ContentFilter filter;
  private final ScheduledExecutorService thread;
  private final Listener listener;
  private final UnaryOperator<NativeWatcher.Events> events;
  private final long pollMillis;
  /** How long {@link #fence()} waits before the files it vouches for wait to settle instead. */
  private static final long FENCE_TIMEOUT_MILLIS = 250;

  private volatile NativeWatcher watcher;
  /**
   * The identity (device and inode) of the directory that the native watch was set on: a
   * directory renamed over the content directory's path takes the path but not the watch.
   */
  private Object watchedRoot;
  /** The mode in effect; null before {@link #start()}. */
  private volatile WatchMode mode;
  private volatile String note;
  private volatile boolean missing;

  /** @param events what the native watcher's reports pass through on their way (tests drop some) */
  ContentWatcher(Config.Content config, ContentFilter filter, ScheduledExecutorService thread,
      Listener listener, UnaryOperator<NativeWatcher.Events> events) {
    this.config = config;
    this.root = config.dir().toAbsolutePath().normalize();
    this.pollMillis = config.pollInterval().toMillis();
    this.filter = filter;
    this.thread = thread;
    this.listener = listener;
    this.events = events;
  }

  /** Starts watching in the configured mode; falls back to polling unless native is required. */
  void start() {
    WatchMode configured = WatchMode.of(config.watch());
    if (configured != WatchMode.POLL) {
      try {
        NativeWatcher w = watchRoot();
        mode = WatchMode.NATIVE;
        LOG.info("watching {} folders of {} for changes (native file events)",
            w.folderCount(), root);
        every(pollMillis, this::checkRootIdentity);
        if (!config.rescanInterval().isZero()) {
          every(config.rescanInterval().toMillis(), () -> listener.rescan(
              "periodic safety-net rescan"));
        }
        return;
      } catch (IOException e) {
        if (configured == WatchMode.NATIVE) {
          throw new IllegalStateException("content.watch is native but file events are not"
              + " available: " + e.getMessage() + " (raise fs.inotify.max_user_watches, or set"
              + " content.watch: poll)");
        }
        note = "native file events not available (" + e.getMessage()
            + "); polling instead. Raise fs.inotify.max_user_watches to get native events";
        LOG.warn(note);
      }
    }
    poll();
    LOG.info("polling {} for changes every {} ms", root, pollMillis);
  }

  private void poll() {
    mode = WatchMode.POLL;
    every(pollMillis, () -> listener.rescan(null));
  }

  private void every(long millis, Runnable task) {
    thread.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** The mode in effect ({@code native}, {@code poll}), {@code none} before the start. */
  String mode() {
    WatchMode m = mode;
    return m == null ? "none" : m.label();
  }

  /** Why the mode differs from the one configured, or null. */
  String note() {
    return note;
  }

  /**
   * Waits until every file event the kernel queued before the call has been told to the
   * listener (native mode). False when that cannot be told: polling, or no answer in time.
   * Blocks for the round trip of one event (well under a millisecond on a quiet system).
   */
  boolean fence() {
    NativeWatcher w = watcher;
    return mode == WatchMode.NATIVE && w != null && !missing && w.fence(FENCE_TIMEOUT_MILLIS);
  }

  /** Whether the content directory is gone right now. */
  boolean isMissing() {
    return missing;
  }

  /** Before a walk: a directory that came back is watched first (a file made meanwhile is then not missed). */
  void beforeWalk() {
    if (missing && mode == WatchMode.NATIVE && Files.isDirectory(root)) {
      restart();
    }
  }

  /**
   * After a walk that could list the content directory: the reason to log for the walk, which
   * is {@code reason}, or that the directory came back (null: a routine poll, not logged).
   */
  String found(String reason) {
    if (!missing) {
      return reason;
    }
    missing = false;
    LOG.info("content directory {} is back: rescanning", root);
    return reason == null ? "content directory returned" : reason;
  }

  /** The content directory is gone: serve the last snapshot and look for it to come back. */
  void rootMissing() {
    if (missing) {
      return;
    }
    missing = true;
    LOG.error("content directory {} is gone; still serving the last snapshot ({} articles)"
        + " and checking every {} ms for it to come back", root, listener.served(), pollMillis);
    if (mode == WatchMode.NATIVE) {
      thread.schedule(this::lookForRoot, pollMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** Native mode, while the directory is gone (polling walks anyway). */
  private void lookForRoot() {
    if (Files.isDirectory(root)) {
      listener.rescan(null);
    }
    if (missing && mode == WatchMode.NATIVE) {
      thread.schedule(this::lookForRoot, pollMillis, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The content directory's own watch ended: it was deleted, and may already be back (`rm -rf
   * dir && mkdir dir` leaves no gap to notice). A directory that is there now is a new one
   * whose folders nobody watches yet: watch it, then walk it.
   */
  private void rootWatchEnded() {
    if (mode == WatchMode.NATIVE && !missing && Files.isDirectory(root)) {
      restart();
    }
    listener.rescan("content directory's watch ended");
  }

  /**
   * Native mode, every {@code content.pollInterval}: whether the directory at the content
   * path is still the one watched. Events say when the watched directory is deleted, but not
   * when it is renamed away and another renamed into its place ({@code mv content old && mv
   * next content}, or a symbolic link at the path pointed elsewhere): the watch would follow
   * the old tree. A new directory there is watched and read as a whole.
   */
  private void checkRootIdentity() {
    if (mode != WatchMode.NATIVE || missing) {
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
      restart();
      listener.rescan("content directory replaced");
    }
  }

  /**
   * Sets a native watch on the content directory and every folder below it, and notes which
   * directory that is (read first: a swap meanwhile is then seen by the next check).
   */
  private NativeWatcher watchRoot() throws IOException {
    NativeWatcher w = new NativeWatcher(root, filter, events.apply(new Reports()));
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
    return Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
  }

  private void restart() {
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
      note = "native watch lost: " + e.getMessage();
      poll();
    }
  }

  /** The native watcher's reports, from its thread; each only queues work. */
  private final class Reports implements NativeWatcher.Events {
    @Override
    public void changed(Path path, boolean written) {
      listener.changed(path, written);
    }

    @Override
    public void overflow() {
      thread.execute(() -> listener.rescan("file events overflowed"));
    }

    @Override
    public void rootLost() {
      thread.execute(ContentWatcher.this::rootWatchEnded);
    }
  }

  @Override
  public void close() {
    NativeWatcher w = watcher;
    if (w != null) {
      w.close();
    }
  }
}
