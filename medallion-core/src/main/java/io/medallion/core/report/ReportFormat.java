package io.medallion.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How every report format prints numbers, so the same value reads the same in Markdown and HTML and
 * tests can compare a page with the report.
 */
final class ReportFormat {
  /** What an undefined number (no rows, rule never applied) prints as, instead of NaN. */
  static final String NOT_AVAILABLE = "n/a";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ReportFormat() {}

  /** A row count with thousands separators: {@code 12,345}. */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** A score in [0, 1] with three decimals: {@code 0.873}. */
  static String score(OptionalDouble score) {
    return score.isPresent()
        ? bounded(BigDecimal.valueOf(score.getAsDouble()), BigDecimal.ONE, 3, "")
        : NOT_AVAILABLE;
  }

  /** A share in [0, 1] as a percentage with one decimal: {@code 94.5%}. */
  static String percent(OptionalDouble share) {
    return share.isPresent()
        ? bounded(BigDecimal.valueOf(share.getAsDouble()).movePointRight(2), HUNDRED, 1, "%")
        : NOT_AVAILABLE;
  }

  /** A rule weight without trailing zeros: {@code 2}, {@code 1.5}. */
  static String weight(double weight) {
    return BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString();
  }

  static String date(Instant instant) {
    return DATE.format(instant);
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  /**
   * Rounds half up, except that a value that is not quite the maximum or not quite zero never
   * rounds to it: a rule that failed 1 row in 10,000 shows {@code >99.9%}, not a clean 100.0%.
   */
  private static String bounded(BigDecimal value, BigDecimal max, int decimals, String unit) {
    BigDecimal step = BigDecimal.ONE.movePointLeft(decimals);
    BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
    if (value.compareTo(max) < 0 && rounded.compareTo(max) >= 0) {
      return ">" + max.subtract(step).setScale(decimals, RoundingMode.UNNECESSARY) + unit;
    }
    if (value.signum() > 0 && rounded.signum() == 0) {
      return "<" + step.toPlainString() + unit;
    }
    return rounded.toPlainString() + unit;
  }
}
