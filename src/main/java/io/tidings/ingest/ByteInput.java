package io.tidings.ingest;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * {@link DataInput} over one array of bytes, big-endian like {@link DataInputStream}, without
 * its per-byte locking: for decoding a chunk of the restart cache on a thread of its own.
 * Reading past the end throws {@link EOFException}.
 */
final class ByteInput implements DataInput {
  private final byte[] bytes;
  private int at;

  ByteInput(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Whether every byte was read. */
  boolean atEnd() {
    return at == bytes.length;
  }

  private int need(int n) throws EOFException {
    if (n < 0 || bytes.length - at < n) {
      throw new EOFException();
    }
    int from = at;
    at += n;
    return from;
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    System.arraycopy(bytes, need(len), b, off, len);
  }

  @Override
  public int skipBytes(int n) throws IOException {
    int k = Math.max(0, Math.min(n, bytes.length - at));
    at += k;
    return k;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return bytes[need(1)] != 0;
  }

  @Override
  public byte readByte() throws IOException {
    return bytes[need(1)];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return bytes[need(1)] & 0xff;
  }

  @Override
  public short readShort() throws IOException {
    return (short) readUnsignedShort();
  }

  @Override
  public int readUnsignedShort() throws IOException {
    int i = need(2);
    return ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
  }

  @Override
  public char readChar() throws IOException {
    return (char) readUnsignedShort();
  }

  @Override
  public int readInt() throws IOException {
    int i = need(4);
    return ((bytes[i] & 0xff) << 24) | ((bytes[i + 1] & 0xff) << 16)
        | ((bytes[i + 2] & 0xff) << 8) | (bytes[i + 3] & 0xff);
  }

  @Override
  public long readLong() throws IOException {
    return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  @Override
  public String readLine() {
    throw new UnsupportedOperationException("not a text input");
  }

  @Override
  public String readUTF() throws IOException {
    return DataInputStream.readUTF(this);
  }
}
