package io.medallion.report;

import io.medallion.quality.Dimension;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How one rule fared over all rows of a run.
 *
 * <pre>{@code
 * RuleStats email =
 *     new RuleStats("email_format", Dimension.VALIDITY, "WARNING", 2.0, 940, 60, 0);
 * email.passRate(); // OptionalDouble[0.94]
 * }</pre>
 *
 * @param name the rule's name
 * @param dimension what the rule measures
 * @param severity the rule's severity as named by the engine, e.g. {@code "CRITICAL"}
 * @param weight the rule's weight in a row's score, &gt; 0
 * @param passed rows that satisfied the rule
 * @param failed rows that violated the rule
 * @param skipped rows the rule did not apply to
 */
public record RuleStats(
    String name,
    Dimension dimension,
    String severity,
    double weight,
    long passed,
    long failed,
    long skipped) {

  /**
   * Validates the statistics.
   *
   * <pre>{@code
   * new RuleStats("user_id_not_null", Dimension.COMPLETENESS, "CRITICAL", 1, 99, 1, 0);
   * }</pre>
   *
   * @param name the rule's name
   * @param dimension the dimension
   * @param severity the severity
   * @param weight the weight
   * @param passed rows passed
   * @param failed rows failed
   * @param skipped rows skipped
   * @throws IllegalArgumentException when a text is blank, the weight is not a finite number &gt; 0
   *     or a count is negative
   */
  public RuleStats {
    Checks.text("rule name", name);
    Objects.requireNonNull(dimension, "dimension");
    Checks.text("severity of rule '" + name + "'", severity);
    if (!(weight > 0 && Double.isFinite(weight))) {
      throw new IllegalArgumentException(
          "Invalid weight " + weight + " for rule '" + name + "': expected a finite number > 0");
    }
    Checks.count("passed count of rule '" + name + "'", passed);
    Checks.count("failed count of rule '" + name + "'", failed);
    Checks.count("skipped count of rule '" + name + "'", skipped);
  }

  /**
   * Returns how many rows the rule applied to.
   *
   * <pre>{@code
   * stats.applicable(); // passed + failed
   * }</pre>
   *
   * @return {@code passed + failed}
   */
  public long applicable() {
    return passed + failed;
  }

  /**
   * Returns the share of applicable rows that passed. Skipped rows do not count: a rule that never
   * applied has no pass rate rather than a misleading 0 or 100 %.
   *
   * <pre>{@code
   * stats.passRate().orElse(Double.NaN);
   * }</pre>
   *
   * @return {@code passed / (passed + failed)}, or empty when the rule never applied
   */
  public OptionalDouble passRate() {
    long applicable = applicable();
    return applicable == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) passed / applicable);
  }
}
