package io.tidings.ingest;

import io.tidings.config.Config;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon threads that parse files ({@code content.parseThreads}, else one per core), for the
 * server's ingest and for {@code tidings check} alike.
 */
final class ParsePool implements AutoCloseable {
  private final ExecutorService executor;
  private final List<Thread> started = new CopyOnWriteArrayList<>();

  /** @param prefix the threads' names, numbered from 1 ({@code tidings-parse-1}, ...) */
  ParsePool(Config.Content config, String prefix) {
    int threads = config.parseThreads() > 0 ? config.parseThreads()
        : Runtime.getRuntime().availableProcessors();
    AtomicLong n = new AtomicLong();
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      started.add(t);
      return t;
    });
  }

  ExecutorService executor() {
    return executor;
  }

  /** Stops the threads without waiting for them. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  /**
   * Stops the threads and waits until they are gone: a command-line run must not end with parse
   * threads still winding down (the pool reports termination while its last workers are still
   * exiting, so they are joined too).
   */
  void closeAndJoin() {
    close();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
      for (Thread t : started) {
        t.join(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
