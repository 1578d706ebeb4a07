package io.tidings.ingest;

import io.tidings.article.Parsed;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uses and keeps the restart cache ({@link ParseCache}): at start, stands cached articles in for
 * the files whose stamps match; afterwards writes the cache once after the first scan and then
 * at most every {@link #SAVE_DELAY_SECONDS} seconds while files change. What is written is taken
 * on the ingest thread (the stamps and the catalog's articles, references only) and written on
 * a thread of its own, never on an event loop. A change in the last seconds before a stop may
 * miss the cache: that file's stamp then differs from the cached one, so it is read again.
 */
final class CacheKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(CacheKeeper.class);
  static final long SAVE_DELAY_SECONDS = 30;

  private final ParseCache cache;
  private final ScheduledExecutorService ingestThread;
  private final Supplier<Map<String, FileStamp>> stamps;
  private final Catalog catalog;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tidings-cache-writer");
    t.setDaemon(true);
    return t;
  });
  /** Writes finished (written or failed), for tests. */
  private final java.util.concurrent.atomic.AtomicInteger writes =
      new java.util.concurrent.atomic.AtomicInteger();
  /** A save is scheduled on the ingest thread; ingest thread only. */
  private boolean scheduled;

  /** @param stamps the ingest's known files and stamps, read on the ingest thread */
  CacheKeeper(ParseCache cache, ScheduledExecutorService ingestThread,
      Supplier<Map<String, FileStamp>> stamps, Catalog catalog) {
    this.cache = cache;
    this.ingestThread = ingestThread;
    this.stamps = stamps;
    this.catalog = catalog;
  }

  /** The cache's entries, decoded on the calling thread and up to {@code helperCount} helpers. */
  Map<String, ParseCache.Entry> load(java.util.concurrent.Executor helpers, int helperCount) {
    return cache.load(helpers, helperCount);
  }

  /**
   * The changes of the first scan, in the listing's order: a file whose cached stamp matches the
   * walk's in every part comes from the cache, every other file is read.
   */
  static FirstScan readAll(Map<String, FileStamp> files,
      Map<String, ParseCache.Entry> cached, FileReading reading, boolean enabled) {
    if (cached.isEmpty()) {
      return new FirstScan(new ArrayList<>(reading.readAll(files.keySet(), true)), 0);
    }
    List<String> toRead = new ArrayList<>();
    FileChange[] out = new FileChange[files.size()];
    int i = 0;
    for (Map.Entry<String, FileStamp> f : files.entrySet()) {
      ParseCache.Entry e = cached.get(f.getKey());
      if (e != null && ParseCache.trusted(e.stamp(), f.getValue())) {
        out[i] = new FileChange(f.getKey(), Parsed.of(e.article()));
      } else {
        toRead.add(f.getKey());
      }
      i++;
    }
    List<FileChange> read = reading.readAll(toRead, true);
    List<FileChange> changes = new ArrayList<>(out.length);
    int r = 0;
    for (FileChange c : out) {
      changes.add(c != null ? c : read.get(r++));
    }
    if (enabled) {
      LOG.info("restart cache: {} from the cache, {} read", Ingest.plural(out.length - read.size(),
          "file"), Ingest.plural(read.size(), "file"));
    }
    return new FirstScan(changes, out.length - read.size());
  }

  /** The first scan's changes, and how many of them came from the cache. */
  record FirstScan(List<FileChange> changes, int fromCache) {}

  /** Takes what to write now and writes it on the writer thread. Ingest thread only. */
  void saveNow() {
    scheduled = false;
    Map<String, FileStamp> known = stamps.get();
    List<ParseCache.Entry> entries = new ArrayList<>(known.size());
    catalog.forEachParsedFile((file, article) -> {
      FileStamp stamp = known.get(file);
      if (stamp != null) {
        entries.add(new ParseCache.Entry(file, stamp, article));
      }
    });
    entries.sort(java.util.Comparator.comparing(ParseCache.Entry::file));
    try {
      writer.execute(() -> write(entries));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private void write(List<ParseCache.Entry> entries) {
    long t0 = System.nanoTime();
    try {
      cache.write(entries, java.time.Instant.now().toEpochMilli() * 1_000_000L);
      LOG.debug("restart cache written: {} in {} ms", Ingest.plural(entries.size(), "article"),
          (System.nanoTime() - t0) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not write the restart cache {}: {}", cache.file(), e.toString());
    } finally {
      writes.incrementAndGet();
    }
  }

  /** Nothing to write: counted as a write done, so that tests need not know the difference. */
  void upToDate() {
    writes.incrementAndGet();
  }

  int writes() {
    return writes.get();
  }

  /** Files changed: a save within {@link #SAVE_DELAY_SECONDS}. Ingest thread only. */
  void changed() {
    if (!scheduled) {
      scheduled = true;
      ingestThread.schedule(this::saveNow, SAVE_DELAY_SECONDS, TimeUnit.SECONDS);
    }
  }

  void close() {
    writer.shutdown();
  }
}
