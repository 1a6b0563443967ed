package io.medallion.core.internal.quality;

import java.util.Objects;

/**
 * What a metric value measures: a metric name, and the row or dataset rule (or score bucket) it is
 * about, if any. Metrics are keyed by these values from the run that computes them to the metrics
 * table (its {@code metric} and {@code rule} columns) and back; {@link #toString()} renders {@code
 * metric} or {@code metric:rule} for messages only.
 *
 * <pre>{@code
 * MetricKey emailPassRate = MetricKey.PASS_RATE.of("email_valid");
 * Double rate = run.values().get(emailPassRate);
 * }</pre>
 *
 * @param metric the metric name, e.g. {@code pass_rate}
 * @param rule the rule or bucket it is about, or null
 */
public record MetricKey(String metric, String rule) {
  /** Upstream rows read by the run. */
  public static final MetricKey ROWS_READ = new MetricKey("rows_read", null);

  /** Rows the run added to silver. */
  public static final MetricKey ROWS_WRITTEN = new MetricKey("rows_written", null);

  /** Rows the run quarantined. */
  public static final MetricKey ROWS_QUARANTINED = new MetricKey("rows_quarantined", null);

  /** Rows that lost to a later row of their key. */
  public static final MetricKey ROWS_DUPLICATES = new MetricKey("rows_duplicates", null);

  /** Mean overall score. */
  public static final MetricKey SCORE_AVG = new MetricKey("score_avg", null);

  /** Mean completeness score. */
  public static final MetricKey COMPLETENESS_AVG = new MetricKey("completeness_avg", null);

  /** Mean validity score. */
  public static final MetricKey VALIDITY_AVG = new MetricKey("validity_avg", null);

  /** Mean consistency score. */
  public static final MetricKey CONSISTENCY_AVG = new MetricKey("consistency_avg", null);

  /** Metric name of a row rule's pass rate, keyed by rule. */
  public static final String PASS_RATE = "pass_rate";

  /** Metric name of a score histogram bucket's count, keyed by bucket number 0-9. */
  public static final String SCORE_BUCKET = "score_bucket";

  /** Metric name of a dataset rule's outcome (1 passed, 0 failed), keyed by rule. */
  public static final String DATASET_RULE = "dataset_rule";

  /**
   * Checks that the metric is named.
   *
   * @param metric the metric name
   * @param rule the rule, or null
   */
  public MetricKey {
    Objects.requireNonNull(metric, "metric");
  }

  /**
   * Returns the key of a metric about a rule, or about nothing in particular.
   *
   * @param metric the metric name
   * @param rule the rule, or null
   * @return the key
   */
  public static MetricKey of(String metric, String rule) {
    return new MetricKey(metric, rule);
  }

  /**
   * Returns the pass-rate key of a row rule.
   *
   * @param rule the rule's name
   * @return the key
   */
  public static MetricKey passRate(String rule) {
    return new MetricKey(PASS_RATE, rule);
  }

  /**
   * Renders the key for messages.
   *
   * @return {@code metric} or {@code metric:rule}
   */
  @Override
  public String toString() {
    return rule == null ? metric : metric + ":" + rule;
  }
}
