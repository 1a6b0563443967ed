package io.medallion.samples.randomuser;

import java.util.Arrays;
import java.util.List;

/**
 * How one nationality's postcodes look. The API sends most postcodes as JSON numbers (so Australian
 * ones can lose their leading zero) and a few as strings: GB, CA, NL and NO, where Norwegian ones
 * keep their leading zeros.
 */
record PostcodeFormat(int min, int max, List<Template> patterns) {

  PostcodeFormat {
    patterns = List.copyOf(patterns);
  }

  /** Postcodes sent as JSON numbers from {@code min} to {@code max}, both included. */
  static PostcodeFormat numeric(int min, int max) {
    return new PostcodeFormat(min, max, List.of());
  }

  /** Postcodes sent as JSON strings, each following one of the {@link Template} patterns. */
  static PostcodeFormat text(String... patterns) {
    return new PostcodeFormat(0, 0, Arrays.stream(patterns).map(Template::of).toList());
  }

  boolean numeric() {
    return patterns.isEmpty();
  }
}
