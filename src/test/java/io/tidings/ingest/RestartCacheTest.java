package io.tidings.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidings.testing.Articles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart cache (content.cacheDir): a restart takes unchanged files from it, and reads
 * every file whose path, size, modification time or inode differs; a cache that cannot be
 * trusted as a whole is ignored. Each restart is compared with a fresh scan of the directory.
 */
class RestartCacheTest {
  /** Files are dated an hour back: the cache leaves out files modified within 2 s of writing. */
  private static final FileTime OLD = FileTime.from(Instant.now().minusSeconds(3600));

  @TempDir
  Path base;

  private Path cacheDir() {
    return base.resolve("cache");
  }

  private IngestHarness harness() {
    return IngestHarness.create(base, "native",
        Map.of("content.cacheDir", cacheDir().toString()));
  }

  private Path cacheFile(IngestHarness h) {
    return ParseCache.fileFor(cacheDir().toAbsolutePath(), h.root.toAbsolutePath().normalize());
  }

  private void writeOld(IngestHarness h, String name, String title) throws IOException {
    Path p = h.write(name, Articles.text(name.replace(".txt", ""), title));
    Files.setLastModifiedTime(p, OLD);
  }

  /** Runs a server over the directory until its cache is written, then stops it. */
  private void firstRun(Consumer<IngestHarness> files) throws IOException {
    try (IngestHarness h = harness()) {
      files.accept(h);
      h.start();
      awaitWritten(h);
      assertThat(cacheFile(h)).exists();
    }
  }

  /** Starts again over the same directory and cache: the result equals a fresh scan. */
  private IngestHarness restart() {
    IngestHarness h = harness().start();
    awaitWritten(h); // written again after the scan: not to race the test's own writes
    h.assertMatchesDisk();
    return h;
  }

  private static void awaitWritten(IngestHarness h) {
    await("the cache to be written").atMost(Duration.ofSeconds(10))
        .until(() -> h.ingest.cacheWrites() >= 1);
  }

