package io.medallion.core.internal.bronze;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Bytes read ahead and given back, followed by the rest of a stream. Giving back again merges into
 * the same chain instead of nesting streams, so a file with many broken lines stays flat.
 */
final class PushbackChain extends InputStream {
  private byte[] head;
  private int offset;
  private final InputStream tail;

  private PushbackChain(byte[] head, InputStream tail) {
    this.head = head;
    this.tail = tail;
  }

  /** Returns a stream of {@code bytes} then {@code rest}, without nesting chains. */
  static PushbackChain of(byte[] bytes, InputStream rest) {
    if (rest instanceof PushbackChain chain) {
      byte[] unread = Arrays.copyOfRange(chain.head, chain.offset, chain.head.length);
      byte[] merged = Arrays.copyOf(bytes, bytes.length + unread.length);
      System.arraycopy(unread, 0, merged, bytes.length, unread.length);
      return new PushbackChain(merged, chain.tail);
    }
    return new PushbackChain(bytes, rest);
  }

  @Override
  public int read() throws IOException {
    if (offset < head.length) {
      return head[offset++] & 0xff;
    }
    return tail.read();
  }

  @Override
  public int read(byte[] target, int at, int count) throws IOException {
    if (count == 0) {
      return 0;
    }
    if (offset < head.length) {
      int n = Math.min(count, head.length - offset);
      System.arraycopy(head, offset, target, at, n);
      offset += n;
      if (offset == head.length) {
        head = new byte[0];
        offset = 0;
      }
      return n;
    }
    return tail.read(target, at, count);
  }

  @Override
  public void close() throws IOException {
    tail.close();
  }
}
