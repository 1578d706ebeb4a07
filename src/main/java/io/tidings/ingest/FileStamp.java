package io.tidings.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a rescan compares to see whether a file changed without reading it. */
record FileStamp(long size, long modifiedNanos, Object fileKey) {
  static FileStamp of(BasicFileAttributes attrs) {
    return new FileStamp(attrs.size(), attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
        attrs.fileKey());
  }

  /**
   * The stamp of a regular file, or of a pipe, socket or device (whose read is an error), or
   * null for a folder, a dangling link or a file that is gone.
   */
  static FileStamp read(Path file) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      return attrs.isRegularFile() || attrs.isOther() ? of(attrs) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
