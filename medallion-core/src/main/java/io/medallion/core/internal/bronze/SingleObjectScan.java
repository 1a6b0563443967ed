package io.medallion.core.internal.bronze;

/**
 * One pass over a message that answers "is this exactly one JSON object, in well-formed UTF-8?"
 * without tokens, names or allocations: the common case of a streaming source, where a message is
 * one record. It accepts only what Jackson and {@link Utf8Check} accept too (RFC 8259 JSON, RFC
 * 3629 UTF-8, and tighter limits on nesting, numbers and strings); whatever it is unsure of, it
 * leaves to the full reader, which also words the errors. So it decides nothing on its own: it only
 * lets the common case skip the tokenizer.
 */
final class SingleObjectScan {
  /** Far below Jackson's default nesting limit (1,000): deeper input takes the full reader. */
  private static final int MAX_DEPTH = 64;

  /** Below Jackson's default number length limit (1,000 characters). */
  private static final int MAX_NUMBER_CHARS = 100;

  /** Below Jackson's default name length limit (50,000); applied to every string. */
  private static final int MAX_STRING_BYTES = 40_000;

  private static final int UNSURE = -1;

  private SingleObjectScan() {}

  /**
   * Finds the one JSON object a message holds.
   *
   * @param bytes the message
   * @return the object's first index in the high 32 bits and the index after it in the low 32 bits;
   *     -1 when the message is anything else, or when the scan is unsure
   */
  static long find(byte[] bytes) {
    int start = whitespace(bytes, 0);
    if (start >= bytes.length || bytes[start] != '{') {
      return UNSURE;
    }
    int end = object(bytes, start + 1, 1);
    if (end < 0 || whitespace(bytes, end) != bytes.length) {
      return UNSURE;
    }
    return ((long) start << 32) | end;
  }

  private static int value(byte[] bytes, int i, int depth) {
    if (i >= bytes.length) {
      return UNSURE;
    }
    byte c = bytes[i];
    if (c == '"') {
      return string(bytes, i + 1);
    } else if (c == '{') {
      return depth >= MAX_DEPTH ? UNSURE : object(bytes, i + 1, depth + 1);
    } else if (c == '[') {
      return depth >= MAX_DEPTH ? UNSURE : array(bytes, i + 1, depth + 1);
    } else if (c == 't') {
      return literal(bytes, i, "true");
    } else if (c == 'f') {
      return literal(bytes, i, "false");
    } else if (c == 'n') {
      return literal(bytes, i, "null");
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      return number(bytes, i);
    }
    return UNSURE;
  }

  /** After the opening brace; returns the index after the closing one. */
  private static int object(byte[] bytes, int from, int depth) {
    int i = whitespace(bytes, from);
    if (i < bytes.length && bytes[i] == '}') {
      return i + 1;
    }
    while (true) {
      if (i >= bytes.length || bytes[i] != '"') {
        return UNSURE;
      }
      i = whitespace(bytes, string(bytes, i + 1));
      if (i < 0 || i >= bytes.length || bytes[i] != ':') {
        return UNSURE;
      }
      i = whitespace(bytes, value(bytes, whitespace(bytes, i + 1), depth));
      if (i < 0 || i >= bytes.length) {
        return UNSURE;
      }
      if (bytes[i] == '}') {
        return i + 1;
      }
      if (bytes[i] != ',') {
        return UNSURE;
      }
      i = whitespace(bytes, i + 1);
    }
  }

  /** After the opening bracket; returns the index after the closing one. */
  private static int array(byte[] bytes, int from, int depth) {
    int i = whitespace(bytes, from);
    if (i < bytes.length && bytes[i] == ']') {
      return i + 1;
    }
    while (true) {
      i = whitespace(bytes, value(bytes, i, depth));
      if (i < 0 || i >= bytes.length) {
        return UNSURE;
      }
      if (bytes[i] == ']') {
        return i + 1;
      }
      if (bytes[i] != ',') {
        return UNSURE;
      }
      i = whitespace(bytes, i + 1);
    }
  }

  /** After the opening quote; returns the index after the closing one. */
  private static int string(byte[] bytes, int from) {
    int limit = Math.min(bytes.length, from + MAX_STRING_BYTES);
    int i = from;
    while (i < limit) {
      int c = bytes[i] & 0xFF;
      if (c == '"') {
        return i + 1;
      } else if (c == '\\') {
        i = escape(bytes, i + 1);
        if (i < 0) {
          return UNSURE;
        }
      } else if (c < 0x20) {
        return UNSURE;
      } else if (c < 0x80) {
        i++;
      } else {
        i = Utf8Check.sequenceEnd(bytes, i);
        if (i < 0) {
          return UNSURE;
        }
      }
    }
    return UNSURE;
  }

  private static int escape(byte[] bytes, int i) {
    if (i >= bytes.length) {
      return UNSURE;
    }
    byte c = bytes[i];
    if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r'
        || c == 't') {
      return i + 1;
    }
    if (c != 'u' || i + 4 >= bytes.length) {
      return UNSURE;
    }
    for (int k = i + 1; k <= i + 4; k++) {
      if (Character.digit(bytes[k], 16) < 0) {
        return UNSURE;
      }
    }
    return i + 5;
  }

  /** RFC 8259 numbers: no leading zeros, digits after a point and in an exponent. */
  private static int number(byte[] bytes, int from) {
    int i = from;
    if (bytes[i] == '-') {
      i++;
    }
    if (i < bytes.length && bytes[i] == '0') {
      i++;
    } else {
      int digits = digits(bytes, i);
      if (digits == i) {
        return UNSURE;
      }
      i = digits;
    }
    if (i < bytes.length && bytes[i] == '.') {
      int digits = digits(bytes, i + 1);
      if (digits == i + 1) {
        return UNSURE;
      }
      i = digits;
    }
    if (i < bytes.length && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      if (i < bytes.length && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      int digits = digits(bytes, i);
      if (digits == i) {
        return UNSURE;
      }
      i = digits;
    }
    return i - from > MAX_NUMBER_CHARS ? UNSURE : i;
  }

  private static int digits(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    return i;
  }

  private static int literal(byte[] bytes, int from, String word) {
    if (from + word.length() > bytes.length) {
      return UNSURE;
    }
    for (int k = 0; k < word.length(); k++) {
      if (bytes[from + k] != word.charAt(k)) {
        return UNSURE;
      }
    }
    return from + word.length();
  }

  /** Skips JSON whitespace; passes a negative index through. */
  private static int whitespace(byte[] bytes, int from) {
    int i = from;
    while (i >= 0 && i < bytes.length) {
      byte c = bytes[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      i++;
    }
    return i;
  }
}
