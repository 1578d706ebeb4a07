package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.article.Article;
import io.tidings.catalog.SnapshotChange;
import io.tidings.testing.Articles;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshness without a fixed wait: a file moved into place is read at once; a file still being
 * written is applied only once it settles, never half-written (Settling).
 */
class IngestSettleTest {
  private static final int PIECES = 5;
  private static final long PAUSE_MILLIS = 150;

  @TempDir
  Path base;
  private IngestHarness h;
  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void close() {
    writer.shutdownNow();
    if (h != null) {
      h.close();
    }
  }

  /** A new version of article {@code id}: its front matter, then body lines, in five pieces. */
  private static List<String> pieces(String id, String title) {
    String head = article(id).title(title).topics("Pieces").text();
    int cut = head.indexOf("originalUrl");
    return List.of(head.substring(0, cut), // no closing ---: does not parse
        head.substring(cut), // front matter complete: parses, with no body yet
        "first line of the body\n", "second line of the body\n", "third and last line\n");
  }

  private static String whole(List<String> pieces) {
    return String.join("", pieces);
  }

  /**
   * Writes the pieces into {@code file}, one every 150 ms, through one open stream (as a slow
   * writer does), each ending at a line boundary; completes when the last is written.
   */
  private CompletableFuture<Void> writeInPieces(Path file, List<String> pieces) throws Exception {
    OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    CompletableFuture<Void> done = new CompletableFuture<>();
    for (int i = 0; i < pieces.size(); i++) {
      int k = i;
      writer.schedule(() -> {
        try {
          out.write(pieces.get(k).getBytes(StandardCharsets.UTF_8));
          out.flush();
          if (k == pieces.size() - 1) {
            out.close();
            done.complete(null);
          }
        } catch (Exception e) {
          done.completeExceptionally(e);
        }
      }, k * PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }
    return done;
  }

  /** Every version of {@code id} that any snapshot since {@code from} held. */
  private List<Article> versions(int from, String id) {
    List<Article> out = new ArrayList<>();
    for (SnapshotChange c : h.changes.subList(from, h.changes.size())) {
      c.added().stream().filter(a -> a.id().equals(Articles.url(id))).forEach(out::add);
    }
    return out;
  }

  @BothModes
  void anArticleRewrittenInPiecesNeverShowsAPartialVersion(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    Path file = h.write("slow.txt", article("slow").title("Old title"));
    h.start();
    h.awaitTitle("slow", "Old title");
    int from = h.changes.size();

    List<String> pieces = pieces("slow", "New title");
    writeInPieces(file, pieces).get(10, TimeUnit.SECONDS);
    h.awaitTitle("slow", "New title");

    assertThat(h.article("slow").body()).contains("third and last line");
    for (Article a : versions(from, "slow")) {
      assertThat(a.body()).as("a version of the article shown while it was being written")
          .contains("third and last line");
    }
    assertThat(h.problemFiles()).isEmpty();
    assertThat(h.snapshotsSince(from)).allSatisfy(s -> assertThat(s.problems())
        .as("problems reported while the file was being written").isEmpty());
  }

  @BothModes
  void aNewFileWrittenInPiecesShowsOnlyWhenComplete(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.start();
    int from = h.changes.size();

    writeInPieces(h.root.resolve("fresh.txt"), pieces("fresh", "Fresh")).get(10,
        TimeUnit.SECONDS);
    h.awaitTitle("fresh", "Fresh");

    assertThat(versions(from, "fresh")).hasSize(1).allSatisfy(a -> assertThat(a.body())
        .as("the body of the only version shown").contains("third and last line"));
    assertThat(h.snapshotsSince(from)).allSatisfy(s -> assertThat(s.problems())
        .as("problems reported while the file was being written").isEmpty());
  }

  /**
   * With a debounce of 10 s (settle time 50 s), a file moved into place still shows within
   * seconds: it is read on its first event, and counts at once because a rename is atomic. A
   * file written in place meanwhile waits for its 50 s.
   */
  @Test
  void aFileMovedIntoPlaceIsReadAtOnceWithoutWaitingToSettle() throws Exception {
    h = IngestHarness.create(base, "native", Map.of("content.debounce", "10s"));
    h.write("moved.txt", article("moved").title("Old title"));
    h.start();

    Path staged = base.resolve("staged.txt");
    Files.write(staged, article("moved").title("Moved in").bytes());
    Files.move(staged, h.root.resolve("moved.txt"), StandardCopyOption.ATOMIC_MOVE);
    h.awaitTitle("moved", "Moved in"); // within 10 s: before the debounce, let alone 50 s
    assertThat(h.ingest.status().watchMode()).isEqualTo("native");
  }

  /** A burst of files moved into place makes a handful of snapshots, not one per file. */
  @BothModes
  void aBurstOfFilesMovedIntoPlaceIsCoalesced(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.start();
    int from = h.changes.size();
    Path staging = Files.createDirectories(base.resolve("staging"));
    int n = 500;
    for (int i = 0; i < n; i++) {
      Files.write(staging.resolve(i + ".txt"), article("b" + i).bytes());
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Files.move(staging.resolve(i + ".txt"), h.root.resolve(i + ".txt"),
          StandardCopyOption.ATOMIC_MOVE);
    }
    long movingMillis = (System.nanoTime() - t0) / 1_000_000;
    await().atMost(Duration.ofSeconds(30)).until(() -> h.current().size() == n);
    // A first snapshot at once, then one per quiet moment or per 500 ms while the burst lasts.
    assertThat(h.changes.size() - from).as("snapshots for 500 files moved in %d ms",
        movingMillis).isBetween(1, (int) Math.max(12, movingMillis / 250 + 6));
  }
}
