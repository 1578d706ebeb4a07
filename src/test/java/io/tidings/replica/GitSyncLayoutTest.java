package io.tidings.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.TestServer;
import io.tidings.testing.Articles;
import io.tidings.testing.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content delivery of conf/deploy/k8s/deployment-git-sync.yaml: git-sync keeps each commit's
 * work tree in a hidden folder and swaps a visible link to the new one. A replica that watches
 * the folder with native file events must follow the swap (the link is renamed over, the old
 * tree deleted), and then agree with a replica that starts on the new commit.
 */
class GitSyncLayoutTest {

  @Test
  void aReplicaFollowsTheLinkSwapAndAgreesWithOneStartedAfterIt(@TempDir Path root)
      throws Exception {
    Files.createDirectories(root.resolve(".git"));
    Path first = worktree(root, "1111", Map.of(
        "news/kept.md", Articles.text("kept", "Kept as it was", "AI"),
        "news/edited.md", Articles.text("edited", "Before the commit", "AI"),
        "news/removed.md", Articles.text("removed", "Removed by the commit", "Space")));
    Files.createSymbolicLink(root.resolve("current"), root.relativize(first));
    Map<String, String> settings = Map.of("content.watch", "native",
        "content.rescanInterval", "0");
    try (TestServer watching = TestServer.start(root, settings)) {
      assertThat(watching.text("/feed.json")).contains("Before the commit", "Removed by the commit")
          .doesNotContain("worktrees");

      Path second = worktree(root, "2222", Map.of(
          "news/kept.md", Articles.text("kept", "Kept as it was", "AI"),
          "news/edited.md", Articles.text("edited", "After the commit", "AI"),
          "news/added.md", Articles.text("added", "Added by the commit", "Climate")));
      // git-sync's swap: a new link beside the old one, renamed over it; then the old tree goes.
      Path next = root.resolve(".current-next");
      Files.createSymbolicLink(next, root.relativize(second));
      Files.move(next, root.resolve("current"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      delete(first);

      await("the watching replica to serve the new commit").atMost(Duration.ofSeconds(10))
          .until(() -> {
        String feed = text(watching, "/feed.json");
        return feed.contains("After the commit") && feed.contains("Added by the commit")
            && !feed.contains("Before the commit") && !feed.contains("Removed by the commit");
      });
      try (TestServer fresh = TestServer.start(root, settings)) {
        for (String path : new String[] {"/feed.atom", "/feed.rss", "/topics/ai/feed.json",
            "/api/topics", "/"}) {
          Map<String, String> headers = new Routes.Request("GET", path, Map.of()).headers();
          RawHttp.Answer a = RawHttp.send(watching.port(), "GET", path, headers);
          RawHttp.Answer b = RawHttp.send(fresh.port(), "GET", path, headers);
          assertThat(a.status()).as(path).isEqualTo(200);
          assertThat(a.difference(b)).as(path).isEmpty();
        }
      }
    }
  }

  private static Path worktree(Path root, String commit, Map<String, String> files) {
    Path tree = root.resolve(".worktrees").resolve(commit);
    files.forEach((name, text) -> Articles.write(tree, name, text));
    return tree;
  }

  private static String text(TestServer server, String path) {
    try {
      return server.text(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void delete(Path tree) throws IOException {
    try (Stream<Path> all = Files.walk(tree)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
