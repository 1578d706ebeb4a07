package io.tidings.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The scale curve: for each corpus size, the packaged server in a process of its own, measured
 * from outside as an operator meets it.
 *
 * <pre>java -cp ... io.tidings.bench.ScaleCurve JAR 10000 100000 [1000000]</pre>
 *
 * <p>Per size, after a warm-up of 2,000 requests of the same kinds that are never asked
 * again: the first start-up (process start to {@code /health} 200) beside the time
 * jackson-dataformat-yaml's streaming parser alone takes over the same files on every core
 * ({@link ScanPeer}, in the same run), and a restart on the
 * same files; the heap after a full GC per article beside the average file on disk; search
 * ({@code q}) p50/p99 over words the corpus holds and words it does not, each query asked once
 * (so never a cache hit); an uncached topic feed's p50/p99 (each URL asked once); and from a
 * file renamed into the directory to {@code /feed.json} showing it, p50 and max. The corpus
 * ({@link CorpusGenerator}, seed 42) is written once to {@code target/bench-corpus-N}.
 *
 * <p>Environment: {@code SCALE_HEAP} the server's -Xmx (default: 1 GB per 100,000 articles,
 * at least 1 GB), {@code SCALE_SERVER_ARGS} extra server arguments. The restart cache is on
 * ({@code TIDINGS_CONTENT_CACHE_DIR}, emptied before each size's first start) unless the
 * environment names another.
 */
public final class ScaleCurve {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();
  private static final int QUERIES = 200;
  private static final int WRITES = 30;
  private static final int WARM_UP = 1_000;

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ScaleCurve JAR SIZE...");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    List<String> rows = new ArrayList<>();
    rows.add(String.format(Locale.ROOT,
        "%9s %7s %7s %7s %11s %9s %10s %9s %9s %10s %10s %10s %11s %12s",
        "articles", "scan s", "peer s", "cold s", "warm/cold", "restart s", "heap B/art",
        "disk B/f", "heap/disk", "search p50", "search p99", "render p99", "render8 p99",
        "file->feed"));
    for (int i = 1; i < args.length; i++) {
      rows.add(measure(jar, Integer.parseInt(args[i])));
      rows.forEach(System.out::println);
    }
    System.out.println();
    System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
  }

  private static String measure(Path jar, int size) throws Exception {
    Path corpus = Path.of("target", "bench-corpus-" + size).toAbsolutePath();
    if (!Files.isDirectory(corpus)) {
      System.out.println("writing " + size + " files to " + corpus);
      CorpusGenerator.withSeed(42L).write(corpus, size);
    }
    long[] disk = diskUse(corpus);
    // The peer: jackson-dataformat-yaml's streaming parser alone over the same files on every
    // core (twice; the second, warm run counts), which also brings the files into the page cache.
    List<String> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(corpus)) {
      all.filter(Files::isRegularFile).forEach(f -> files.add(corpus.relativize(f).toString()));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    ScanPeer.run(corpus, files, cores);
    double peer = ScanPeer.run(corpus, files, cores) / 1e9;
    double coldPeer = coldPeer(corpus, size);
    int port = freePort();
    Path inbox = corpus.resolve("scale-inbox");
    Files.createDirectories(inbox);
    try (Stream<Path> old = Files.list(inbox)) {
      for (Path p : (Iterable<Path>) old::iterator) {
        Files.delete(p);
      }
    }
    deleteTree(corpus.resolveSibling(corpus.getFileName() + "-cache"));
    Process server = start(jar, corpus, port, size);
    double scan = secondsToHealthy(server, port);
    // The heap once the restart cache is written (its writer holds every entry until then),
    // as a server holds it from then on.
    awaitCacheFile(corpus.resolveSibling(corpus.getFileName() + "-cache"));
    long heap = PushBenchmark.heap(server.pid(), port);
    int articles = JSON.readTree(get(port, "/status").body()).path("articles").asInt();
    warmUp(port);
    List<String> words = wordsOf(port);
    long[] search = timeEach(port, searchPaths(words));
    long[] render = timeEach(port, renderPaths(port, "rss"));
    long[] render8 = timeConcurrently(port, renderPaths(port, "atom"), 8);
    long[] fresh = fileToFeed(port, corpus, inbox);
    stop(server);
    Process again = start(jar, corpus, port, size);
    double restart = secondsToHealthy(again, port);
    stop(again);
    double heapPer = articles == 0 ? 0 : (double) heap / articles;
    double diskPer = (double) disk[1] / Math.max(1, disk[0]);
    return String.format(Locale.ROOT,
        "%9d %7.1f %7.1f %7.1f %5.2f/%5.2f %9.1f %10.0f %9.0f %9.2f %8.2fms %8.2fms %8.2fms"
            + " %9.2fms %6.0f/%4.0fms",
        articles, scan, peer, coldPeer, peer / scan, coldPeer / scan, restart, heapPer, diskPer,
        heapPer / diskPer, ms(search, 0.50), ms(search, 0.99), ms(render, 0.99),
        ms(render8, 0.99), ms(fresh, 0.50), ms(fresh, 1.0));
  }

  /** Waits (at most two minutes) until the first start has moved its cache file into place. */
  private static void awaitCacheFile(Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          if (files.anyMatch(f -> f.getFileName().toString().endsWith(".cache"))) {
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no restart cache written in " + dir + " within 2 minutes");
  }

  /**
   * The peer in a fresh JVM (its own JIT, like the server's first start), from process start to
   * exit, with the server's heap setting.
   */
  private static double coldPeer(Path corpus, int size) throws Exception {
    String heap = System.getenv().getOrDefault("SCALE_HEAP",
        Math.max(1, (size + 99_999) / 100_000) + "g");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("java", "-Xmx" + heap, "-cp",
        System.getProperty("java.class.path"), ScanPeer.class.getName(), "--cold", corpus.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the cold peer failed: " + out);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static Process start(Path jar, Path corpus, int port, int size) throws IOException {
    String heap = System.getenv().getOrDefault("SCALE_HEAP",
        Math.max(1, (size + 99_999) / 100_000) + "g");
    List<String> cmd = new ArrayList<>(List.of("java", "-Xmx" + heap, "-jar", jar.toString(),
        "--port", Integer.toString(port), "--content", corpus.toString()));
    String extra = System.getenv("SCALE_SERVER_ARGS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(Arrays.asList(extra.trim().split("\\s+")));
    }
    Path log = corpus.resolveSibling(corpus.getFileName() + "-server.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // The restart cache (content.cacheDir), fresh for each size: the first start writes it.
    pb.environment().putIfAbsent("TIDINGS_CONTENT_CACHE_DIR",
        corpus.resolveSibling(corpus.getFileName() + "-cache").toString());
    return pb.start();
  }

  private static double secondsToHealthy(Process server, int port) throws Exception {
    long started = server.info().startInstant().map(Instant::toEpochMilli)
        .orElse(System.currentTimeMillis());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("server exited with " + server.exitValue());
      }
      try {
        if (get(port, "/health").statusCode() == 200) {
          return (System.currentTimeMillis() - started) / 1000.0;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("server not healthy after 30 minutes");
  }

  private static void stop(Process server) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(60, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor();
    }
  }

  /** Words from the newest titles (each asked once), then as many words no article holds. */
  private static List<String> wordsOf(int port) throws Exception {
    JsonNode list = JSON.readTree(get(port, "/api/articles?limit=100").body());
    Set<String> words = new LinkedHashSet<>();
    for (JsonNode a : list.path("articles")) {
      for (String w : a.path("title").asText().split("[\\s,.:;!?\"()]+")) {
        if (w.length() > 3 && words.size() < QUERIES / 2) {
          words.add(w);
        }
      }
    }
    for (int i = 0; words.size() < QUERIES; i++) {
      words.add("zqxv" + Integer.toString(i * 7919, 36));
    }
    return new ArrayList<>(words);
  }

  /**
   * Requests of the same kinds as the measured ones but never asked again (other words, other
   * limits), so that the figures are of a warm JIT, as a server that has run for a while.
   */
  private static void warmUp(int port) throws Exception {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < WARM_UP; i++) {
      paths.add("/feed.rss?q=warm" + Integer.toString(i * 104_729, 36) + "&limit=" + (51 + i % 40));
      paths.add("/feed.atom?limit=" + (51 + i % 400) + "&minQuality=" + (i / 400));
    }
    timeEach(port, paths);
  }

  private static List<String> searchPaths(List<String> words) {
    List<String> paths = new ArrayList<>();
    for (String w : words) {
      paths.add("/feed.rss?q=" + URLEncoder.encode(w, StandardCharsets.UTF_8));
    }
    return paths;
  }

  /** Topic feeds, each URL once: every topic at limits 10..49 until there are QUERIES of them. */
  /** Topic feeds in {@code format} at limits no one asked before: each one a render. */
  private static List<String> renderPaths(int port, String format) throws Exception {
    List<String> keys = new ArrayList<>();
    for (JsonNode t : JSON.readTree(get(port, "/api/topics").body()).path("topics")) {
      keys.add(t.path("key").asText());
    }
    List<String> paths = new ArrayList<>();
    for (int limit = 10; limit < 50 && paths.size() < QUERIES && !keys.isEmpty(); limit++) {
      for (String key : keys) {
        if (paths.size() < QUERIES) {
          paths.add("/topics/" + URLEncoder.encode(key, StandardCharsets.UTF_8)
              + "/feed." + format + "?limit=" + limit);
        }
      }
    }
    return paths;
  }

  private static long[] timeEach(int port, List<String> paths) throws Exception {
    long[] nanos = new long[paths.size()];
    for (int i = 0; i < paths.size(); i++) {
      nanos[i] = timedGet(port, paths.get(i));
    }
    Arrays.sort(nanos);
    return nanos;
  }

  /** The same, {@code threads} requests at a time. */
  private static long[] timeConcurrently(int port, List<String> paths, int threads)
      throws Exception {
    long[] nanos = new long[paths.size()];
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> all = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        all.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < paths.size(); ) {
            nanos[i] = timedGet(port, paths.get(i));
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Arrays.sort(nanos);
    return nanos;
  }

  /** One request's time; a 301 (not the canonical spelling) is followed and the target timed. */
  private static long timedGet(int port, String path) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = get(port, path);
    if (r.statusCode() == 301) {
      path = URI.create("http://127.0.0.1" + path)
          .resolve(r.headers().firstValue("Location").orElseThrow()).toString()
          .substring("http://127.0.0.1".length());
      t0 = System.nanoTime();
      r = get(port, path);
    }
    long took = System.nanoTime() - t0;
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return took;
  }

  /** A complete file renamed into the content directory, then /feed.json polled until it shows. */
  private static long[] fileToFeed(int port, Path corpus, Path inbox) throws Exception {
    long[] nanos = new long[WRITES];
    Path staging = Files.createTempDirectory(corpus.getParent(), "scale-staging");
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(WRITES + 5);
    for (int i = 0; i < WRITES; i++) {
      String id = "scale-" + System.nanoTime();
      String text = "---\ntitle: Scale probe " + i + "\npublishedDateTime: "
          + base.plusSeconds(i)
          + "\noriginalUrl: https://example.com/" + id + "\ntopics: [Scale]\n---\n";
      Path tmp = staging.resolve(id + ".md");
      Files.writeString(tmp, text);
      long t0 = System.nanoTime();
      Files.move(tmp, inbox.resolve(id + ".md"), StandardCopyOption.ATOMIC_MOVE);
      long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
      while (!get(port, "/feed.json?limit=1").body().contains(id)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(id + " not in the feed after 30 s");
        }
        Thread.onSpinWait();
      }
      nanos[i] = System.nanoTime() - t0;
      Thread.sleep(300); // let the debounce window of this write close before the next one
    }
    Files.delete(staging);
    Arrays.sort(nanos);
    return nanos;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
  }

  private static long[] diskUse(Path corpus) throws IOException {
    long[] countAndBytes = new long[2];
    try (Stream<Path> files = Files.walk(corpus)) {
      files.filter(Files::isRegularFile).forEach(p -> {
        countAndBytes[0]++;
        countAndBytes[1] += p.toFile().length();
      });
    }
    return countAndBytes;
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(java.time.Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static double ms(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private ScaleCurve() {}
}
