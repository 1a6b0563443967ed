package io.medallion.core.internal.gold.dimension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Converts the date and timestamp values a dimension places changes at, and a fact looks versions
 * up at, to UTC microseconds (Iceberg's own timestamp unit) and back. A date is its UTC midnight.
 *
 * <pre>{@code
 * long at = ChangeTimes.micros(LocalDate.of(2024, 1, 1)); // 1704067200000000
 * }</pre>
 */
public final class ChangeTimes {
  private ChangeTimes() {}

  /**
   * Returns a date or timestamp as UTC microseconds.
   *
   * @param value an {@code OffsetDateTime} or {@code LocalDate}, or null
   * @return the microseconds since the epoch, or null for null
   */
  public static Long micros(Object value) {
    if (value instanceof OffsetDateTime timestamp) {
      return ChronoUnit.MICROS.between(Instant.EPOCH, timestamp.toInstant());
    }
    if (value instanceof LocalDate day) {
      return day.toEpochDay() * 86_400_000_000L;
    }
    if (value == null) {
      return null;
    }
    throw new IllegalArgumentException(
        "expected a date or timestamp, got " + value.getClass().getSimpleName() + " " + value);
  }

  /**
   * Returns UTC microseconds as the timestamp Iceberg stores for a timestamptz column.
   *
   * @param micros microseconds since the epoch
   * @return the timestamp at UTC
   */
  public static OffsetDateTime timestamp(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  /**
   * Returns the UTC day of a date or timestamp.
   *
   * @param value an {@code OffsetDateTime} or {@code LocalDate}, or null
   * @return the day, or null for null
   */
  public static LocalDate day(Object value) {
    if (value instanceof OffsetDateTime timestamp) {
      return timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }
    return (LocalDate) value;
  }
}
