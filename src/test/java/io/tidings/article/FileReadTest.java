package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ArticleParser#read}: real files, the size limit, files that vanish. */
class FileReadTest {
  private static final int MIB = 1 << 20;

  @TempDir
  Path dir;

  /** A valid article whose body makes the file exactly {@code size} bytes long. */
  private static byte[] validArticleOfSize(int size) {
    byte[] head = Fixtures.article("topics: [AI]").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[size];
    System.arraycopy(head, 0, bytes, 0, head.length);
    for (int i = head.length; i < size; i++) {
      bytes[i] = (byte) ((i - head.length) % 80 == 79 ? '\n' : 'x');
    }
    return bytes;
  }

  @Test
  void readsAndParsesAFile() throws IOException {
    Path f = dir.resolve(Fixtures.SAMPLE);
    Files.write(f, Fixtures.sampleBytes());
    Parsed p = new ArticleParser(MIB).read(f, "sub/" + Fixtures.SAMPLE);
    assertThat(Fixtures.ok(p)).isEqualTo(Fixtures.ok(Fixtures.parser().parse(Fixtures.SAMPLE, Fixtures.sampleBytes())));
  }

  @Test
  void fileOverTheLimitIsRefusedBeforeReading() throws IOException {
    Path big = dir.resolve("big.txt");
    Files.write(big, validArticleOfSize(5 * MIB));
    // the same content parses when the limit allows it: only the size refuses it
    assertThat(Fixtures.ok(new ArticleParser(6L * MIB).read(big, "big.txt")).body()).hasSizeGreaterThan(4 * MIB);

    Parsed p = new ArticleParser(MIB).read(big, "news/big.txt");
    assertThat(p.article()).isNull();
    assertThat(p.isMissing()).isFalse();
    ParseError e = p.error();
    assertThat(e.file()).isEqualTo("news/big.txt");
    assertThat(e.line()).isZero();
    assertThat(e.reason()).contains(String.format("%,d", 5 * MIB), String.format("%,d bytes", MIB),
        "content.maxFileSize", "not read");
  }

  @Test
  void sizeIsCheckedWithoutOpeningTheFile() throws IOException {
    Path big = dir.resolve("unreadable-big.txt");
    Files.write(big, validArticleOfSize(5 * MIB));
    Assumptions.assumeTrue(Files.getFileStore(big).supportsFileAttributeView("posix"));
    Files.setPosixFilePermissions(big, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(Files.isReadable(big), "running as root: permissions do not apply");
    // were the file opened, this would be "permission denied"; refusing by size needs no read
    Parsed p = new ArticleParser(MIB).read(big, "unreadable-big.txt");
    assertThat(p.error().reason()).contains("over the limit", "not read").doesNotContain("permission");

    Parsed small = new ArticleParser(6L * MIB).read(big, "unreadable-big.txt");
    assertThat(small.error().reason()).contains("permission denied");
  }

  @Test
  void fileExactlyAtTheLimitIsRead() throws IOException {
    Path f = dir.resolve("limit.txt");
    Files.write(f, validArticleOfSize(64 * 1024));
    assertThat(Fixtures.ok(new ArticleParser(64 * 1024).read(f, "limit.txt")).title()).isEqualTo("T");
    Files.write(f, validArticleOfSize(64 * 1024 + 1));
    assertThat(new ArticleParser(64 * 1024).read(f, "limit.txt").error().reason()).contains("over the limit");
  }

  @Test
  void bytesOverTheLimitAreRefusedByParseToo() {
    ParseError e = new ArticleParser(1024).parse("x.txt", validArticleOfSize(2048)).error();
    assertThat(e.reason()).contains(String.format("%,d", 2048), String.format("%,d", 1024), "content.maxFileSize");
  }

  @Test
  void deletedFileIsMissing() throws IOException {
    Path f = dir.resolve("gone.txt");
    Files.write(f, Fixtures.sampleBytes());
    Files.delete(f);
    Parsed p = new ArticleParser(MIB).read(f, "gone.txt");
    assertThat(p.isMissing()).isTrue();
    assertThat(p).isSameAs(Parsed.missing());
    assertThat(p.article()).isNull();
    assertThat(p.error()).isNull();
    assertThat(new ArticleParser(MIB).read(dir.resolve("no/such/dir/x.txt"), "x.txt").isMissing()).isTrue();
  }

  @Test
  void aDirectoryIsAnErrorNotACrash() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("folder.txt"));
    Parsed p = new ArticleParser(MIB).read(sub, "folder.txt");
    assertThat(p.isMissing()).isFalse();
    assertThat(p.error()).isNotNull();
    assertThat(p.error().file()).isEqualTo("folder.txt");
  }

  @Test
  void parsedStates() {
    assertThat(Parsed.missing().isMissing()).isTrue();
    assertThat(Parsed.failed(new ParseError("a", 1, 2, "r")).isMissing()).isFalse();
    assertThat(new ParseError("a/b.txt", 3, 0, "bad").toString()).isEqualTo("a/b.txt:3: bad");
    assertThat(new ParseError("a/b.txt", 3, 7, "bad").toString()).isEqualTo("a/b.txt:3:7: bad");
    assertThat(new ParseError("a/b.txt", 0, 7, "bad").toString()).isEqualTo("a/b.txt: bad");
  }
}
