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

  /** {@code ScanPeer DIR [rounds]}: the peer and ContentScan, alternately, on one directory. */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<String> files = new ArrayList<>();
    try (var walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(f -> files.add(root.relativize(f).toString()));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    io.tidings.config.Config config = io.tidings.config.ConfigLoader.load(null,
        java.util.Map.of(), java.util.Map.of("content.dir", root.toString()));
    for (int r = 0; r < rounds; r++) {
      long peer = run(root, files, cores);
      long t0 = System.nanoTime();
      var result = io.tidings.ingest.ContentScan.run(config.content());
      long ours = System.nanoTime() - t0;
      System.out.printf(java.util.Locale.ROOT, "round %d: peer %,.0f files/s, ContentScan %,.0f"
          + " files/s (%d articles), ratio %.2f%n", r + 1, files.size() / (peer / 1e9),
          files.size() / (ours / 1e9), result.snapshot().size(), (double) peer / ours);
    }
  }
}
