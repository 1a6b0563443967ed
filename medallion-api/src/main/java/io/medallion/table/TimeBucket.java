package io.medallion.table;

import java.util.Locale;
import java.util.Objects;

/**
 * A gold grouping column that truncates a date or timestamp to the start of its day, month or year
 * (UTC).
 *
 * <pre>{@code
 * TimeBucket month = new TimeBucket("month", TimeBucket.Unit.MONTH, "registered_at");
 * }</pre>
 *
 * @param name the output column, a date
 * @param unit the bucket size
 * @param sourceColumn the date or timestamp column bucketed
 */
public record TimeBucket(String name, Unit unit, String sourceColumn) {

  /** The bucket sizes. */
  public enum Unit {
    /** Calendar day. */
    DAY,
    /** Calendar month, as its first day. */
    MONTH,
    /** Calendar year, as its first day. */
    YEAR
  }

  /**
   * Validates the bucket.
   *
   * @param name the output column
   * @param unit the bucket size
   * @param sourceColumn the column bucketed
   */
  public TimeBucket {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(sourceColumn, "sourceColumn");
  }

  @Override
  public String toString() {
    return name + " = " + unit.name().toLowerCase(Locale.ROOT) + "(" + sourceColumn + ")";
  }
}
