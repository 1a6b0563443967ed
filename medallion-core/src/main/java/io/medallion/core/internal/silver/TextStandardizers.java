package io.medallion.core.internal.silver;

import io.medallion.table.Standardizer;
import java.util.Locale;

/** The text standardizers, applied to a value that is already a string. */
final class TextStandardizers {
  private TextStandardizers() {}

  static String apply(Standardizer.Text standardizer, String value) {
    return switch (standardizer) {
      case TRIM -> value.strip();
      case LOWER_CASE -> value.toLowerCase(Locale.ROOT);
      case UPPER_CASE -> value.toUpperCase(Locale.ROOT);
      case TITLE_CASE -> titleCase(value);
      case NULL_IF_BLANK -> value.isBlank() ? null : value;
      case EMAIL -> email(value);
    };
  }

  private static String email(String value) {
    String trimmed = value.strip().toLowerCase(Locale.ROOT);
    int at = trimmed.lastIndexOf('@');
    if (at < 0) {
      return trimmed;
    }
    return trimmed.substring(0, at).stripTrailing()
        + '@'
        + trimmed.substring(at + 1).stripLeading();
  }

  /** Upper-cases the first letter of each word; words break at spaces, hyphens and apostrophes. */
  private static String titleCase(String value) {
    StringBuilder out = new StringBuilder(value.length());
    boolean startOfWord = true;
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      out.appendCodePoint(
          startOfWord ? Character.toTitleCase(codePoint) : Character.toLowerCase(codePoint));
      startOfWord = codePoint == ' ' || codePoint == '-' || codePoint == '\'';
      i += Character.charCount(codePoint);
    }
    return out.toString();
  }
}
