package io.tidings.ingest;

import io.tidings.article.ArticleCodec;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decodes the restart cache's chunks ({@link ParseCache}) on several threads: the thread that
 * reads the file hands each chunk to a short queue that helper threads take from, and decodes
 * a chunk itself when the queue is full, and every chunk still queued once the file is read.
 * Nothing decoded is handed out before {@link #finish}, which the reader calls only after the
 * whole file's checksum matched; the first failure of any chunk fails the whole cache.
 */
final class ChunkDecoder implements AutoCloseable {
  private record Chunk(byte[] bytes, int entries) {}

  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(4);
  private final Queue<List<ParseCache.Entry>> decoded = new ConcurrentLinkedQueue<>();
  /** One permit per chunk decoded (or given up on). */
  private final Semaphore done = new Semaphore(0);
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  private volatile boolean closed;
  private int chunks;
  private int entries;

  /** @param helpers threads that may help; those that start late find nothing left and end */
  ChunkDecoder(Executor executor, int helpers) {
    for (int i = 0; i < helpers; i++) {
      try {
        executor.execute(this::help);
      } catch (RejectedExecutionException e) {
        break; // closing: the reader decodes alone
      }
    }
  }

  /** One chunk's bytes, holding {@code count} entries. The reading thread only. */
  void add(byte[] bytes, int count) {
    chunks++;
    entries += count;
    Chunk c = new Chunk(bytes, count);
    if (!queue.offer(c)) {
      decode(c);
    }
  }

  /** Every entry by relative path, once every chunk is decoded. The reading thread only. */
  Map<String, ParseCache.Entry> finish() throws IOException {
    for (Chunk c = queue.poll(); c != null; c = queue.poll()) {
      decode(c);
    }
    closed = true;
    done.acquireUninterruptibly(chunks);
    if (failure.get() != null) {
      throw failure.get();
    }
    Map<String, ParseCache.Entry> out = new HashMap<>(entries * 4 / 3 + 1);
    for (List<ParseCache.Entry> list : decoded) {
      for (ParseCache.Entry e : list) {
        out.put(e.file(), e);
      }
    }
    return out;
  }

  /** Stops the helpers (after a failure, or after {@link #finish}). */
  @Override
  public void close() {
    closed = true;
    queue.clear();
  }

  private void help() {
    try {
      while (true) {
        Chunk c = queue.poll(20, TimeUnit.MILLISECONDS);
        if (c != null) {
          decode(c);
        } else if (closed) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void decode(Chunk c) {
    try {
      if (failure.get() == null) {
        decoded.add(read(c));
      }
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e instanceof IOException io ? io
          : new IOException(e.getMessage() == null ? e.getClass().getSimpleName()
              : e.getMessage()));
    } finally {
      done.release();
    }
  }

  private static List<ParseCache.Entry> read(Chunk c) throws IOException {
    ByteInput in = new ByteInput(c.bytes());
    List<ParseCache.Entry> out = new ArrayList<>(c.entries());
    try {
      for (int i = 0; i < c.entries(); i++) {
        String rel = in.readUTF();
        FileStamp stamp = new FileStamp(in.readLong(), in.readLong(), in.readUTF());
        out.add(new ParseCache.Entry(rel, stamp, ArticleCodec.read(in)));
      }
    } catch (EOFException e) {
      throw new IOException("an entry runs past the end of its chunk");
    }
    if (!in.atEnd()) {
      throw new IOException("a chunk longer than its entries");
    }
    return out;
  }

  /** One entry as {@link #read} reads it. */
  static void write(DataOutput out, ParseCache.Entry e) throws IOException {
    out.writeUTF(e.file());
    out.writeLong(e.stamp().size());
    out.writeLong(e.stamp().modifiedNanos());
    out.writeUTF(e.stamp().fileKey().toString());
    ArticleCodec.write(out, e.article());
  }
}
