package io.medallion.core.internal.gold;

import io.medallion.table.TimeBucket;
import java.time.LocalDate;

/**
 * Numbers the periods of a time bucket so that consecutive periods have consecutive numbers: the
 * distance between two periods is a subtraction, and a series walks its periods as a counter.
 */
final class Periods {
  private Periods() {}

  /**
   * The number of the period a bucket's first day starts.
   *
   * @param start the period's first day, as {@link Groups#truncate} returns it
   * @param unit the bucket size
   * @return days, months or years since 1970-01-01 (negative before)
   */
  static long number(LocalDate start, TimeBucket.Unit unit) {
    return switch (unit) {
      case DAY -> start.toEpochDay();
      case MONTH -> (start.getYear() - 1970L) * 12 + start.getMonthValue() - 1;
      case YEAR -> start.getYear() - 1970L;
    };
  }

  /**
   * The first day of a numbered period.
   *
   * @param number the period's number
   * @param unit the bucket size
   * @return the first day
   */
  static LocalDate start(long number, TimeBucket.Unit unit) {
    return switch (unit) {
      case DAY -> LocalDate.ofEpochDay(number);
      case MONTH -> LocalDate.of(1970, 1, 1).plusMonths(number);
      case YEAR -> LocalDate.of(1970, 1, 1).plusYears(number);
    };
  }
}
