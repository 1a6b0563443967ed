package io.medallion.core.internal.gold.dimension;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A member's values as seen at one change time: from a source row, or from a version the dimension
 * already holds.
 *
 * @param at the change time, UTC microseconds
 * @param tracked the tracked columns' values (type 2), empty for type 1
 * @param attributes the other attributes' values
 */
record Observation(long at, Object[] tracked, Object[] attributes) {

  /**
   * Oldest first. Two observations of one instant are ordered by their values, so the result never
   * depends on the order files were read in.
   */
  static final Comparator<Observation> CHRONOLOGICAL =
      Comparator.comparingLong(Observation::at).thenComparing(Observation::valuesText);

  private String valuesText() {
    return Arrays.deepToString(tracked) + Arrays.deepToString(attributes);
  }
}
