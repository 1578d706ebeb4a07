package io.tidings.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tidings-open-watchdog");
        t.setDaemon(true);
        return t;
      });

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
    AtomicBoolean opened = new AtomicBoolean();
    AtomicBoolean rescued = new AtomicBoolean();
    ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> rescue(file, opened, rescued),
        OPEN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } finally {
      opened.set(true);
      watchdog.cancel(false);
    }
    if (rescued.get() || !Files.isRegularFile(file)) {
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
