package io.medallion.snowflake;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code <<NAME>>} markers a plan writes for missing settings and secret references: easy to
 * spot in a script, never valid as a value, and always inside a quoted literal so the script still
 * parses.
 */
final class Placeholders {
  static final String OPEN = "<<";
  static final String CLOSE = ">>";

  private Placeholders() {}

  /** The marker for a setting, e.g. {@code <<AWS_ROLE_ARN>>}. */
  static String of(String name) {
    return OPEN + name + CLOSE;
  }

  /** The marker for a secret, e.g. {@code <<secret env:POLARIS_SECRET>>}. */
  static String secret(String origin) {
    return OPEN + "secret " + origin + CLOSE;
  }

  /** The names of the markers in a text, in order of appearance, each once. */
  static Set<String> names(String text) {
    Set<String> names = new LinkedHashSet<>();
    int from = 0;
    while (true) {
      int open = text.indexOf(OPEN, from);
      if (open < 0) {
        return names;
      }
      int close = text.indexOf(CLOSE, open + OPEN.length());
      if (close < 0) {
        return names;
      }
      names.add(text.substring(open + OPEN.length(), close));
      from = close + CLOSE.length();
    }
  }
}
