package io.medallion.core.internal.bronze;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Remembers the bytes a parser reads, from a moving "keep" mark on, so the exact raw bytes of a
 * record can be cut out after the parser has found its end. Memory is bounded by the largest record
 * plus the parser's read-ahead.
 */
final class RecordingInputStream extends InputStream {
  private final InputStream in;
  private byte[] buffer = new byte[64 * 1024];
  private int length;
  private long base;
  private long keepFrom;
  private boolean eof;

  RecordingInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      eof = true;
    } else {
      append(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] target, int offset, int count) throws IOException {
    int n = in.read(target, offset, count);
    if (n < 0) {
      eof = true;
    } else if (n > 0) {
      append(target, offset, n);
    }
    return n;
  }

  /** Bytes before this offset may be forgotten. */
  void keepFrom(long offset) {
    keepFrom = Math.max(keepFrom, offset);
  }

  long keepFrom() {
    return keepFrom;
  }

  /** Total bytes read so far, which is the offset of the next byte. */
  long position() {
    return base + length;
  }

  byte[] slice(long from, long to) {
    if (from < base || to > position() || from > to) {
      throw new IllegalStateException(
          "Cannot slice bytes " + from + ".." + to + ": kept " + base + ".." + position());
    }
    return Arrays.copyOfRange(buffer, (int) (from - base), (int) (to - base));
  }

  byte byteAt(long offset) {
    return buffer[(int) (offset - base)];
  }

  /** Reads more input into the buffer; returns false at end of input. */
  boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    byte[] chunk = new byte[8192];
    return read(chunk, 0, chunk.length) >= 0;
  }

  /** Reads everything that is left, so it can be sliced. */
  void drain() throws IOException {
    while (fill()) {
      // keep reading until the end of input
    }
  }

  /** The underlying stream, for a parser that restarts after a broken line. */
  InputStream remaining() {
    return in;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void append(byte[] source, int offset, int count) {
    if (length + count > buffer.length) {
      int drop = (int) Math.min(keepFrom - base, length);
      if (drop > 0) {
        System.arraycopy(buffer, drop, buffer, 0, length - drop);
        length -= drop;
        base += drop;
      }
      if (length + count > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
      }
    }
    System.arraycopy(source, offset, buffer, length, count);
    length += count;
  }
}
