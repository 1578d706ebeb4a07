package io.tidings.bench;

import io.tidings.article.Article;
import io.tidings.article.ArticleParser;
import io.tidings.article.Parsed;
import io.tidings.catalog.Catalog;
import io.tidings.catalog.FileChange;
import io.tidings.catalog.Snapshot;
import io.tidings.catalog.SnapshotChange;
import io.tidings.config.Config;
import io.tidings.config.ConfigException;
import io.tidings.config.ConfigLoader;
import io.tidings.ingest.ContentFilter;
import io.tidings.ingest.Ingest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The start-up / ingest benchmark: the full scan of a content directory of N files, the heap
 * the catalog keeps afterwards, and the latency of a one-file change in native watch mode.
 * Test-scope program, not a JUnit test; run it with {@code src/test/bench/ingest.sh [N]}.
 *
 * <p>Usage: {@code IngestBenchmark [N] [--corpus DIR] [--scans 3] [--changes 200]
 * [--applies 1000] [--warmup 5000] [--debounce 100ms] [--no-histo] [--corpus-only]}. The corpus
 * ({@link CorpusGenerator}, seed 42) is written once to {@code target/bench-corpus-N} and reused;
 * section 3 rewrites one of its files and restores it afterwards (also on exit).
 *
 * <p>Order of work: warm-up, single-thread pass (its results feed the separate catalog of
 * section 3's {@code Catalog.apply} figures, then are dropped), then the scans with their heap
 * figures, then the change latency on the last scan's running ingest.
 *
 * <p>Every figure is printed beside the figure it is compared with:
 * <ol>
 *   <li>scan rate (files/s, MB/s) beside the single-thread read+parse rate of the same files,
 *       and scan / (single-thread x cores) against the aim of &gt;= 0.8;</li>
 *   <li>retained heap per article after the scan beside the average file size on disk, against
 *       the aim of &lt;= 1.0;</li>
 *   <li>one-file change latency (write to {@code onChange}) p50/p99/max, with and without the
 *       debounce, against the aim of p50 &lt; 10 ms + debounce; and {@code Catalog.apply} alone
 *       for a one-file change on a catalog of the whole corpus.</li>
 * </ol>
 */
public final class IngestBenchmark {
  private static final long SEED = 42L;
  private static final double MB = 1024.0 * 1024.0;
  private static final Pattern TITLE_LINE = Pattern.compile("(?m)^title: .*$");

  /** Held in fields so that what is alive (and what is not) is explicit for the heap figures. */
  private static Catalog liveCatalog;
  private static Ingest liveIngest;

  private final int n;
  private final Path corpus;
  private final int scans;
  private final int changes;
  private final int applies;
  private final int warmup;
  private final String debounceText;
  private final boolean histogram;
  private final boolean corpusOnly;
  private final boolean scanOnly;
  private final int cores = Runtime.getRuntime().availableProcessors();

  private IngestBenchmark(Map<String, String> opts, int n) {
    this.n = n;
    this.corpus = Path.of(opts.getOrDefault("corpus", "target/bench-corpus-" + n))
        .toAbsolutePath().normalize();
    this.scans = Integer.parseInt(opts.getOrDefault("scans", "3"));
    this.changes = Integer.parseInt(opts.getOrDefault("changes", "200"));
    this.applies = Integer.parseInt(opts.getOrDefault("applies", "1000"));
    this.warmup = Integer.parseInt(opts.getOrDefault("warmup", "5000"));
    this.debounceText = opts.get("debounce");
    this.histogram = !opts.containsKey("no-histo");
    this.corpusOnly = opts.containsKey("corpus-only");
    this.scanOnly = opts.containsKey("scan-only");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    int n = 100_000;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--no-histo") || a.equals("--corpus-only") || a.equals("--scan-only")) {
        opts.put(a.substring(2), "");
      } else if (a.startsWith("--")) {
        if (i + 1 >= args.length) {
          usage("missing value for " + a);
        }
        opts.put(a.substring(2), args[++i]);
      } else {
        n = Integer.parseInt(a.replace("_", "").replace(",", ""));
      }
    }
    if (n < 100) {
      usage("N must be at least 100");
    }
    new IngestBenchmark(opts, n).run();
    System.exit(0); // the ingest's daemon threads are closed; do not wait for anything else
  }

  private static void usage(String why) {
    System.err.println(why);
    System.err.println("usage: IngestBenchmark [N] [--corpus DIR] [--scans 3] [--changes 200]"
        + " [--applies 1000] [--warmup 5000] [--debounce 100ms] [--no-histo] [--corpus-only]"
        + " [--scan-only]");
    System.exit(2);
  }

  // ---------------------------------------------------------------------------------------------

  private void run() throws Exception {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("content.dir", corpus.toString());
    overrides.put("content.watch", "native"); // fail rather than silently poll
    if (debounceText != null) {
      overrides.put("content.debounce", debounceText);
    }
    Config config;
    try {
      config = ConfigLoader.load(null, Map.of(), overrides);
    } catch (ConfigException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    Config.Content content = config.content();
    printHeader(content);

    // ---- corpus ------------------------------------------------------------------------------
    Listing listing = ensureCorpus();
    if (corpusOnly) {
      System.out.printf(Locale.ROOT, "corpus: %s: %,d files, %,.1f MB (--corpus-only: done)%n",
          corpus, listing.files.size(), listing.bytes / MB);
      return;
    }
    CorpusGenerator generator = CorpusGenerator.withSeed(SEED);
    ArticleParser parser = new ArticleParser(content.maxFileSize());
    Target target = pickTarget(generator, parser);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> restore(generator, target)));
    restore(generator, target); // undo an interrupted earlier run's edit
    long corpusBytes = listing.bytes;
    int files = listing.files.size();
    double corpusMb = corpusBytes / MB;
    double avgFile = corpusBytes / (double) files;
    System.out.printf(Locale.ROOT, "corpus: %s: %,d files, %,.1f MB, %,.0f bytes/file on average%n",
        corpus, files, corpusMb, avgFile);

    // ---- 0: the Jackson streaming peer, our scan, a restart over the restart cache -----------
    ScanPeer.report(corpus, listing.files, content);
    if (scanOnly) {
      return;
    }

    // ---- walk alone, warm-up, single-thread parse rate ----------------------------------------
    long tw = System.nanoTime();
    int walked = walkCount(new ContentFilter(content.extensions()));
    double walkSeconds = secs(System.nanoTime() - tw);
    System.out.println("warming up: reading and parsing " + Math.min(warmup, files)
        + " files once on one thread (not measured)");
    singleThreadPass(parser, listing.files.subList(0, Math.min(warmup, files)));
    System.out.printf(Locale.ROOT, "single-thread pass: reading and parsing all %,d files on one"
        + " thread, keeping the results as the ingest does%n", files);
    long cpu0 = threadCpu();
    long t0 = System.nanoTime();
    List<FileChange> parsedCorpus = singleThreadPass(parser, listing.files);
    double singleSeconds = secs(System.nanoTime() - t0);
    double singleCpuSeconds = secs(threadCpu() - cpu0);
    double singleRate = files / singleSeconds;
    int parsedOk = (int) parsedCorpus.stream().filter(c -> c.parsed().article() != null).count();
    listing = null; // nothing of the listing may be counted in the heap figures

    // ---- 3b (run now, printed in section 3): Catalog.apply on a separate catalog ---------------
    System.out.println("Catalog.apply alone: a separate catalog built from the parsed corpus");
    String applyReport = applyAlone(parser, content, parsedCorpus);
    parsedCorpus = null;

    // ---- 1 + 2: scans and retained heap --------------------------------------------------------
    System.out.println();
    System.out.printf(Locale.ROOT, "== 1. start-up scan: Ingest.start() on %,d files (%,.1f MB),"
        + " %d parse threads ==%n", files, corpusMb, content.parseThreads() > 0
        ? content.parseThreads() : cores);
    System.out.println("note: the OS page cache is warm (the corpus was just written or listed,"
        + " and read once by the single-thread pass); these are warm-cache figures, not a cold"
        + " boot");
    double[] scanSeconds = new double[scans];
    double[] scanCpu = new double[scans];
    long retainedTotal = 0;
    long retainedCatalogOnly = -1;
    int articles = 0;
    Snapshot last = null;
    for (int s = 0; s < scans; s++) {
      boolean keep = s == scans - 1;
      long base = settledUsedHeap();
      long cpuStart = processCpu();
      long start = System.nanoTime();
      liveCatalog = new Catalog(content.includeUnpublished());
      liveIngest = new Ingest(content, parser, liveCatalog);
      Snapshot snap = liveIngest.start().get(30, TimeUnit.MINUTES);
      scanSeconds[s] = secs(System.nanoTime() - start);
      double cpu = secs(processCpu() - cpuStart);
      scanCpu[s] = cpu;
      articles = snap.size() + snap.hiddenDrafts();
      System.out.printf(Locale.ROOT, "  scan %d: %7.3f s  %,9.0f files/s  %6.1f MB/s"
          + "  (%,d visible + %,d drafts, %d problems, %d duplicates; process CPU %.1f s ="
          + " %.2f cores busy; load average %.1f)%n", s + 1, scanSeconds[s],
          files / scanSeconds[s], corpusMb / scanSeconds[s], snap.size(), snap.hiddenDrafts(),
          snap.problems().size(), snap.duplicates().size(), cpu, cpu / scanSeconds[s], load());
      snap = null;
      long used = settledUsedHeap();
      retainedTotal = used - base;
      if (!keep) {
        liveIngest.close();
        liveIngest = null;
        retainedCatalogOnly = settledUsedHeap() - base;
        liveCatalog = null;
      } else {
        last = liveCatalog.current();
      }
    }
    double[] sorted = scanSeconds.clone();
    Arrays.sort(sorted);
    double best = sorted[0];
    double median = sorted[sorted.length / 2];
    if (sorted.length % 2 == 0) {
      median = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
    double ideal = singleRate * cores;
    System.out.printf(Locale.ROOT, "scan rate            best   %,9.0f files/s %6.1f MB/s (%.3f s)"
        + " | median %,9.0f files/s %6.1f MB/s (%.3f s)%n", files / best, corpusMb / best, best,
        files / median, corpusMb / median, median);
    System.out.printf(Locale.ROOT, "single-thread rate   read + parse, one thread: %,9.0f files/s"
        + " %6.1f MB/s (%.3f s, %,d articles) -> x %d cores = %,.0f files/s%n", singleRate,
        corpusMb / singleSeconds, singleSeconds, parsedOk, cores, ideal);
    System.out.printf(Locale.ROOT, "  (single-thread pass used %.1f s of its thread's CPU in %.1f s"
        + " wall = %,.0f files per CPU-second; a value well under the wall rate's means the"
        + " machine was busy with other work)%n", singleCpuSeconds, singleSeconds,
        files / singleCpuSeconds);
    double ratioBest = files / best / ideal;
    double ratioMedian = files / median / ideal;
    System.out.printf(Locale.ROOT, "ratio scan / (single-thread x cores): best %.2f, median %.2f"
        + "   aim >= 0.80   %s%n", ratioBest, ratioMedian, verdict(ratioMedian >= 0.8));
    double minCpu = Arrays.stream(scanCpu).min().orElse(0);
    System.out.printf(Locale.ROOT, "  CPU-normalized (robust to other load): scan %,.0f files per"
        + " process-CPU-second (least CPU of the scans, %.1f s, GC and JIT included) vs"
        + " single-thread %,.0f files per CPU-second: %.2f, the ratio the scan would reach if it"
        + " kept all %d cores busy%n", files / minCpu, minCpu, files / singleCpuSeconds,
        singleCpuSeconds / minCpu, cores);
    System.out.printf(Locale.ROOT, "  breakdown hint: one tree walk alone (Files.walkFileTree with"
        + " attributes, %,d files) %.3f s; Ingest.start walks the tree twice (scan + watch"
        + " registration); the full-batch Catalog.apply is timed in section 3%n", walked,
        walkSeconds);

    System.out.println();
    System.out.printf(Locale.ROOT, "== 2. retained heap after the scan (%,d articles incl."
        + " drafts) ==%n", articles);
    double perArticle = retainedTotal / (double) articles;
    System.out.printf(Locale.ROOT, "retained (catalog + running ingest): %,.1f MB total"
        + " = %,.0f bytes/article | corpus on disk %,.1f MB = %,.0f bytes/file%n",
        retainedTotal / MB, perArticle, corpusMb, avgFile);
    System.out.printf(Locale.ROOT, "ratio retained per article / file size: %.2f   aim <= 1.00"
        + "   %s%n", perArticle / avgFile, verdict(perArticle / avgFile <= 1.0));
    if (retainedCatalogOnly >= 0) {
      System.out.printf(Locale.ROOT, "  of which catalog alone (ingest closed, earlier scan):"
          + " %,.1f MB = %,.0f bytes/article; ingest's own state (file stamps, watcher) ~%,.1f MB%n",
          retainedCatalogOnly / MB, retainedCatalogOnly / (double) articles,
          (retainedTotal - retainedCatalogOnly) / MB);
    }
    System.out.printf(Locale.ROOT, "  (used heap after System.gc() until settled; collectors: %s)%n",
        collectors());
    if (histogram) {
      printHistogram(25);
      HeapBreakdown.print(last.articles().toArray(new Article[0]));
    }

    // ---- 3: one-file change latency ------------------------------------------------------------
    System.out.println();
    long debounceMs = content.debounce().toMillis();
    System.out.printf(Locale.ROOT, "== 3. one-file change latency, %,d-article catalog, native"
        + " watch, debounce %d ms (content.debounce) ==%n", last.size() + last.hiddenDrafts(),
        debounceMs);
    last = null;
    changeLatency(content.debounce(), target);
    liveIngest.close();
    liveIngest = null;
    liveCatalog = null;
    restore(generator, target);
    System.out.print(applyReport);
    System.out.printf(Locale.ROOT, "%nload average at the end: %.1f (%d cores); other work on the"
        + " machine inflates every wall-clock figure above%n", load(), cores);
  }

  // ---------------------------------------------------------------------------------------------
  // Section 3: change latency
  // ---------------------------------------------------------------------------------------------

  /** The file that section 3 edits: one published article, restored to its generated text. */
  private record Target(int index, Path path, String id, String text) {}

  private Target pickTarget(CorpusGenerator generator, ArticleParser parser) {
    for (int i = n / 2; i < n; i++) {
      String text = generator.articleText(i);
      Parsed p = parser.parse("target", text.getBytes(StandardCharsets.UTF_8));
      if (p.article() != null && p.article().published()) {
        Path path = pathOf(generator, i);
        return new Target(i, path, p.article().id(), text);
      }
    }
    throw new IllegalStateException("no published article in the second half of the corpus");
  }

  /** The generator's path of article {@code i}: write it to a scratch dir once to learn it. */
  private Path pathOf(CorpusGenerator generator, int i) {
    try {
      Path scratch = Files.createTempDirectory("tidings-bench-name");
      Path file = generator.writeArticle(scratch, i);
      Path rel = scratch.relativize(file);
      Files.delete(file);
      Files.delete(file.getParent());
      Files.delete(scratch);
      return corpus.resolve(rel);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void restore(CorpusGenerator generator, Target target) {
    try {
      byte[] want = target.text().getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(target.path())
          || !Arrays.equals(Files.readAllBytes(target.path()), want)) {
        Files.write(target.path(), want);
      }
    } catch (IOException e) {
      System.err.println("could not restore " + target.path() + ": " + e);
    }
  }

  private static String withTitle(String text, String title) {
    Matcher m = TITLE_LINE.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no top-level title line");
    }
    return m.replaceFirst(Matcher.quoteReplacement("title: \"" + title + "\""));
  }

  /** Sees the snapshot that carries the expected title of the target article. */
  private static final class ChangeProbe implements Consumer<SnapshotChange> {
    private final String id;
    private volatile String expectedTitle;
    private volatile CountDownLatch latch = new CountDownLatch(0);
    private volatile long seenNanos;

    ChangeProbe(String id) {
      this.id = id;
    }

    void expect(String title) {
      latch = new CountDownLatch(1);
      expectedTitle = title;
    }

    @Override
    public void accept(SnapshotChange change) {
      long now = System.nanoTime();
      String title = expectedTitle;
      CountDownLatch l = latch;
      if (title == null) {
        return;
      }
      for (Article a : change.added()) {
        if (a.id().equals(id) && a.title().equals(title)) {
          seenNanos = now;
          l.countDown();
          return;
        }
      }
    }
  }

  private void changeLatency(Duration debounce, Target target) throws Exception {
    ChangeProbe probe = new ChangeProbe(target.id());
    liveCatalog.onChange(probe);
    int warm = Math.min(10, changes);
    long[] latency = new long[changes];
    long[] writeTime = new long[changes];
    int timeouts = 0;
    long deadlineNanos = Math.max(10_000_000_000L, debounce.toNanos() * 20);
    long wall = System.nanoTime();
    for (int k = -warm; k < changes; k++) {
      String title = "Benchmark edit " + k + " of article " + target.index();
      byte[] bytes = withTitle(target.text(), title).getBytes(StandardCharsets.UTF_8);
      probe.expect(title);
      long t0 = System.nanoTime();
      Files.write(target.path(), bytes);
      long t1 = System.nanoTime();
      boolean seen = probe.latch.await(deadlineNanos, TimeUnit.NANOSECONDS);
      if (k < 0) {
        continue;
      }
      if (!seen) {
        timeouts++;
        latency[k] = Long.MAX_VALUE;
      } else {
        latency[k] = probe.seenNanos - t0;
      }
      writeTime[k] = t1 - t0;
    }
    double wallSeconds = secs(System.nanoTime() - wall);
    long[] ok = Arrays.stream(latency).filter(v -> v != Long.MAX_VALUE).sorted().toArray();
    Arrays.sort(writeTime);
    long db = debounce.toNanos();
    System.out.printf(Locale.ROOT, "%d rewrites of %s (title changed; %d warm-up rewrites first,"
        + " each write after the previous snapshot), %.1f s, %d timeouts (> %d s)%n", changes,
        corpus.relativize(target.path()), warm, wallSeconds, timeouts, deadlineNanos / 1_000_000_000L);
    if (ok.length == 0) {
      System.out.println("no change was seen: no latency figures");
      return;
    }
    System.out.printf(Locale.ROOT, "write -> onChange          p50 %8.2f ms  p99 %8.2f ms  max %8.2f"
        + " ms%n", ms(pct(ok, 50)), ms(pct(ok, 99)), ms(ok[ok.length - 1]));
    System.out.printf(Locale.ROOT, "  minus debounce %3d ms     p50 %8.2f ms  p99 %8.2f ms  max %8.2f"
        + " ms%n", db / 1_000_000, ms(pct(ok, 50) - db), ms(pct(ok, 99) - db),
        ms(ok[ok.length - 1] - db));
    System.out.printf(Locale.ROOT, "aim: p50 < 10 ms + debounce = %.0f ms   %s%n",
        ms(10_000_000L + db), verdict(pct(ok, 50) < 10_000_000L + db));
    System.out.printf(Locale.ROOT, "  (the write itself, Files.write: p50 %.2f ms, max %.2f ms)%n",
        ms(pct(writeTime, 50)), ms(writeTime[writeTime.length - 1]));
  }

  /** Section 3b: {@code Catalog.apply} alone, on a catalog built from the parsed corpus. */
  private String applyAlone(ArticleParser parser, Config.Content content,
      List<FileChange> parsed) throws IOException {
    StringBuilder out = new StringBuilder();
    double[] fullSeconds = new double[2];
    double[] fullCpu = new double[2];
    Catalog catalog = null;
    Snapshot full = null;
    for (int round = 0; round < 2; round++) {
      catalog = null;
      full = null;
      catalog = new Catalog(content.includeUnpublished());
      long c0 = threadCpu();
      long t0 = System.nanoTime();
      full = catalog.apply(parsed);
      fullSeconds[round] = secs(System.nanoTime() - t0);
      fullCpu[round] = secs(threadCpu() - c0);
    }
    out.append(String.format(Locale.ROOT, "Catalog.apply of the whole corpus as one batch (%,d"
        + " files, the serial part of a scan, on a separate catalog): first %.3f s (CPU %.3f s),"
        + " again on a new catalog %.3f s (CPU %.3f s)%n", parsed.size(), fullSeconds[0],
        fullCpu[0], fullSeconds[1], fullCpu[1]));

    // Pre-build every one-file change: a random published article with a new title each time.
    SplittableRandom random = new SplittableRandom(7);
    int warm = Math.min(200, applies);
    List<FileChange> edits = new ArrayList<>(warm + applies);
    while (edits.size() < warm + applies) {
      FileChange c = parsed.get(random.nextInt(parsed.size()));
      if (c.parsed().article() == null || !c.parsed().article().published()) {
        continue;
      }
      String text = new String(Files.readAllBytes(corpus.resolve(c.file())),
          StandardCharsets.UTF_8);
      Parsed p = parser.parse(c.file(), withTitle(text, "Apply edit " + edits.size())
          .getBytes(StandardCharsets.UTF_8));
      edits.add(new FileChange(c.file(), p));
    }
    long[] times = new long[applies];
    long[] cpuTimes = new long[applies];
    for (int k = 0; k < edits.size(); k++) {
      long c = threadCpu();
      long s = System.nanoTime();
      Snapshot next = catalog.apply(List.of(edits.get(k)));
      long e = System.nanoTime();
      c = threadCpu() - c;
      if (next == full) {
        throw new IllegalStateException("a one-file edit made no new snapshot");
      }
      full = next;
      if (k >= warm) {
        times[k - warm] = e - s;
        cpuTimes[k - warm] = c;
      }
    }
    Arrays.sort(times);
    Arrays.sort(cpuTimes);
    out.append(String.format(Locale.ROOT, "Catalog.apply alone, one-file change (%,d-article"
        + " catalog, %,d random files, %d warm-up first): p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
        full.size() + full.hiddenDrafts(), applies, warm, ms(pct(times, 50)), ms(pct(times, 99)),
        ms(times[times.length - 1])));
    out.append(String.format(Locale.ROOT, "  (its thread's CPU time per apply: p50 %.3f ms  p99 %.3f"
        + " ms; wall above CPU means the thread waited for a core)%n", ms(pct(cpuTimes, 50)),
        ms(pct(cpuTimes, 99))));
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Corpus
  // ---------------------------------------------------------------------------------------------

  private record Listing(List<String> files, long bytes) {}

  private Listing ensureCorpus() throws IOException {
    ContentFilter filter = new ContentFilter(List.of("txt"));
    Path marker = corpus.resolveSibling(corpus.getFileName() + ".complete");
    String want = n + " files, seed " + SEED;
    if (Files.isDirectory(corpus) && Files.exists(marker)
        && Files.readString(marker).strip().equals(want)) {
      Listing listing = list(filter);
      if (listing.files.size() == n) {
        System.out.println("corpus: reusing " + corpus);
        return listing;
      }
      System.out.println("corpus: " + corpus + " has " + listing.files.size() + " files, not "
          + n + ": writing it again");
    }
    Files.deleteIfExists(marker);
    System.out.printf(Locale.ROOT, "corpus: writing %,d files into %s (once; later runs reuse it)%n",
        n, corpus);
    long t0 = System.nanoTime();
    CorpusGenerator.withSeed(SEED).write(corpus, n);
    System.out.printf(Locale.ROOT, "corpus: written in %.1f s%n", secs(System.nanoTime() - t0));
    Listing listing = list(filter);
    if (listing.files.size() != n) {
      throw new IllegalStateException(corpus + " holds " + listing.files.size()
          + " article files, expected " + n + " (stray files? delete the folder)");
    }
    Files.writeString(marker, want + "\n");
    return listing;
  }

  /** Every article file of the corpus (relative paths, sorted) and their total size. */
  private Listing list(ContentFilter filter) throws IOException {
    List<String> names = new ArrayList<>();
    long[] bytes = {0};
    Files.walkFileTree(corpus, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.equals(corpus) || filter.isFolderWatched(dir.getFileName().toString())
                ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && filter.isArticleName(file.getFileName().toString())) {
              names.add(corpus.relativize(file).toString());
              bytes[0] += attrs.size();
            }
            return FileVisitResult.CONTINUE;
          }
        });
    names.sort(null);
    return new Listing(names, bytes[0]);
  }

  /** The same walk as the ingest's (attributes of every file), counting only. */
  private int walkCount(ContentFilter filter) throws IOException {
    int[] count = {0};
    Files.walkFileTree(corpus, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.equals(corpus) || filter.isFolderWatched(dir.getFileName().toString())
                ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && filter.isArticleName(file.getFileName().toString())) {
              count[0]++;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return count[0];
  }

  /** Reads and parses every file on this thread, as one parse thread of the ingest does. */
  private List<FileChange> singleThreadPass(ArticleParser parser, List<String> names) {
    FileChange[] out = new FileChange[names.size()];
    for (int i = 0; i < out.length; i++) {
      String name = names.get(i);
      out[i] = new FileChange(name, parser.read(corpus.resolve(name), name));
    }
    return List.of(out);
  }

  // ---------------------------------------------------------------------------------------------
  // Measuring and printing
  // ---------------------------------------------------------------------------------------------

  private void printHeader(Config.Content content) {
    var runtime = ManagementFactory.getRuntimeMXBean();
    System.out.println("Tidings ingest benchmark");
    System.out.printf(Locale.ROOT, "JVM: %s %s (%s), %d cores, max heap %,d MB%n",
        runtime.getVmName(), runtime.getVmVersion(), System.getProperty("java.vendor"), cores,
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    System.out.println("JVM flags: " + String.join(" ", runtime.getInputArguments()));
    System.out.println("GC: " + collectors());
    System.out.printf(Locale.ROOT, "N = %,d; scans %d; changes %d; applies %d; warm-up %d files;"
        + " debounce %d ms; parseThreads %s%n", n, scans, changes, applies, warmup,
        content.debounce().toMillis(), content.parseThreads() == 0 ? "0 (= cores)"
            : String.valueOf(content.parseThreads()));
    System.out.printf(Locale.ROOT, "load average at the start: %.1f (%d cores)%n", load(), cores);
  }

  private static long threadCpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String collectors() {
    List<String> names = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.add(gc.getName());
    }
    return String.join(", ", names);
  }

  /** Used heap after full collections, once two in a row agree within 1 MB. */
  private static long settledUsedHeap() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = -1;
    for (int i = 0; i < 8; i++) {
      System.gc();
      Thread.sleep(100);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (previous >= 0 && Math.abs(used - previous) < 1024 * 1024) {
        return used;
      }
      previous = used;
    }
    return previous;
  }

  /** The live-object histogram (what {@code jcmd <pid> GC.class_histogram} prints), top rows. */
  private static void printHistogram(int rows) {
    try {
      String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      String[] lines = text.split("\n");
      System.out.println("  heap histogram of live objects with the catalog held (GC.class_histogram),"
          + " top " + rows + ":");
      for (int i = 0; i < lines.length && i < rows + 2; i++) {
        System.out.println("    " + lines[i]);
      }
      System.out.println("    " + lines[lines.length - 1].strip());
    } catch (Exception e) {
      System.out.println("  (no heap histogram: " + e + ")");
    }
  }

  private static long pct(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static String verdict(boolean met) {
    return met ? "MET" : "NOT MET";
  }

  private static double secs(long nanos) {
    return nanos / 1e9;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
