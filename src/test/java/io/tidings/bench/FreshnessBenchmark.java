package io.tidings.bench;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;

import io.tidings.testing.Articles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A file moved into the content directory to its entry in {@code /feed.atom}, with the default
 * configuration: p50 and max over {@code moves} files, against the aim of p50 <= 30 ms and max
 * <= 150 ms. The peer, measured on the same moves: the kernel's own event latency as a bare
 * {@link WatchService} in this JVM sees it (from the move to the event), the floor that any
 * watcher built on file events starts from.
 *
 * <p>The server is the packaged jar in a process of its own, as in {@link PushBenchmark}; the
 * feed is polled back to back from this JVM.
 *
 * <pre>java -cp ... io.tidings.bench.FreshnessBenchmark JAR [moves=50] [articles=1000]</pre>
 */
public final class FreshnessBenchmark {
  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int moves = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int articles = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    Path dir = Files.createTempDirectory("tidings-fresh-bench");
    Path staging = Files.createTempDirectory(dir.getParent(), "tidings-fresh-staging");
    for (int i = 0; i < articles; i++) {
      Articles.write(dir, "seed" + i + ".md", Articles.text("seed" + i, "Seed " + i, "AI"));
    }
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process server = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString(),
        "--port", Integer.toString(port), "--content", dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile()).start();
    Map<String, Long> kernelSaw = new ConcurrentHashMap<>();
    WatchService raw = FileSystems.getDefault().newWatchService();
    dir.register(raw, ENTRY_CREATE);
    Thread peer = new Thread(() -> {
      try {
        while (true) {
          WatchKey key = raw.take();
          long now = System.nanoTime();
          for (WatchEvent<?> e : key.pollEvents()) {
            kernelSaw.putIfAbsent(String.valueOf(e.context()), now);
          }
          key.reset();
        }
      } catch (Exception e) {
        // closed
      }
    }, "bare-watch-service");
    peer.setDaemon(true);
    peer.start();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest feed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/feed.atom?limit=5")).build();
    try {
      PushBenchmark.waitHealthy(port);
      for (int i = 0; i < 20; i++) { // warm the feed route
        http.send(feed, HttpResponse.BodyHandlers.ofString());
      }
      long[] toFeed = new long[moves];
      long[] toEvent = new long[moves];
      int missing = 0;
      for (int m = 0; m < moves; m++) {
        String name = "fresh" + m + ".md";
        String title = "Fresh arrival " + m;
        Path staged = staging.resolve(name);
        // Dated after the seeds (and not in the future, which is held back), so it heads the feed.
        Files.writeString(staged, Articles.article("fresh" + m).title(title)
            .at(String.format("2025-01-01T00:%02d:%02dZ", m / 60 % 60, m % 60)).text());
        long t0 = System.nanoTime();
        Files.move(staged, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
        long seen = 0;
        while (System.nanoTime() < deadline) {
          String body = http.send(feed, HttpResponse.BodyHandlers.ofString()).body();
          if (body.contains(title)) {
            seen = System.nanoTime();
            break;
          }
        }
        if (seen == 0) {
          missing++;
          toFeed[m] = Long.MAX_VALUE;
        } else {
          toFeed[m] = seen - t0;
        }
        Long k = kernelSaw.get(name);
        toEvent[m] = k == null ? Long.MAX_VALUE : k - t0;
        Thread.sleep(250); // benchmark pacing: each move after a quiet spell, as a lone arrival
      }
      long[] f = Arrays.stream(toFeed).filter(v -> v != Long.MAX_VALUE).sorted().toArray();
      long[] k = Arrays.stream(toEvent).filter(v -> v != Long.MAX_VALUE).sorted().toArray();
      System.out.printf("%d files moved into a directory of %d articles (default config; %d"
          + " missing after 10 s)%n", moves, articles, missing);
      System.out.printf("  move -> in /feed.atom (tidings)     p50 %7.2f ms  max %7.2f ms%n",
          PushBenchmark.pct(f, 0.5), PushBenchmark.pct(f, 1.0));
      System.out.printf("  move -> bare WatchService event     p50 %7.2f ms  max %7.2f ms"
          + "  (peer: the kernel's event, as Java sees it)%n",
          PushBenchmark.pct(k, 0.5), PushBenchmark.pct(k, 1.0));
      boolean met = f.length > 0 && PushBenchmark.pct(f, 0.5) <= 30
          && PushBenchmark.pct(f, 1.0) <= 150 && missing == 0;
      System.out.printf("aim: p50 <= 30 ms, max <= 150 ms: %s%n", met ? "met" : "not met");
    } finally {
      raw.close();
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private FreshnessBenchmark() {}
}
