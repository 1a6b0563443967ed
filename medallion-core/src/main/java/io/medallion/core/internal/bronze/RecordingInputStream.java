package io.medallion.core.internal.bronze;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Remembers the bytes a parser reads, from a moving "keep" mark on, so the exact raw bytes of a
 * record can be cut out after the parser has found its end. Memory is bounded whatever the input:
 * when the bytes from the mark on outgrow the limit, only their first {@code limit} bytes and the
 * parser's recent read-ahead are kept, so a value larger than the limit can be reported with its
 * beginning but is never held whole.
 */
final class RecordingInputStream extends InputStream {
  /** More than a parser reads ahead (Jackson reads 8000 bytes at a time). */
  private static final int READ_AHEAD = 64 * 1024;

  private final InputStream in;
  private final int limit;
  private final byte[] chunk = new byte[8192];
  private byte[] buffer = new byte[64 * 1024];
  private int length;
  private long base;
  private long keepFrom;
  private boolean eof;
  private byte[] prefix;
  private long prefixStart = -1;

  /**
   * Records a stream.
   *
   * @param in the stream
   * @param limit the most bytes kept from the mark on, beyond the parser's read-ahead
   */
  RecordingInputStream(InputStream in, int limit) {
    this.in = in;
    this.limit = limit;
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
    if (prefix != null && keepFrom > prefixStart) {
      prefix = null;
      prefixStart = -1;
    }
  }

  long keepFrom() {
    return keepFrom;
  }

  /** Total bytes read so far, which is the offset of the next byte. */
  long position() {
    return base + length;
  }

  /**
   * Returns the kept bytes from {@code from} on, up to {@code to}: all of them, unless they outgrew
   * the limit, when only the first ones kept are returned.
   */
  byte[] slice(long from, long to) {
    if (from > to || to > position()) {
      throw new IllegalStateException(
          "Cannot slice bytes " + from + ".." + to + ": read " + position());
    }
    if (from >= base) {
      return Arrays.copyOfRange(buffer, (int) (from - base), (int) (to - base));
    }
    if (prefix != null && from >= prefixStart && from < prefixStart + prefix.length) {
      long end = Math.min(to, prefixStart + prefix.length);
      return Arrays.copyOfRange(prefix, (int) (from - prefixStart), (int) (end - prefixStart));
    }
    return new byte[0];
  }

  /** Returns a kept byte, or -1 when it was not kept. */
  int byteAt(long offset) {
    if (offset >= base && offset < position()) {
      return buffer[(int) (offset - base)] & 0xff;
    }
    if (prefix != null && offset >= prefixStart && offset < prefixStart + prefix.length) {
      return prefix[(int) (offset - prefixStart)] & 0xff;
    }
    return -1;
  }

  /** Reads everything that is left, keeping it within the limit. */
  void drain() throws IOException {
    while (!eof) {
      read(chunk, 0, chunk.length);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void append(byte[] source, int offset, int count) {
    if (length + count > buffer.length) {
      long dropTo = keepFrom;
      if (position() + count - keepFrom > (long) limit + READ_AHEAD) {
        if (prefix == null) {
          prefixStart = Math.max(keepFrom, base);
          long end = Math.min(prefixStart + limit, position());
          prefix = Arrays.copyOfRange(buffer, (int) (prefixStart - base), (int) (end - base));
        }
        dropTo = position() - READ_AHEAD;
      }
      int drop = (int) Math.min(Math.max(dropTo - base, 0), length);
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
