package io.tidings.bench;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer of the start-up scan: jackson-dataformat-yaml's streaming parser alone on the same
 * files with all cores. Each thread takes files in turn, reads the file's bytes, finds the front
 * matter (the lines between the first two {@code ---} lines) and runs {@link
 * YAMLParser#nextToken()} to the end of it. No tree, no article, nothing kept: the least work a
 * scan built on this parser can do, so our scan's rate is compared against it.
 */
final class ScanPeer {
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
      .build();

  private ScanPeer() {}


  /** Streams every file once on {@code threads} threads; returns the wall time in nanoseconds. */
  static long run(Path root, List<String> files, int threads) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicLong tokens = new AtomicLong();
    List<Thread> started = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        long mine = 0;
        for (int i; (i = next.getAndIncrement()) < files.size(); ) {
          mine += tokens(root.resolve(files.get(i)));
        }
        tokens.addAndGet(mine);
      }, "scan-peer-" + t);
      thread.start();
      started.add(thread);
    }
    for (Thread t : started) {
      t.join();
    }
    long took = System.nanoTime() - t0;
    if (tokens.get() == 0) {
      throw new IllegalStateException("the peer saw no YAML token");
    }
    return took;
  }

  private static long tokens(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      int start = lineAfterMarker(bytes, 0);
      if (start < 0) {
        return 0;
      }
      int end = markerLine(bytes, start);
      long n = 0;
      try (YAMLParser p = (YAMLParser) FACTORY.createParser(bytes, start, end - start)) {
        while (p.nextToken() != null) {
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The offset after the first {@code ---} line at or after {@code from}, or -1. */
  private static int lineAfterMarker(byte[] b, int from) {
    int at = markerLine(b, from);
    if (at >= b.length) {
      return -1;
    }
    int nl = at;
    while (nl < b.length && b[nl] != '\n') {
      nl++;
    }
    return Math.min(b.length, nl + 1);
  }

  /** The offset of the next line that is {@code ---}, or the length. */
  private static int markerLine(byte[] b, int from) {
    for (int i = from; i + 2 < b.length; ) {
      if (b[i] == '-' && b[i + 1] == '-' && b[i + 2] == '-'
          && (i + 3 == b.length || b[i + 3] == '\n' || b[i + 3] == '\r')) {
        return i;
      }
      while (i < b.length && b[i] != '\n') {
        i++;
      }
      i++;
    }
    return b.length;
  }

  /**
   * Section 0 of the ingest benchmark: the peer's rate and ours on the same files in the same
   * run (wall clock and CPU, as the machine is shared), then a restart over the restart cache.
   */
  static void report(Path root, List<String> files, io.tidings.config.Config.Content content)
      throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(java.util.Locale.ROOT, "%n== 0. start-up scan against jackson-dataformat-yaml"
        + " streaming alone (%d threads), and a restart over the restart cache ==%n", cores);
    run(root, files, cores); // warm-up
    long c0 = os.getProcessCpuTime();
    long peer = run(root, files, cores);
    long peerCpu = os.getProcessCpuTime() - c0;
    c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    io.tidings.catalog.Catalog catalog = new io.tidings.catalog.Catalog(false);
    try (io.tidings.ingest.Ingest ingest = new io.tidings.ingest.Ingest(content,
        new io.tidings.article.ArticleParser(content.maxFileSize()), catalog)) {
      ingest.start().get();
    }
    long ours = System.nanoTime() - t0;
    long oursCpu = os.getProcessCpuTime() - c0;
    int n = files.size();
    System.out.printf(java.util.Locale.ROOT, "peer (read + find front matter + nextToken to the"
        + " end): %,9.0f files/s wall, %,9.0f files per CPU-second%n", n / (peer / 1e9),
        n / (peerCpu / 1e9));
    System.out.printf(java.util.Locale.ROOT, "start-up scan (Ingest.start, no cache):        "
        + " %,9.0f files/s wall (%.2f s), %,9.0f files per CPU-second%n", n / (ours / 1e9),
        ours / 1e9, n / (oursCpu / 1e9));
    System.out.printf(java.util.Locale.ROOT, "ratio ours / peer: wall %.2f, CPU %.2f   aim >= 0.80"
        + "; scan of 100,000 files at this rate: %.1f s   aim <= 10 s%n", (double) peer / ours,
        (double) peerCpu / oursCpu, 100_000 * (ours / 1e9) / n);
    Path cacheDir = Files.createTempDirectory("tidings-bench-cache");
    var cached = new io.tidings.config.Config.Content(content.dir(), content.watch(),
        content.pollInterval(), content.debounce(), content.rescanInterval(),
        content.maxFileSize(), content.includeUnpublished(), content.extensions(),
        content.parseThreads(), content.hideFuture(), content.stallTimeout(), cacheDir);
    for (int round = 0; round < 2; round++) {
      t0 = System.nanoTime();
      c0 = os.getProcessCpuTime();
      try (io.tidings.ingest.Ingest ingest = new io.tidings.ingest.Ingest(cached,
          new io.tidings.article.ArticleParser(content.maxFileSize()),
          new io.tidings.catalog.Catalog(false))) {
        ingest.start().get();
        long took = System.nanoTime() - t0;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%s: %.2f s to ready (process CPU %.2f s), %,d"
            + " of %,d files from the cache%s%n", round == 0 ? "first start, cache empty"
            : "restart, nothing changed", took / 1e9, cpu, ingest.filesFromCache(), n,
            round == 0 ? "" : "   aim <= 3 s at 100,000 files");
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (round == 0 && !hasCache(cacheDir) && System.nanoTime() < deadline) {
          Thread.sleep(50); // a benchmark, not a test: wait for the writer thread's rename
        }
      }
    }
    try (var list = Files.list(cacheDir)) {
      for (Path f : list.toList()) {
        System.out.printf(java.util.Locale.ROOT, "cache file: %,.1f MB%n", Files.size(f) / 1048576.0);
        Files.delete(f);
      }
    }
    Files.delete(cacheDir);
  }

  private static boolean hasCache(Path dir) throws IOException {
    try (var list = Files.list(dir)) {
      return list.anyMatch(f -> f.toString().endsWith(".cache"));
    }
  }

  /**
   * The peer as a process of its own, cold like a server's start ({@code ScanPeer --cold DIR}):
   * lists the files under DIR and streams each once on every core, then prints the seconds and
   * exits. {@link ScaleCurve} times it from process start to exit, as it times the server from
   * process start to ready.
   */
  static void cold(String dir) throws Exception {
    Path root = Path.of(dir);
    List<String> files = new ArrayList<>();
    try (java.util.stream.Stream<Path> all = Files.walk(root)) {
      all.filter(Files::isRegularFile).forEach(f -> files.add(root.relativize(f).toString()));
    }
    long took = run(root, files, Runtime.getRuntime().availableProcessors());
    System.out.printf(java.util.Locale.ROOT, "%d files streamed in %.2f s%n", files.size(),
        took / 1e9);
  }

  /** {@code ScanPeer DIR}: section 0 alone on one directory; {@code --cold DIR}: see {@link #cold}. */
  public static void main(String[] args) throws Exception {
    if (args[0].equals("--cold")) {
      cold(args[1]);
      return;
    }
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    List<String> files = new ArrayList<>();
    try (var walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(f -> files.add(root.relativize(f).toString()));
    }
    io.tidings.config.Config config = io.tidings.config.ConfigLoader.load(null,
        java.util.Map.of(), java.util.Map.of("content.dir", root.toString()));
    report(root, files, config.content());
    System.exit(0);
  }
}
