package io.medallion.table;

import java.time.Instant;

/**
 * The unit of a number a mapping reads as a point in time. Without one, a number where a timestamp
 * or date is expected is a type problem: {@code 12345} is far more often a broken value than a
 * moment in January 1970.
 *
 * <pre>{@code
 * SilverTable.builder(id, raw)
 *     .map("born_at", ColumnType.TIMESTAMP_TZ, "dob")
 *     .epochUnit("born_at", EpochUnit.SECONDS)
 *     .build();
 * }</pre>
 */
public enum EpochUnit {
  /** Seconds since 1970-01-01T00:00:00Z. */
  SECONDS,
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  MILLISECONDS;

  /**
   * Returns the instant a number of this unit stands for.
   *
   * @param value the number
   * @return the instant
   * @throws java.time.DateTimeException when the instant is beyond what Java can represent
   */
  public Instant toInstant(long value) {
    return this == SECONDS ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
  }

  /**
   * Returns the lower-case name used in descriptions.
   *
   * @return e.g. {@code "seconds"}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
