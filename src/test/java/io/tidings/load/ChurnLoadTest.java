package io.tidings.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.TestServer;
import io.tidings.bench.CorpusGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load with churn: 200 feed readers poll a mix of feeds (every article, topics, providers,
 * searches; RSS, Atom and JSON; half with gzip) with conditional GETs while a writer creates,
 * edits, renames and deletes 50 article files a second. Asserts that no request fails (no 5xx,
 * no connection error or timeout), that every 200 parses and is one rendering of one snapshot
 * ({@link FeedCheck}, {@link SnapshotLedger}), that every feed holds exactly the files on disk
 * soon after the writer stops, and that open files and heap come back to where they were.
 *
 * <p>20 s of churn by default; {@code -Dchurn.seconds=300} for the long run
 * ({@code src/test/bench/churn.sh}). Also {@code churn.clients} (200), {@code churn.opsPerSecond}
 * (50), {@code churn.parsers} (1) and {@code churn.convergeMillis}, the allowed time from the
 * last write to every feed verified right (10 s by default; see {@link #CONVERGE_MS}).
 */
@Tag("slow")
class ChurnLoadTest {
  private static final int SECONDS = Integer.getInteger("churn.seconds", 20);
  private static final int CLIENTS = Integer.getInteger("churn.clients", 200);
  /** Threads that parse feed bodies on the readers' side (see {@link ParsedBodies}). */
  private static final int PARSERS = Integer.getInteger("churn.parsers", 1);
  private static final int OPS_PER_SECOND = Integer.getInteger("churn.opsPerSecond", 50);
  private static final long DEBOUNCE_MS = 50; // TestServer's content.debounce
  /** From the last write to the final snapshot announced: ingest's part, asserted as is. */
  private static final long SNAPSHOT_MS = 1000 + DEBOUNCE_MS;
  /**
   * From the last write to every feed of the mix verified right, which also waits for the
   * renders of every changed feed behind 200 readers: on this shared 2-core machine that took
   * 2.6 s; the default leaves room for a busy CI run, -Dchurn.convergeMillis=1050 is the strict
   * reading on a quiet machine.
   */
  private static final long CONVERGE_MS = Long.getLong("churn.convergeMillis", 10_000);
  /** Descriptors the JVM may still hold after the clients close (a lazily opened jar, ...). */
  private static final long FD_SLACK = 10;
  /** Live heap that may stay beyond the render cache's bytes (measured: 2 to 5 MiB). */
  private static final long HEAP_SLACK = 16L << 20;

  @TempDir
  Path content;

  @Test
  void feedsStayWholeAndConvergeUnderChurn() throws Exception {
    TestServer.copySample(content);
    CorpusGenerator.withSeed(7).write(content.resolve("corpus"), 40);
    ChurnWriter writer = new ChurnWriter(content, 42);
    writer.seed(200);
    List<FeedSpec> mix = FeedSpec.mix();

    try (TestServer server = TestServer.start(content, Map.of())) {
      // When each snapshot was announced, by version (the last time, if a version comes back).
      Map<String, Long> announced = new ConcurrentHashMap<>();
      server.verticle().ingest().catalog().onChange(
          c -> announced.put(c.next().versionHex(), System.nanoTime()));
      long fdBefore = ProcessFootprint.openFiles();
      long heapBefore = ProcessFootprint.liveHeap();

      FeedClient client = new FeedClient(server.port(), CLIENTS + 8);
      ParsedBodies bodies = new ParsedBodies(PARSERS, 64L << 20);
      Convergence convergence = Convergence.learn(client, bodies, mix);
      assertThat(convergence.staticIds()).as("articles of the sample and corpus")
          .hasSizeGreaterThan(60);
      assertThat(convergence.mismatches(convergence.round(), writer.model()))
          .as("the feeds before any change").isEmpty();

      SnapshotLedger ledger = new SnapshotLedger();
      LoadClients clients = new LoadClients(client, mix, ledger, convergence.staticIds(),
          bodies);
      long loadStart = System.nanoTime();
      // Bounded: past the writer's own limit and the convergence's, the readers stop anyway.
      clients.start(CLIENTS, loadStart + Duration.ofSeconds(3L * SECONDS + 120).toNanos());
      long gcBefore = ProcessFootprint.gcMillis();
      // A starved machine slows the writer down (its rate is reported); it must finish.
      writer.run(SECONDS * OPS_PER_SECOND, OPS_PER_SECOND, 2L * SECONDS + 60);
      long lastWrite = writer.lastWriteNanos();
      long churnNanos = lastWrite - loadStart;

      // The writer has stopped; the readers go on. What the directory says now:
      Map<Integer, Marked> disk = writer.onDisk();
      assertThat(disk).as("the files on disk are what the writer wrote").isEqualTo(writer.model());
      Convergence.Converged converged = null;
      AssertionError notConverged = null;
      try {
        converged = convergence.await(disk, lastWrite + Duration.ofSeconds(30).toNanos());
      } catch (AssertionError e) {
        notConverged = e; // reported after what the readers saw, which may say why
      }
      long requestsAtStop = clients.requests.sum();
      clients.stopAndJoin(60_000);
      long loadSeconds = (System.nanoTime() - loadStart) / 1_000_000_000;
      client.close();
      assertThat(bodies.drain(300)).as("every body parsed within 300 s of the end").isTrue();
      ledger.crossCheck();

      String version = converged == null ? null : converged.version();
      long convergeMs = converged == null ? -1 : (converged.atNanos() - lastWrite) / 1_000_000;
      Long finalSeen = ledger.firstSeen(version);
      long finalSeenMs = finalSeen == null ? -1 : (finalSeen - lastWrite) / 1_000_000;
      Long finalBuilt = version == null ? null : announced.get(version);
      long finalBuiltMs = finalBuilt == null ? -1 : (finalBuilt - lastWrite) / 1_000_000;
      long cacheBytes = server.verticle().cache().stats().bytes();
      long gcMillis = ProcessFootprint.gcMillis() - gcBefore;
      System.out.printf(Locale.ROOT, "churn: %d clients, %d s of writes (%s; %.1f ops/s), %d s "
              + "of requests in all%n"
              + "churn: requests %d (%d during the writes and convergence), 200 %d, 304 %d, "
              + "%s received; errors %d (%s)%n"
              + "churn: snapshots seen %d, with the complete feed %d; distinct bodies %d (%d "
              + "parses, %.1f ms each; %d reused); cross-checks %d (%d feed+snapshot pairs "
              + "without a complete feed); violations %d%n"
              + "churn: after the last write: final snapshot %s built in %d ms, first served in "
              + "%d ms, every feed verified right in %d ms (debounce %d ms; limits %d and %d "
              + "ms; %d rounds); %d renders; %d ms in garbage collection%n",
          CLIENTS, SECONDS, writer.counts(), writer.operations() * 1e9 / churnNanos,
          loadSeconds, clients.requests.sum(), requestsAtStop, clients.ok.sum(),
          clients.notModified.sum(), ProcessFootprint.mib(clients.bytes.sum()),
          clients.errorCount(), clients.errorSummary(), ledger.versions(),
          ledger.versionsWithComplete(), ledger.bodies(), bodies.parsed.sum(),
          bodies.parseNanos.sum() / 1e6 / Math.max(1, bodies.parsed.sum()),
          bodies.reused.sum(), ledger.crossChecks(), ledger.pairsWithoutReference(),
          ledger.violationCount(), version, finalBuiltMs, finalSeenMs, convergeMs, DEBOUNCE_MS,
          SNAPSHOT_MS, CONVERGE_MS, converged == null ? 0 : converged.rounds(),
          server.verticle().cache().stats().renders(), gcMillis);

      System.out.printf(Locale.ROOT, "churn: server connections: %.0f closed idle after"
              + " http.keepAliveTimeout, %.0f closed without a first head in"
              + " http.headerTimeout, %.0f refused%n",
          server.metric("tidings_http_connections_keepalive_expired_total"),
          server.metric("tidings_http_connections_head_timeouts_total"),
          server.metric("tidings_http_connections_refused_total"));

      assertThat(clients.firstErrors()).as("failed requests: " + clients.errorSummary())
          .isEmpty();
      assertThat(clients.errorCount()).isZero();
      assertThat(ledger.firstViolations()).as("responses of one snapshot that disagree")
          .isEmpty();
      // Enough happened for the checks above to mean something (figures on this machine: 1,800
      // to 6,700 200s, 190 to 670 304s, 36 to 57 snapshots in 20 s).
      assertThat(clients.ok.sum()).as("200s").isGreaterThanOrEqualTo(25L * SECONDS);
      assertThat(clients.notModified.sum()).as("304s").isGreaterThanOrEqualTo(3L * SECONDS);
      assertThat(ledger.versions()).as("snapshots seen").isGreaterThan(SECONDS);
      assertThat(ledger.versionsWithComplete()).as("snapshots seen with their complete feed")
          .isGreaterThanOrEqualTo(ledger.versions() / 2);
      assertThat(ledger.crossChecks()).as("cross-checks against a complete feed")
          .isGreaterThanOrEqualTo(ledger.versionsWithComplete() * 3L);
      if (notConverged != null) {
        throw notConverged;
      }
      assertThat(finalBuilt).as("the final snapshot was announced").isNotNull();
      assertThat(finalBuiltMs).as("ms from the last write to the final snapshot")
          .isLessThanOrEqualTo(SNAPSHOT_MS);
      assertThat(convergeMs).as("ms from the last write to every feed right").isLessThanOrEqualTo(
          CONVERGE_MS);
      // What the readers saw and parsed is no part of the server's heap.
      ledger = null;
      clients = null;
      bodies = null;
      convergence = null;

      long[] fdAfter = {0};
      long[] heapAfter = {0};
      long heapAllowed = heapBefore + cacheBytes + HEAP_SLACK;
      try {
        await("open files back to " + fdBefore + " + " + FD_SLACK)
            .atMost(Duration.ofSeconds(20))
            .until(() -> (fdAfter[0] = ProcessFootprint.openFiles()) <= fdBefore + FD_SLACK);
        await("live heap back under " + ProcessFootprint.mib(heapAllowed))
            .atMost(Duration.ofSeconds(20))
            .until(() -> (heapAfter[0] = ProcessFootprint.liveHeap()) <= heapAllowed);
      } finally {
        System.out.printf(Locale.ROOT, "churn: open files %d before, %d after (allowed %d); "
                + "live heap %s before, %s after (render cache now %s; allowed %s)%n", fdBefore,
            fdAfter[0], fdBefore + FD_SLACK, ProcessFootprint.mib(heapBefore),
            ProcessFootprint.mib(heapAfter[0]), ProcessFootprint.mib(cacheBytes),
            ProcessFootprint.mib(heapAllowed));
      }
    }
  }
}
