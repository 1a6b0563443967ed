package io.medallion.core.internal.bronze;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An input read as a sequence of segments, each line or the whole input as one: reading returns
 * end-of-input at the end of the current segment, so a parser can never read past a line into the
 * next one; {@link #next()} starts the next segment.
 */
final class Segments extends InputStream {
  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private boolean inputEnded;
  private boolean segmentEnded;
  private boolean lines = true;

  Segments(InputStream in) {
    this.in = in;
  }

  /**
   * Returns one of the input's first lines that hold more than white space, without consuming it.
   *
   * @param which 1 for the first such line, 2 for the second
   * @return its bytes, from the end of the line before, or null when it does not end within the
   *     first 64 KiB
   */
  byte[] peekContentLine(int which) throws IOException {
    int seen = 0;
    int lineStart = 0;
    boolean content = false;
    int i = 0;
    while (true) {
      if (i == limit && (limit == buffer.length || !fillBuffer())) {
        return content && inputEnded && seen + 1 == which
            ? Arrays.copyOfRange(buffer, lineStart, i)
            : null;
      }
      byte b = buffer[i++];
      if (b == '\n' && content) {
        if (++seen == which) {
          return Arrays.copyOfRange(buffer, lineStart, i);
        }
        lineStart = i;
        content = false;
      }
      content |= b != ' ' && b != '\t' && b != '\r' && b != '\n';
    }
  }

  /** Makes the whole input one segment, for a JSON document that spans lines. */
  void wholeInput() {
    lines = false;
  }

  /**
   * Skips what is left of the current segment and starts the next one.
   *
   * @return false at the end of the input
   */
  boolean next() throws IOException {
    if (!segmentEnded) {
      skipSegment();
    }
    segmentEnded = false;
    return position < limit || fillBuffer();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int count) throws IOException {
    if (segmentEnded) {
      return -1;
    }
    if (position == limit && !fillBuffer()) {
      segmentEnded = true;
      return -1;
    }
    int n = Math.min(count, limit - position);
    if (lines) {
      for (int i = position; i < position + n; i++) {
        if (buffer[i] == '\n') {
          n = i - position + 1;
          segmentEnded = true;
          break;
        }
      }
    }
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void skipSegment() throws IOException {
    byte[] sink = new byte[8192];
    while (read(sink, 0, sink.length) >= 0) {
      // discard up to the end of the segment
    }
  }

  /** Appends more input to the buffer, moving unread bytes to its start; false at end of input. */
  private boolean fillBuffer() throws IOException {
    if (inputEnded) {
      return false;
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      inputEnded = true;
      return false;
    }
    limit += n;
    return true;
  }
}
