package io.medallion.report;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The headline numbers of one earlier run, to show how quality moves over time.
 *
 * <pre>{@code
 * TrendPoint previous = TrendPoint.of(lastWeeksReport);
 * TrendPoint manual =
 *     new TrendPoint(
 *         Instant.parse("2026-01-01T00:00:00Z"),
 *         1000,
 *         OptionalDouble.of(0.91),
 *         OptionalDouble.of(0.04),
 *         Map.of("email_format", 0.93));
 * }</pre>
 *
 * @param runAt when the run happened
 * @param rowsRead rows the run read
 * @param averageScore the run's average row score, empty when it scored no rows
 * @param quarantinedShare the share of rows read that went to quarantine, empty when it read none
 * @param rulePassRates rule name to pass rate, for rules that applied to at least one row; sorted
 *     by rule name
 */
public record TrendPoint(
    Instant runAt,
    long rowsRead,
    OptionalDouble averageScore,
    OptionalDouble quarantinedShare,
    Map<String, Double> rulePassRates) {

  /**
   * Validates and copies the point.
   *
   * <pre>{@code
   * new TrendPoint(runAt, 0, OptionalDouble.empty(), OptionalDouble.empty(), Map.of());
   * }</pre>
   *
   * @param runAt the run time
   * @param rowsRead rows read
   * @param averageScore the average score
   * @param quarantinedShare the quarantined share
   * @param rulePassRates the pass rates
   * @throws IllegalArgumentException when a count is negative or a share is outside [0, 1]
   */
  public TrendPoint {
    Objects.requireNonNull(runAt, "runAt");
    Checks.count("rows read", rowsRead);
    Checks.share("average score", averageScore);
    Checks.share("quarantined share", quarantinedShare);
    Map<String, Double> rates = new TreeMap<>();
    rulePassRates.forEach(
        (rule, rate) ->
            rates.put(
                Checks.text("rule name", rule),
                Checks.share("pass rate of rule '" + rule + "'", rate)));
    rulePassRates = Collections.unmodifiableMap(rates);
  }

  /**
   * Summarizes a run's report as a trend point, e.g. to carry it into the next run's report.
   *
   * <pre>{@code
   * builder.trend(List.of(TrendPoint.of(previousReport)));
   * }</pre>
   *
   * @param report the earlier run's report
   * @return its headline numbers
   */
  public static TrendPoint of(QualityReport report) {
    Map<String, Double> rates = new TreeMap<>();
    for (RuleStats rule : report.rules()) {
      rule.passRate().ifPresent(rate -> rates.put(rule.name(), rate));
    }
    return new TrendPoint(
        report.runAt(),
        report.rows().read(),
        report.averageScore(),
        report.rows().quarantinedShare(),
        rates);
  }
}
