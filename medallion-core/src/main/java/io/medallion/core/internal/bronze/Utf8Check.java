package io.medallion.core.internal.bronze;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF) without decoding them, so that valid payloads can be stored as the bytes received.
 */
final class Utf8Check {
  /**
   * Reads eight bytes at once: runs of ASCII, most of a JSON payload, are checked a word a time.
   */
  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8Check() {}

  static boolean isValid(byte[] bytes) {
    int length = bytes.length;
    int i = 0;
    while (i < length) {
      if (i + Long.BYTES <= length && ((long) WORDS.get(bytes, i) & HIGH_BITS) == 0) {
        i += Long.BYTES;
      } else if (bytes[i] >= 0) {
        i++;
      } else {
        i = sequenceEnd(bytes, i);
        if (i < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Checks the multi-byte sequence that starts at an index.
   *
   * @param bytes the bytes
   * @param i the index of a byte of 0x80 or more
   * @return the index after the sequence, or -1 when it is not well-formed
   */
  static int sequenceEnd(byte[] bytes, int i) {
    int length = bytes.length;
    int lead = bytes[i] & 0xFF;
    if (lead < 0xC2) {
      // A continuation byte first, or an overlong two-byte form of ASCII.
      return -1;
    } else if (lead < 0xE0) {
      return i + 1 < length && isContinuation(bytes[i + 1]) ? i + 2 : -1;
    } else if (lead < 0xF0) {
      if (i + 2 >= length
          || !isContinuation(bytes[i + 1])
          || !isContinuation(bytes[i + 2])
          || (lead == 0xE0 && (bytes[i + 1] & 0xFF) < 0xA0)
          || (lead == 0xED && (bytes[i + 1] & 0xFF) > 0x9F)) {
        return -1;
      }
      return i + 3;
    } else if (lead < 0xF5) {
      if (i + 3 >= length
          || !isContinuation(bytes[i + 1])
          || !isContinuation(bytes[i + 2])
          || !isContinuation(bytes[i + 3])
          || (lead == 0xF0 && (bytes[i + 1] & 0xFF) < 0x90)
          || (lead == 0xF4 && (bytes[i + 1] & 0xFF) > 0x8F)) {
        return -1;
      }
      return i + 4;
    }
    return -1;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
