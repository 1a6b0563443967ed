package io.medallion.core.spi.contact;

/** Renders values inside verdict messages so that they stay short and printable. */
final class Texts {
  private static final int MAX_QUOTED = 64;

  private Texts() {}

  /**
   * Quotes a value for a message. Long values are cut, because a message is built per row and a
   * garbage column can hold megabytes; invisible characters are written as {@code <U+0007>} so that
   * a message never carries a raw control character into logs or reports.
   */
  static String quote(String value) {
    int end = Math.min(value.length(), MAX_QUOTED);
    StringBuilder out = new StringBuilder(end + 8).append('\'');
    int i = 0;
    while (i < end) {
      int cp = value.codePointAt(i);
      if (isInvisible(cp)) {
        out.append('<').append(codePoint(cp)).append('>');
      } else {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    if (i < value.length()) {
      out.append("...");
    }
    return out.append('\'').toString();
  }

  /** Formats a code point as {@code U+00F6}. */
  static String codePoint(int codePoint) {
    return String.format("U+%04X", codePoint);
  }

  private static boolean isInvisible(int cp) {
    return Character.isISOControl(cp)
        || (cp != ' ' && Character.isSpaceChar(cp))
        || Character.getType(cp) == Character.FORMAT
        || Character.getType(cp) == Character.SURROGATE;
  }
}
