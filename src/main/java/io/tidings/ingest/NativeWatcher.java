package io.tidings.ingest;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.tidings.article.Printable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File events of the whole tree through {@link WatchService} (inotify on Linux), one watch per
 * folder. Runs its own daemon thread; it only reports paths, the ingest thread does the rest.
 */
final class NativeWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NativeWatcher.class);

  /** What the watcher reports. */
  interface Events {
    /**
     * A path was created, moved in, deleted or moved away ({@code written} false), or written
     * to in place ({@code written} true).
     */
    void changed(Path path, boolean written);

    void overflow();

    void rootLost();
  }

  private final Path root;
  private final ContentFilter filter;
  private final Events events;
  private final WatchService service;
  /** Our own key-to-folder map: a moved folder keeps its key, but not its old path. */
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private final Thread thread;
  /** Our own folder, whose files are fences in the kernel's event queue; null: no fences. */
  private final Path fenceDir;
  private final WatchKey fenceKey;
  private final AtomicLong fencesAsked = new AtomicLong();
  private final Object fenceLock = new Object();
  private long fencesPassed; // under fenceLock

  NativeWatcher(Path root, ContentFilter filter, Events events) throws IOException {
    this.root = root;
    this.filter = filter;
    this.events = events;
    this.service = root.getFileSystem().newWatchService();
    this.thread = new Thread(this::run, "tidings-watch");
    this.thread.setDaemon(true);
    Path dir = null;
    WatchKey key = null;
    try {
      dir = Files.createTempDirectory("tidings-fence-");
      key = dir.register(service, ENTRY_CREATE);
      dir.toFile().deleteOnExit();
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("no event fences ({}): files written in place and files moved in both wait"
          + " to settle", e.toString());
      deleteQuietly(dir);
      dir = null;
    }
    this.fenceDir = dir;
    this.fenceKey = key;
  }

  /**
   * Waits until every event the kernel queued before this call has been reported: makes a
   * file in a folder of our own, whose event comes after theirs in the same queue. False when
   * that cannot be told within {@code timeoutMillis} (or there is no fence folder). Any thread
   * but the watcher's.
   */
  boolean fence(long timeoutMillis) {
    if (fenceDir == null) {
      return false;
    }
    long n = fencesAsked.incrementAndGet();
    Path marker = fenceDir.resolve(Long.toString(n));
    try {
      Files.createFile(marker);
      Files.delete(marker);
    } catch (IOException e) {
      return false;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (fenceLock) {
      while (fencesPassed < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(fenceLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Watches every folder under {@code dir}; throws when the system's watch limit is reached. */
  void register(Path dir) throws IOException {
    try {
      TreeWalk.walk(root, dir, filter, folder -> {
        try {
          watch(folder);
        } catch (java.nio.file.AccessDeniedException | java.nio.file.NoSuchFileException e) {
          // That folder's problem (the walk reports a folder it cannot list), not the watch's.
          LOG.debug("not watching {}: {}", folder, e.toString());
        } catch (IOException e) {
          throw new WatchLimitException(e);
        }
      });
    } catch (WatchLimitException e) {
      throw e.cause;
    }
  }

  private void watch(Path folder) throws IOException {
    WatchKey key = folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
    folders.put(key, folder);
  }

  void start() {
    thread.start();
  }

  int folderCount() {
    return folders.size();
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = service.take();
        if (key == fenceKey) {
          passFences(key);
          continue;
        }
        Path folder = folders.get(key);
        report(folder, key.pollEvents());
        if (!key.reset()) {
          folders.remove(key);
          if (root.equals(folder)) {
            events.rootLost();
          }
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  private void report(Path folder, List<WatchEvent<?>> list) {
    for (WatchEvent<?> event : list) {
      if (event.kind() == OVERFLOW) {
        events.overflow();
        continue;
      }
      if (folder == null) {
        continue;
      }
      Path child = folder.resolve((Path) event.context());
      if (event.kind() == ENTRY_DELETE) {
        forget(child);
      } else if (Files.isDirectory(child)
          && filter.isFolderWatched(child.getFileName().toString())
          && (event.kind() == ENTRY_CREATE || !folders.containsValue(child))) {
        // New, or one that could not be watched before (made listable by a chmod).
        try {
          register(child);
        } catch (IOException e) {
          LOG.warn("cannot watch new folder {}: {}; a rescan will pick up its files",
              Printable.escape(TreeWalk.relative(root, child)),
              Printable.escape(e.getMessage()));
          events.overflow();
        }
      }
      events.changed(child, event.kind() == ENTRY_MODIFY);
    }
  }

  /**
   * A fence came through: every event queued before it is in its folder's key by now (the
   * kernel's queue is read in order), maybe not yet handed to this thread. Report them all,
   * then let the fences' callers go on.
   */
  private void passFences(WatchKey key) {
    long max = 0;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        events.overflow();
        max = fencesAsked.get(); // lost names: what was asked so far is past anyway
      } else if (event.context() instanceof Path p) {
        try {
          max = Math.max(max, Long.parseLong(p.toString()));
        } catch (NumberFormatException e) {
          // not one of ours
        }
      }
    }
    key.reset();
    for (Map.Entry<WatchKey, Path> e : folders.entrySet()) {
      report(e.getValue(), e.getKey().pollEvents());
    }
    synchronized (fenceLock) {
      fencesPassed = Math.max(fencesPassed, max);
      fenceLock.notifyAll();
    }
  }

  /** Stops watching a folder that left the tree (deleted or moved away), and all below it. */
  private void forget(Path gone) {
    for (Iterator<Map.Entry<WatchKey, Path>> it = folders.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<WatchKey, Path> e = it.next();
      if (e.getValue().startsWith(gone) && !e.getValue().equals(root)) {
        e.getKey().cancel();
        it.remove();
      }
    }
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      LOG.debug("closing the watch service: {}", e.toString());
    }
    thread.interrupt();
    deleteQuietly(fenceDir);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.debug("cannot delete {}: {}", dir, e.toString());
    }
  }

  /** Carries a registration failure out of the walk's callback. */
  private static final class WatchLimitException extends RuntimeException {
    final IOException cause;

    WatchLimitException(IOException cause) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
    }
  }
}
