package io.medallion.samples.randomuser;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A character pattern filled with random characters, used for phone numbers, postcodes and ids.
 *
 * <p>{@code #} is any digit, {@code D} a digit from 1 to 9, {@code N} a digit from 2 to 9, {@code
 * L} an upper-case letter, and the {@code P}s together take one of the prefixes; anything else is
 * copied. The prefixes carry the leading digits (area codes, mobile ranges) that make a number
 * valid in its country, so that the pattern can keep the API's layout.
 */
record Template(String pattern, List<String> prefixes) {

  private static final char PREFIX = 'P';

  Template {
    int slots = (int) pattern.chars().filter(c -> c == PREFIX).count();
    for (String prefix : prefixes) {
      if (prefix.length() != slots) {
        throw new IllegalArgumentException(
            "prefix '" + prefix + "' must have " + slots + " digits for pattern " + pattern);
      }
    }
    if (slots > 0 && prefixes.isEmpty()) {
      throw new IllegalArgumentException("pattern " + pattern + " needs prefixes");
    }
    prefixes = List.copyOf(prefixes);
  }

  /** A template without prefixes. */
  static Template of(String pattern) {
    return new Template(pattern, List.of());
  }

  /** A template whose {@code P}s take one of the space-separated prefixes. */
  static Template of(String pattern, String prefixes) {
    return new Template(pattern, List.of(prefixes.split(" ")));
  }

  String fill(SplittableRandom random) {
    String prefix = prefixes.isEmpty() ? "" : prefixes.get(random.nextInt(prefixes.size()));
    StringBuilder out = new StringBuilder(pattern.length());
    int used = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '#' -> out.append((char) ('0' + random.nextInt(10)));
        case 'D' -> out.append((char) ('1' + random.nextInt(9)));
        case 'N' -> out.append((char) ('2' + random.nextInt(8)));
        case 'L' -> out.append((char) ('A' + random.nextInt(26)));
        case PREFIX -> out.append(prefix.charAt(used++));
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
