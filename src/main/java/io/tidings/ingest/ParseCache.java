package io.tidings.ingest;

import io.tidings.article.Article;
import io.tidings.article.ArticleCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restart cache ({@code content.cacheDir}): every article file's parsed article, keyed by
 * the file's relative path, size, modification time (ns) and file key (device and inode), in
 * one file per content directory. At start an entry stands in for reading its file only when
 * every part of its key equals what the walk just saw; anything else is read again. Files with
 * errors are not in it (they are read again), and an article holds no {@code secured} value, so
 * neither does the cache.
 *
 * <p>The file: a header (magic, layout version, Tidings version, the content directory,
 * content.maxFileSize), the count of entries, the entries in chunks (each its count of entries,
 * its length in bytes, then the entries, so that chunks decode on several threads at once:
 * {@link ChunkDecoder}), and a CRC-32C of everything before it; nothing decoded is used
 * unless the whole file's checksum matches. A file that is
 * missing, truncated, corrupt, of another version or for another directory is ignored with one
 * log line: the scan then reads every file. It is written to a temporary file in the same folder
 * and renamed over the old one, so a reader never sees half of it.
 */
final class ParseCache {
  private static final Logger LOG = LoggerFactory.getLogger(ParseCache.class);
  private static final String MAGIC = "tidings-parse-cache";
  /** The file's own layout; the article's is {@link ArticleCodec#FORMAT}. */
  static final int LAYOUT = 2;
  /** A chunk ends after this many entries or bytes, whichever comes first. */
  static final int CHUNK_ENTRIES = 512;
  static final int CHUNK_BYTES = 1 << 20;
  /**
   * An entry whose file was modified this close to the time the cache is written is left out:
   * on a file system with coarse timestamps a second write in the same tick would keep size and
   * time, and the cache must never vouch for content it did not see.
   */
  static final long RACY_NANOS = 2_000_000_000L;

  /** One file's parsed article and the stamp it was read at. */
  record Entry(String file, FileStamp stamp, Article article) {}

  private final Path file;
  private final Path root;
  private final long maxFileSize;

  /** @param file the cache file ({@link #fileFor}) */
  ParseCache(Path file, Path root, long maxFileSize) {
    this.file = file;
    this.root = root;
    this.maxFileSize = maxFileSize;
  }

  Path file() {
    return file;
  }

  /**
   * The cache file of a content directory inside {@code cacheDir}: named by a hash of the
   * directory's absolute path, so that servers of different directories can share a cache dir.
   */
  static Path fileFor(Path cacheDir, Path root) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(root.toString().getBytes(StandardCharsets.UTF_8));
      return cacheDir.resolve("parse-" + HexFormat.of().formatHex(h, 0, 8) + ".cache");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a cached stamp still describes the file the walk saw: every part equal. */
  static boolean trusted(FileStamp cached, FileStamp now) {
    return now != null && now.fileKey() != null && cached.size() == now.size()
        && cached.modifiedNanos() == now.modifiedNanos()
        && cached.fileKey().equals(now.fileKey().toString());
  }

