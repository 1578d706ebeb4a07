package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.tidings.catalog.FileProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not (yet) articles: half-written, too big, not UTF-8, unreadable, gone. */
class IngestBadFilesTest {
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
  void aHalfWrittenFileIsParsedOnceItIsComplete(String mode) {
    h = IngestHarness.create(base, mode).start();
    String full = article("a").title("complete").topics("AI").text();
    String half = full.substring(0, full.lastIndexOf("---"));

    h.write("a.txt", half);
    assertThat(h.awaitProblem("a.txt").error().reason()).contains("no closing '---'");
    assertThat(h.ids()).isEmpty();

    h.write("a.txt", full);
    h.awaitTitle("a", "complete");
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.current().problems()).isEmpty());
  }

  @BothModes
  void aFileGoneBeforeItIsReadIsNoError(String mode) throws Exception {
    h = IngestHarness.create(base, mode);
    h.write("keep.txt", article("keep"));
    h.start();

    for (int i = 0; i < 20; i++) {
      Path p = h.write("brief-" + i + ".txt", article("brief-" + i));
      Files.delete(p);
    }
    h.settle();

    assertThat(h.ids()).containsExactly("keep");
    assertThat(h.current().problems()).isEmpty();
  }

  @BothModes
  void aFileOverTheSizeLimitIsRefusedAndTheRestServes(String mode) {
    h = IngestHarness.create(base, mode);
    h.write("ok.txt", article("ok"));
    h.start();

    byte[] big = new byte[5 * 1024 * 1024];
    Arrays.fill(big, (byte) 'x');
    byte[] head = article("big").bytes();
    System.arraycopy(head, 0, big, 0, head.length);
    h.write("big.txt", big);

    FileProblem p = h.awaitProblem("big.txt");
    assertThat(p.error().reason()).contains("over the limit of 1,048,576 bytes")
        .contains("content.maxFileSize");
    assertThat(p.stale()).isFalse();
    assertThat(h.ids()).containsExactly("ok");
  }

  @BothModes
  void aFileThatIsNotUtf8IsAnError(String mode) {
    h = IngestHarness.create(base, mode);
    h.write("ok.txt", article("ok"));
    h.start();

    byte[] latin1 = article("latin").title("Caf\u00e9").text().getBytes(StandardCharsets.ISO_8859_1);
    h.write("latin.txt", latin1);

    FileProblem p = h.awaitProblem("latin.txt");
    assertThat(p.error().reason()).contains("not valid UTF-8");
    assertThat(p.error().line()).isEqualTo(2);
    assertThat(h.ids()).containsExactly("ok");
  }

  @BothModes
  void aFileThatCannotBeReadIsAnError(String mode) throws Exception {
    Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
        "root reads a file whatever its mode; see theServerUserBeingDeniedAFileIsAnError");
    h = IngestHarness.create(base, mode);
    h.write("ok.txt", article("ok"));
    Path locked = h.write("locked.txt", article("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    h.start();

    assertThat(h.awaitProblem("locked.txt").error().reason()).contains("permission denied");
    assertThat(h.ids()).containsExactly("ok");
  }

  /**
   * The permission path even for root: sysfs refuses to open a write-only attribute for
   * reading whoever asks, so a link to one is a file the server may not read.
   */
  @BothModes
  void theServerUserBeingDeniedAFileIsAnError(String mode) throws Exception {
    Path writeOnly = Path.of("/sys/bus/pci/rescan");
    assumeThat(deniesReading(writeOnly)).as("%s exists and refuses reading", writeOnly).isTrue();
    h = IngestHarness.create(base, mode);
    h.write("ok.txt", article("ok"));
    Files.createSymbolicLink(h.root.resolve("denied.txt"), writeOnly);
    h.start();

    FileProblem p = h.awaitProblem("denied.txt");
    assertThat(p.error().reason()).contains("permission denied");
    assertThat(p.error().file()).isEqualTo("denied.txt");
    assertThat(h.ids()).containsExactly("ok");
  }

  private static boolean deniesReading(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      in.readNBytes(1);
      return false;
    } catch (AccessDeniedException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
