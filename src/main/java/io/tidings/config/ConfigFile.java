package io.tidings.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The text of a config file, or one line that says why there is none: the file is looked at
 * before it is opened, because opening a FIFO blocks until someone writes to it, and a device
 * may never end. Only a regular file of at most {@link #MAX_BYTES}, in UTF-8, is read.
 */
final class ConfigFile {
  /** Far more than any config needs (the shipped one is a few KiB); a bound on what is read. */
  static final int MAX_BYTES = 1 << 20;

  private ConfigFile() {}

  static String read(Path file) throws ConfigException {
    String name = Shown.plain(file.toString());
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new ConfigException(name + ": " + reason(file, e));
    }
    if (attributes.isDirectory()) {
      throw new ConfigException(name + ": is a directory, not a config file");
    }
    if (!attributes.isRegularFile()) {
      throw new ConfigException(name + ": is " + kind(file) + ", not a regular file; give a"
          + " YAML file");
    }
    if (attributes.size() > MAX_BYTES) {
      throw tooLarge(name, attributes.size());
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // bounded again: the file may have grown since, or report no size (/proc)
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ConfigException(name + ": " + reason(file, e));
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(name, bytes.length);
    }
    String text = decode(name, bytes);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static ConfigException tooLarge(String name, long size) {
    return new ConfigException(name + ": is " + size + " bytes, larger than the " + MAX_BYTES
        + " bytes (1 MiB) a config file may have");
  }

  /** The reason in a few words: "no such file", "permission denied", "not a directory". */
  private static String reason(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return Files.isSymbolicLink(file) ? "is a symbolic link to a file that does not exist"
          : "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return Shown.plain(f.getReason().toLowerCase(Locale.ROOT)); // "not a directory", ...
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "cannot be read: " + Shown.plain(message);
  }

  /** What a file that is neither a directory nor a regular file is, from its Unix mode. */
  private static String kind(Path file) {
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
      switch (type) {
        case 0010000:
          return "a named pipe (FIFO)";
        case 0020000:
          return "a character device";
        case 0060000:
          return "a block device";
        case 0140000:
          return "a socket";
        default:
          break;
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // no Unix attributes here: say what is known
    }
    return "a special file";
  }

  /** UTF-8, or the line and column of the first byte that is not. */
  private static String decode(String name, byte[] bytes) throws ConfigException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
      int column = before.codePointCount(0, before.length()) + 1;
      throw new ConfigException(String.format("%s:%d:%d: is not valid UTF-8 (byte 0x%02X);"
          + " save the file as UTF-8", name, line, column, bytes[at] & 0xff));
    }
    return out.flip().toString();
  }
}
