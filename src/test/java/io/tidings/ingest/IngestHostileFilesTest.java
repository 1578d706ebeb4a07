package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.tidings.catalog.FileProblem;
import io.tidings.testing.Articles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that would hold ingest up: one that declares 150,000 topics under the size limit, a
 * named pipe renamed over an article file. Each costs its own file an error (its last good
 * version keeps serving); a file written after it is served within a few seconds.
 */
class IngestHostileFilesTest {
  /** Well under what the stalls took (over 75 s), well over a loaded machine's debounce. */
  private static final Duration PROMPTLY = Duration.ofSeconds(8);

  @TempDir
  Path base;
  private IngestHarness h;

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }


  @BothModes
  void aFileOf150000TopicsIsAnErrorAndIngestGoesOn(String mode) {
    h = IngestHarness.create(base, mode);
    h.write("ok.txt", article("ok"));
    h.write("many.txt", article("many").title("few topics").topics("AI", "Chips"));
    h.start();

    StringBuilder topics = new StringBuilder("topics: [");
    for (int i = 0; i < 150_000; i++) {
      topics.append(i == 0 ? "" : ",").append(Integer.toString(i, 36));
    }
    String text = article("many").title("many topics").text()
        .replace("---\n", "").concat(topics + "]\n");
    byte[] bytes = ("---\n" + text + "---\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(bytes.length).as("under content.maxFileSize").isLessThan(1 << 20);
    h.write("many.txt", bytes);
    h.write("new.txt", article("new"));

    await("the file written after it to be served").atMost(PROMPTLY).until(
        () -> h.article("new") != null);
    FileProblem p = h.awaitProblem("many.txt");
    assertThat(p.error().reason())
        .isEqualTo("topics has 150,000 entries, over the limit of 100 a file may declare");
    assertThat(p.stale()).isTrue();
    assertThat(h.article("many").title()).isEqualTo("few topics");
    assertThat(h.current().topics()).containsOnlyKeys("ai", "chips");
    h.assertMatchesDisk("many");
  }

  @BothModes
  void aPipeRenamedOverAnArticleFileIsAnErrorAndIngestGoesOn(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("ok.txt", article("ok"));
    h.write("a.txt", article("a").title("regular"));
    h.start();

    Path pipe = base.resolve("pipe");
    Process p = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
    assumeThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo").isTrue();
    Files.move(pipe, h.root.resolve("a.txt"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    h.write("new.txt", article("new"));

    await("the file written after it to be served").atMost(PROMPTLY).until(
        () -> h.article("new") != null);
    FileProblem problem = h.awaitProblem("a.txt");
    assertThat(problem.error().reason()).isEqualTo(
        "not a regular file but a named pipe, socket or device; only regular files can be articles");
    assertThat(problem.stale()).isTrue();
    assertThat(h.article("a").title()).isEqualTo("regular");
    h.assertMatchesDisk("a");

    // A regular file renamed back over the pipe is read as usual.
    Path next = Articles.write(base, "next.txt", article("a").title("regular again").bytes());
    Files.move(next, h.root.resolve("a.txt"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    h.awaitTitle("a", "regular again");
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.problemFiles()).isEmpty());
    h.assertMatchesDisk();
  }
}
