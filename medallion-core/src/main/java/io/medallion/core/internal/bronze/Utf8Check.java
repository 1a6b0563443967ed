package io.medallion.core.internal.bronze;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF) without decoding them, so that valid payloads can be stored as the bytes received.
 */
final class Utf8Check {
  private Utf8Check() {}

  static boolean isValid(byte[] bytes) {
    int length = bytes.length;
    int i = 0;
    while (i < length) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        i++;
      } else if (lead < 0xC2) {
        // A continuation byte first, or an overlong two-byte form of ASCII.
        return false;
      } else if (lead < 0xE0) {
        if (i + 1 >= length || !isContinuation(bytes[i + 1])) {
          return false;
        }
        i += 2;
      } else if (lead < 0xF0) {
        if (i + 2 >= length
            || !isContinuation(bytes[i + 1])
            || !isContinuation(bytes[i + 2])
            || (lead == 0xE0 && (bytes[i + 1] & 0xFF) < 0xA0)
            || (lead == 0xED && (bytes[i + 1] & 0xFF) > 0x9F)) {
          return false;
        }
        i += 3;
      } else if (lead < 0xF5) {
        if (i + 3 >= length
            || !isContinuation(bytes[i + 1])
            || !isContinuation(bytes[i + 2])
            || !isContinuation(bytes[i + 3])
            || (lead == 0xF0 && (bytes[i + 1] & 0xFF) < 0x90)
            || (lead == 0xF4 && (bytes[i + 1] & 0xFF) > 0x8F)) {
          return false;
        }
        i += 4;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