  /**
   * The entries of the cache file by relative path, or none (with one log line) when it cannot
   * be used. Never throws. The chunks are decoded by the calling thread and up to
   * {@code helperCount} tasks on {@code helpers}, while the calling thread reads the file.
   */
  Map<String, Entry> load(Executor helpers, int helperCount) {
    String unsafe = writableByOthers(file);
    if (unsafe != null) {
      LOG.warn("restart cache {} not used: {}; reading every file", file, unsafe);
      return Map.of();
    }
    try (InputStream raw = Files.newInputStream(file)) {
      CheckedInputStream checked = new CheckedInputStream(
          new BufferedInputStream(raw, 1 << 16), new CRC32C());
      DataInputStream in = new DataInputStream(checked);
      String why = header(in);
      if (why != null) {
        LOG.info("restart cache {} not used ({}): reading every file", file, why);
        return Map.of();
      }
      int n = in.readInt();
      if (n < 0) {
        throw new IOException("a negative count");
      }
      long size = Files.size(file);
      try (ChunkDecoder decoder = new ChunkDecoder(helpers, helperCount)) {
        for (int read = 0; read < n; ) {
          int count = in.readInt();
          int length = in.readInt();
          if (count < 1 || count > n - read || length < 0 || length > size) {
            throw new IOException("a chunk of " + count + " entries in " + length + " bytes");
          }
          byte[] bytes = new byte[length];
          in.readFully(bytes);
          decoder.add(bytes, count);
          read += count;
        }
        long sum = checked.getChecksum().getValue();
        if (in.readLong() != sum || in.read() != -1) {
          throw new IOException("its checksum does not match");
        }
        return decoder.finish();
      }
    } catch (NoSuchFileException e) {
      LOG.info("restart cache {} not found: reading every file", file);
    } catch (EOFException e) {
      LOG.warn("restart cache {} is truncated: ignored, reading every file", file);
    } catch (IOException | RuntimeException e) {
      LOG.warn("restart cache {} cannot be used ({}): ignored, reading every file", file,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return Map.of();
  }

  /**
   * Why another user could have written the cache file (its articles are served unparsed), or
   * null: the file writable by group or others, or its folder by others.
   */
  private static String writableByOthers(Path file) {
    try {
      var mine = Files.getPosixFilePermissions(file);
      if (mine.contains(PosixFilePermission.GROUP_WRITE)
          || mine.contains(PosixFilePermission.OTHERS_WRITE)) {
        return "the file is writable by other users";
      }
      if (Files.getPosixFilePermissions(file.getParent())
          .contains(PosixFilePermission.OTHERS_WRITE)) {
        return "its folder is writable by every user";
      }
    } catch (UnsupportedOperationException | IOException e) {
      return null; // not POSIX, or missing: load() says so
    }
    return null;
  }

  /** Why the header is not this cache's, or null when it is. */
  private String header(DataInputStream in) throws IOException {
    byte[] magic = new byte[MAGIC.length()];
    in.readFully(magic);
    if (!MAGIC.equals(new String(magic, StandardCharsets.ISO_8859_1))) {
      return "not a Tidings cache file";
    }
    int layout = in.readInt();
    int format = in.readInt();
    String version = in.readUTF();
    if (layout != LAYOUT || format != ArticleCodec.FORMAT || !version.equals(version())) {
      return "written by another version";
    }
    if (!in.readUTF().equals(root.toString()) || in.readLong() != maxFileSize) {
      return "written for another content directory or content.maxFileSize";
    }
    return null;
  }

  /**
   * Writes the entries (those with a file key, not modified within {@link #RACY_NANOS} of now)
   * to a temporary file and renames it over the cache file.
   */
  void write(List<Entry> entries, long nowNanos) throws IOException {
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(dir);
      }
    }
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream raw = Files.newOutputStream(tmp)) {
        CheckedOutputStream checked = new CheckedOutputStream(
            new BufferedOutputStream(raw, 1 << 16), new CRC32C());
        DataOutputStream out = new DataOutputStream(checked);
        out.write(MAGIC.getBytes(StandardCharsets.ISO_8859_1));
        out.writeInt(LAYOUT);
        out.writeInt(ArticleCodec.FORMAT);
        out.writeUTF(version());
        out.writeUTF(root.toString());
        out.writeLong(maxFileSize);
        List<Entry> kept = entries.stream().filter(e -> e.stamp().fileKey() != null
            && nowNanos - e.stamp().modifiedNanos() > RACY_NANOS).toList();
        out.writeInt(kept.size());
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + (1 << 16));
        DataOutputStream chunkOut = new DataOutputStream(chunk);
        int inChunk = 0;
        for (int i = 0; i < kept.size(); i++) {
          ChunkDecoder.write(chunkOut, kept.get(i));
          inChunk++;
          if (inChunk == CHUNK_ENTRIES || chunk.size() >= CHUNK_BYTES || i == kept.size() - 1) {
            chunkOut.flush();
            out.writeInt(inChunk);
            out.writeInt(chunk.size());
            chunk.writeTo(out);
            chunk.reset();
            inChunk = 0;
          }
        }
        out.flush();
        out.writeLong(checked.getChecksum().getValue());
        out.flush();
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The Tidings version, from the jar's manifest; "dev" when run from classes. */
  static String version() {
    String v = ParseCache.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