  @Test
  void aRestartReadsOnlyWhatChangedWhileStopped() throws Exception {
    firstRun(h -> {
      try {
        for (String f : new String[] {"same", "changed", "touched", "replaced", "deleted"}) {
          writeOld(h, f + ".txt", "Title of " + f);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Path root = base.resolve("content");
    // changed: new content (another size); touched: same bytes, new time
    Files.writeString(root.resolve("changed.txt"), Articles.text("changed", "A new title, longer"));
    Files.setLastModifiedTime(root.resolve("changed.txt"), OLD);
    Files.setLastModifiedTime(root.resolve("touched.txt"), FileTime.from(Instant.now()
        .minusSeconds(60)));
    // replaced: the same size and time, but another file (inode) renamed into place
    Path replaced = root.resolve("replaced.txt");
    String text = Articles.text("replaced", "Title of REPLACED");
    assertThat(text.length()).isEqualTo(Files.size(replaced));
    Path tmp = root.resolve(".replaced.tmp");
    Files.writeString(tmp, text);
    Files.setLastModifiedTime(tmp, Files.getLastModifiedTime(replaced));
    Files.move(tmp, replaced, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    Files.delete(root.resolve("deleted.txt"));
    Files.writeString(root.resolve("added.txt"), Articles.text("added", "Added while stopped"));

    try (IngestHarness h = restart()) {
      assertThat(h.ingest.filesFromCache()).as("files taken from the cache").isEqualTo(1);
      assertThat(h.ids()).containsExactlyInAnyOrder("same", "changed", "touched", "replaced",
          "added");
      assertThat(h.article("changed").title()).isEqualTo("A new title, longer");
      assertThat(h.article("replaced").title()).isEqualTo("Title of REPLACED");
    }
  }

  @Test
  void anUnchangedDirectoryComesWhollyFromTheCacheAndEqualsAFullScan() throws Exception {
    firstRun(h -> {
      try {
        for (int i = 0; i < 50; i++) {
          writeOld(h, "a" + i + ".txt", "Article " + i);
        }
        h.write("broken.txt", "---\ntitle: [\n---\n"); // an error: never cached
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (IngestHarness h = restart()) {
      assertThat(h.ingest.filesFromCache()).isEqualTo(50);
      assertThat(h.problemFiles()).containsExactly("broken.txt");
    }
  }

  @Test
  void aFileModifiedJustBeforeTheCacheIsWrittenIsNotTrustedFromIt() throws Exception {
    firstRun(h -> {
      try {
        writeOld(h, "old.txt", "Old");
        h.write("new.txt", Articles.text("new", "New")); // modified now: within 2 s
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (IngestHarness h = restart()) {
      assertThat(h.ingest.filesFromCache()).isEqualTo(1);
    }
  }

  @Test
  void aCorruptTruncatedOrForeignCacheIsIgnoredAndTheScanIsFull() throws Exception {
    firstRun(h -> {
      try {
        for (int i = 0; i < 20; i++) {
          writeOld(h, "a" + i + ".txt", "Article " + i);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Path cache = ParseCache.fileFor(cacheDir().toAbsolutePath(),
        base.resolve("content").toAbsolutePath().normalize());
    byte[] good = Files.readAllBytes(cache);
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x20;
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 9);
    byte[] foreign = good.clone();
    foreign["tidings-parse-cache".length() + 3]++; // the layout version
    byte[] garbage = "not a cache at all".getBytes(StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(cache, java.nio.file.attribute.PosixFilePermissions
        .fromString("rw-rw-rw-")); // the good bytes, but anyone could have written them
    try (IngestHarness h = restart()) {
      assertThat(h.ingest.filesFromCache()).as("a cache others may write").isZero();
    }
    for (byte[] bad : new byte[][] {flipped, truncated, foreign, garbage, new byte[0]}) {
      Files.write(cache, bad);
      try (IngestHarness h = restart()) {
        assertThat(h.ingest.filesFromCache()).isZero();
        assertThat(h.ids()).hasSize(20);
      }
      Files.write(cache, good);
      try (IngestHarness h = restart()) {
        assertThat(h.ingest.filesFromCache()).as("the good cache again").isEqualTo(20);
      }
    }
  }

  /**
   * Over 512 entries the cache is several chunks, decoded on more than one thread: all of it
   * is used; and a cache whose chunks disagree with their counts of entries is ignored as a
   * whole even when its checksum matches (the failure of a chunk decoded on a helper thread
   * fails the load, never a part of it).
   */
  @Test
  void aCacheOfManyChunksIsUsedWholeOrNotAtAll() throws Exception {
    int n = 2 * ParseCache.CHUNK_ENTRIES + 76;
    firstRun(h -> {
      try {
        for (int i = 0; i < n; i++) {
          writeOld(h, "m" + i + ".txt", "Many " + i);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (IngestHarness h = restart()) {
      assertThat(h.ingest.filesFromCache()).isEqualTo(n);
    }
    Path cache = ParseCache.fileFor(cacheDir().toAbsolutePath(),
        base.resolve("content").toAbsolutePath().normalize());
    byte[] good = Files.readAllBytes(cache);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(good.clone());
    int at = "tidings-parse-cache".length() + 8;
    at += 2 + b.getShort(at); // the Tidings version
    at += 2 + b.getShort(at); // the content directory
    at += 8 + 4; // content.maxFileSize, the count of entries
    assertThat(b.getInt(at)).as("the first chunk's entries").isEqualTo(ParseCache.CHUNK_ENTRIES);
    b.putInt(at, ParseCache.CHUNK_ENTRIES - 1); // one entry too few: the last chunk one too many
    int last = at;
    for (int k = 0; k < 2; k++) {
      last += 8 + b.getInt(last + 4);
    }
    assertThat(b.getInt(last)).as("the last chunk's entries").isEqualTo(76);
    b.putInt(last, 77);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(b.array(), 0, good.length - 8);
    b.putLong(good.length - 8, crc.getValue());
    Files.write(cache, b.array());
    try (IngestHarness h = restart()) {
      assertThat(h.ingest.filesFromCache()).isZero();
      assertThat(h.ids()).hasSize(n);
    }
  }

  @Test
  void theCacheNeverHoldsTheSecuredValue() throws Exception {
    firstRun(h -> {
      try {
        for (String spelling : new String[] {"secured", "Secured", "SECURED", "ｓｅｃｕｒｅｄ"}) {
          Path p = h.write(spelling.hashCode() + ".txt", "---\ntitle: T\npublishedDateTime:"
              + " 2024-01-01T00:00:00Z\noriginalUrl: https://example.com/" + spelling.hashCode()
              + "\n" + spelling + ": s3cr3t-token\n---\nbody\n");
          Files.setLastModifiedTime(p, OLD);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (Stream<Path> files = Files.list(cacheDir())) {
      for (Path f : files.toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.toString()).contains("https://example.com/")
            .doesNotContain("s3cr3t").doesNotContain("secured");
      }
    }
    try (IngestHarness h = restart()) {
      assertThat(h.ingest.filesFromCache()).isEqualTo(4);
    }
  }
}
