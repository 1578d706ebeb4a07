package io.tidings.ingest;

import static io.tidings.testing.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.catalog.FileProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * Permissions taken away and given back, on a file and on a folder, with the catalog checked
 * against a fresh scan after each step. Needs a process whose reads the file modes can deny:
 * not root with its usual capabilities ({@link IngestPermissionsTest} sees to that). Also a
 * program, so that the test can run it in such a process: {@code PermissionScenario BASE MODE}
 * exits 0 when every step held, 1 with the failure otherwise.
 */
final class PermissionScenario {
  private PermissionScenario() {}

  static void run(Path base, String mode) throws Exception {
    try (IngestHarness h = IngestHarness.create(base, mode)) {
      h.write("ok.txt", article("ok"));
      Path locked = h.write("locked.txt", article("locked").title("readable"));
      h.write("dir/inner.txt", article("inner"));
      h.write("shut/x.txt", article("x"));
      Path shut = h.root.resolve("shut");
      Files.setPosixFilePermissions(shut, PosixFilePermissions.fromString("---------"));
      // A folder that cannot be listed at start-up is that folder's error: the start goes on.
      h.start();
      assertThat(h.ids()).containsExactlyInAnyOrder("inner", "locked", "ok");
      assertThat(h.problem("shut/").error().toString()).isEqualTo("shut/: cannot open this"
          + " folder (permission denied); its articles are not served until it can be listed");
      h.assertMatchesDisk();
      Files.setPosixFilePermissions(shut, PosixFilePermissions.fromString("rwxr-xr-x"));
      h.awaitIds("inner", "locked", "ok", "x");
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(h.problem("shut/")).isNull());
      h.write("shut/y.txt", article("y")); // watched now, in native mode
      h.awaitIds("inner", "locked", "ok", "x", "y");
      IngestHarness.delete(shut);
      h.awaitIds("inner", "locked", "ok");
      h.assertMatchesDisk();

      // Unreadable: the last good version keeps serving, marked stale (DESIGN.md). With file
      // events the chmod itself is seen; a poll sees it with the next change of the file.
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-w-------"));
      if (mode.equals("native")) {
        FileProblem p = awaitProblem(h, "locked.txt");
        assertThat(p.error().reason()).startsWith("permission denied");
        assertThat(p.stale()).isTrue();
        h.assertMatchesDisk("locked");
      }
      Files.writeString(locked, article("locked").title("written while unreadable").text());
      awaitProblem(h, "locked.txt");
      assertThat(h.article("locked").title()).isEqualTo("readable");
      h.assertMatchesDisk("locked");

      // Readable again: read at once, the error gone.
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
      h.awaitTitle("locked", "written while unreadable");
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(h.current().problems()).isEmpty());
      h.assertMatchesDisk();

      // A folder that cannot be listed hides what is in it; listed again, it is back.
      Path dir = h.root.resolve("dir");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
      h.awaitIds("locked", "ok");
      awaitProblem(h, "dir/");
      assertThat(h.ingest.status().directoryMissing()).isFalse();
      h.assertMatchesDisk();
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      h.awaitIds("inner", "locked", "ok");
      h.write("dir/later.txt", article("later"));
      h.awaitIds("inner", "later", "locked", "ok");
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(h.problem("dir/")).isNull());
      h.assertMatchesDisk();
    }
  }

  private static FileProblem awaitProblem(IngestHarness h, String file) {
    await("a problem with " + file).atMost(Duration.ofSeconds(10))
        .until(() -> h.problem(file) != null);
    return h.problem(file);
  }

  public static void main(String[] args) {
    try {
      run(Path.of(args[0]), args[1]);
      System.out.println("permission scenario passed: " + args[1]);
      System.exit(0);
    } catch (Throwable t) {
      t.printStackTrace(System.out);
      System.exit(1);
    }
  }
}
