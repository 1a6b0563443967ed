package io.medallion.quality;

import io.medallion.Problems;
import java.util.HashMap;
import java.util.Map;

/**
 * Records which properties a builder was given, so that giving one twice is reported as a problem
 * instead of silently keeping the last value.
 */
final class SetOnce {
  private final Map<String, Object> given = new HashMap<>();
  private final Problems problems = new Problems();

  /** Returns the value, noting a problem when the property was already given. */
  <T> T set(String property, T value) {
    if (given.containsKey(property)) {
      problems.add(
          property + " is set twice: " + given.get(property) + ", then " + value + "; set it once");
    } else {
      given.put(property, value);
    }
    return value;
  }

  Problems problems() {
    return problems;
  }
}
