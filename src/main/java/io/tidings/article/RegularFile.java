package io.tidings.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Opens an article file without ever waiting for a writer. Opening a named pipe (FIFO) for
 * reading waits in {@code open(2)} until something opens it for writing, and Java has no
 * {@code O_NONBLOCK}: a pipe renamed over an article file would hold the reading thread
 * forever. So the type is checked first (a pipe, socket or device is refused at once), and
 * for a pipe that takes the file's place between that check and the open, a watchdog opens
 * the pipe for writing after {@link #OPEN_TIMEOUT}, which lets the blocked open return; the
 * read then fails as "not a regular file". (Where the server's user may not write the pipe
 * the open stays blocked; {@code /health} then reports the stalled ingest.)
 */
final class RegularFile {
  static final long OPEN_TIMEOUT_MILLIS = 1_000;

  /**
   * The opens under way. One watchdog thread looks at them every {@link #TICK_NANOS} while there
   * are any and sleeps while there are none: an open costs a map entry, not a timer task.
   */
  private static final Set<Pending> PENDING = ConcurrentHashMap.newKeySet();
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static volatile boolean idle;
  private static final Thread WATCHDOG = watchdog();

  /** One open under way: the file, since when, whether it returned, whether it was rescued. */
  private static final class Pending {
    final Path file;
    final long since = System.nanoTime();
    final AtomicBoolean opened = new AtomicBoolean();
    final AtomicBoolean rescued = new AtomicBoolean();
    boolean looked; // watchdog thread only

    Pending(Path file) {
      this.file = file;
    }
  }

  private static Thread watchdog() {
    Thread t = new Thread(RegularFile::watch, "tidings-open-watchdog");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void watch() {
    long timeout = TimeUnit.MILLISECONDS.toNanos(OPEN_TIMEOUT_MILLIS);
    while (true) {
      if (PENDING.isEmpty()) {
        idle = true; // then look again: an open that came meanwhile has seen idle, or is seen
        if (PENDING.isEmpty()) {
          LockSupport.park();
        }
        idle = false;
        continue;
      }
      LockSupport.parkNanos(TICK_NANOS);
      long now = System.nanoTime();
      for (Pending p : PENDING) {
        if (!p.looked && now - p.since >= timeout) {
          p.looked = true;
          rescue(p.file, p.opened, p.rescued);
        }
      }
    }
  }

  private RegularFile() {}

  /** Thrown for a path that is not a regular file (following links, as the walk does). */
  static final class NotRegularException extends IOException {
    NotRegularException(String kind) {
      super("not a regular file but " + kind + "; only regular files can be articles", null);
    }
  }

  /** The file's size, or {@link NotRegularException} for anything but a regular file. */
  static long size(Path file) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attrs.isRegularFile()) {
      throw new NotRegularException(kind(attrs));
    }
    return attrs.size();
  }

  private static String kind(BasicFileAttributes attrs) {
    if (attrs.isDirectory()) {
      return "a folder";
    }
    return attrs.isOther() ? "a named pipe, socket or device" : "a special file";
  }

  /** Opens for reading; a pipe that took the file's place is refused within the timeout. */
  static InputStream open(Path file) throws IOException {
    Pending pending = new Pending(file);
    PENDING.add(pending);
    if (idle) {
      LockSupport.unpark(WATCHDOG);
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } finally {
      pending.opened.set(true);
      PENDING.remove(pending);
    }
    if (pending.rescued.get() || !Files.isRegularFile(file)) {
      channel.close();
      throw new NotRegularException("a named pipe, socket or device");
    }
    return Channels.newInputStream(channel);
  }

  /**
   * Releases an open blocked on a pipe by opening the pipe's other end. The write-open itself
   * returns at once while our reader waits; on its own thread, in case the reader left meanwhile.
   */
  private static void rescue(Path file, AtomicBoolean opened, AtomicBoolean rescued) {
    if (opened.get()) {
      return;
    }
    try {
      if (!Files.readAttributes(file, BasicFileAttributes.class).isOther()) {
        return;
      }
    } catch (IOException e) {
      return;
    }
    rescued.set(true);
    Thread t = new Thread(() -> {
      try (FileChannel writer = FileChannel.open(file, StandardOpenOption.WRITE)) {
        // opened and closed: the reader's open returns and reads end of file
      } catch (IOException e) {
        // not ours to write: the reader stays blocked, and /health says the ingest stalled
      }
    }, "tidings-open-rescue");
    t.setDaemon(true);
    t.start();
  }
}
