package io.medallion.report;

import java.util.Objects;
import java.util.OptionalDouble;

/** Argument checks shared by the report values, so every value rejects bad input the same way. */
final class Checks {
  private Checks() {}

  static long count(String what, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("Invalid " + what + " " + value + ": expected >= 0");
    }
    return value;
  }

  static double share(String what, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(
          "Invalid " + what + " " + value + ": expected a number from 0 to 1");
    }
    return value;
  }

  static OptionalDouble share(String what, OptionalDouble value) {
    Objects.requireNonNull(value, what);
    if (value.isPresent()) {
      share(what, value.getAsDouble());
    }
    return value;
  }

  static String text(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException("Invalid " + what + ": expected non-blank text");
    }
    return value;
  }
}
