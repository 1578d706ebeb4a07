package io.tidings.ingest;

import io.tidings.article.ArticleParser;
import io.tidings.catalog.FileChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and parses a set of files, in parallel when there are many, in a stable order. */
final class FileReading {
  private static final Logger LOG = LoggerFactory.getLogger(FileReading.class);
  /** Below this a batch is parsed on the calling thread: handing it off costs more than it saves. */
  private static final int PARALLEL_FROM = 32;
  private static final int CHUNK = 64;

  private final Path root;
  private final ArticleParser parser;
  private final ExecutorService pool;
  private final Runnable progress;

  /** @param progress told after each file read (the stall check of /health counts on it) */
  FileReading(Path root, ArticleParser parser, ExecutorService pool, Runnable progress) {
    this.root = root;
    this.parser = parser;
    this.pool = pool;
    this.progress = progress;
  }

  /**
   * @param files relative paths, in the order the changes should come back
   * @param progress whether to log a progress line each second (the start-up scan)
   */
  List<FileChange> readAll(Collection<String> files, boolean progress) {
    List<String> names = new ArrayList<>(files);
    FileChange[] out = new FileChange[names.size()];
    if (names.size() < PARALLEL_FROM) {
      for (int i = 0; i < out.length; i++) {
        out[i] = read(names.get(i));
      }
      return List.of(out);
    }
    AtomicInteger done = new AtomicInteger();
    List<Future<?>> tasks = new ArrayList<>();
    for (int start = 0; start < out.length; start += CHUNK) {
      int from = start;
      int to = Math.min(out.length, start + CHUNK);
      tasks.add(pool.submit(() -> {
        for (int i = from; i < to; i++) {
          out[i] = read(names.get(i));
          done.incrementAndGet();
        }
      }));
    }
    long t0 = System.nanoTime();
    long nextReport = t0 + 1_000_000_000L;
    for (Future<?> task : tasks) {
      while (true) {
        try {
          long wait = Math.max(1, nextReport - System.nanoTime());
          task.get(wait, java.util.concurrent.TimeUnit.NANOSECONDS);
          break;
        } catch (java.util.concurrent.TimeoutException e) {
          if (progress) {
            int n = done.get();
            double secs = (System.nanoTime() - t0) / 1e9;
            LOG.info(String.format("indexed %,d of %,d files, %,.0f files/s", n, out.length,
                n / secs));
          }
          nextReport += 1_000_000_000L;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while reading files", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException("reading files failed", e.getCause());
        }
      }
    }
    return List.of(out);
  }

  private FileChange read(String name) {
    FileChange c = new FileChange(name, parser.read(root.resolve(name), name));
    progress.run();
    return c;
  }
}
