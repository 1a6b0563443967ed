package io.medallion.quality;

import io.medallion.Problems;
import io.medallion.SetOnce;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A rule about a whole batch rather than one row: row counts, uniqueness, distinct ratios,
 * freshness, and metric thresholds or anomalies against the table's own history. A failure warns
 * (recorded in the report and metrics) or fails the batch.
 *
 * <pre>{@code
 * DatasetRule enough = DatasetRule.rowCount(1, 1_000_000);
 * DatasetRule emails = DatasetRule.passRate("email_valid", Threshold.historicalMean(10, -0.05));
 * DatasetRule steady = DatasetRule.anomaly("score_avg", 20, 3.5).failBatch();
 * }</pre>
 *
 * @param name a stable name
 * @param check what is checked
 * @param action {@link PolicyAction#KEEP_FLAGGED} to warn, {@link PolicyAction#FAIL_BATCH} to stop
 *     the commit
 */
public record DatasetRule(String name, Condition check, PolicyAction action) {

  /** Metric names the engine records for every run, usable in thresholds and anomalies. */
  public static final List<String> METRICS =
      List.of(
          "rows_read",
          "rows_written",
          "rows_quarantined",
          "rows_duplicates",
          "score_avg",
          "completeness_avg",
          "validity_avg",
          "consistency_avg",
          "pass_rate");

  /**
   * Validates the rule.
   *
   * @param name the name
   * @param check the condition
   * @param action warn or fail
   */
  public DatasetRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(action, "action");
    if (action == PolicyAction.QUARANTINE) {
      throw new IllegalArgumentException(
          "Dataset rule '"
              + name
              + "' cannot quarantine: a batch has no single row to move;"
              + " use KEEP_FLAGGED or FAIL_BATCH");
    }
  }

  /**
   * The batch's row count (rows read) must lie within bounds.
   *
   * @param min the fewest rows
   * @param max the most rows
   * @return a warning rule named {@code row_count}
   */
  public static DatasetRule rowCount(long min, long max) {
    return warn("row_count", new Condition.RowCount(min, max));
  }

  /**
   * The kept rows must be unique on the columns (a primary key).
   *
   * @param columns the key columns
   * @return a warning rule named {@code unique_<columns>}
   */
  public static DatasetRule unique(String... columns) {
    return warn("unique_" + String.join("_", columns), new Condition.Unique(List.of(columns)));
  }

  /**
   * Distinct non-null values over non-null values of a column must reach a minimum.
   *
   * @param column the column
   * @param min the lowest ratio, in [0, 1]
   * @return a warning rule named {@code <column>_distinct_ratio}
   */
  public static DatasetRule distinctRatio(String column, double min) {
    return warn(column + "_distinct_ratio", new Condition.DistinctRatio(column, min));
  }

  /**
   * The newest value of a date or timestamp column must be at most this old at run time.
   *
   * @param column the column
   * @param maxAge the largest allowed age
   * @return a warning rule named {@code <column>_freshness}
   */
  public static DatasetRule freshness(String column, Duration maxAge) {
    return warn(column + "_freshness", new Condition.Freshness(column, maxAge));
  }

  /**
   * A row rule's pass rate in this batch must reach a threshold.
   *
   * @param rule the row rule's name
   * @param threshold the lowest pass rate, fixed or relative to history
   * @return a warning rule named {@code <rule>_pass_rate}
   */
  public static DatasetRule passRate(String rule, Threshold threshold) {
    return warn(rule + "_pass_rate", new Condition.MetricAtLeast("pass_rate", rule, threshold));
  }

  /**
   * A recorded metric must reach a threshold.
   *
   * @param metric one of {@link #METRICS} (not {@code pass_rate}, see {@link #passRate})
   * @param threshold the lowest value, fixed or relative to history
   * @return a warning rule named {@code <metric>_at_least}
   */
  public static DatasetRule metricAtLeast(String metric, Threshold threshold) {
    return warn(metric + "_at_least", new Condition.MetricAtLeast(metric, null, threshold));
  }

  /**
   * A recorded metric must not jump: its modified z-score (median and MAD of the last runs) must
   * stay at or below a limit. Needs at least three past runs; fewer pass.
   *
   * @param metric one of {@link #METRICS}; for {@code pass_rate} use {@code "pass_rate:<rule>"}
   * @param window how many past runs to compare with
   * @param maxZ the largest modified z-score, typically 3.5
   * @return a warning rule named {@code <metric>_anomaly}
   */
  public static DatasetRule anomaly(String metric, int window, double maxZ) {
    String[] parts = metric.split(":", 2);
    return warn(
        metric.replace(':', '_') + "_anomaly",
        new Condition.Anomaly(parts[0], parts.length == 2 ? parts[1] : null, window, maxZ));
  }

  /**
   * Returns this rule failing the batch instead of warning.
   *
   * @return a new rule
   */
  public DatasetRule failBatch() {
    return new DatasetRule(name, check, PolicyAction.FAIL_BATCH);
  }

  /**
   * Returns this rule under another name.
   *
   * @param newName the name
   * @return a new rule
   */
  public DatasetRule named(String newName) {
    return new DatasetRule(newName, check, action);
  }

  /**
   * Returns a builder holding this rule's properties.
   *
   * <pre>{@code
   * DatasetRule rule = DatasetRule.rowCount(1, 10).toBuilder().name("enough_rows").failBatch().build();
   * }</pre>
   *
   * @return a builder; each property may be set once
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Changes a dataset rule's properties; setting one twice is a problem reported by {@link
   * #build()}.
   *
   * <pre>{@code
   * DatasetRule.unique("user_id").toBuilder().name("one_row_per_user").build();
   * }</pre>
   */
  public static final class Builder {
    private final SetOnce given = new SetOnce();
    private final Condition check;
    private String name;
    private PolicyAction action;

    private Builder(DatasetRule rule) {
      this.check = rule.check;
      this.name = rule.name;
      this.action = rule.action;
    }

    /**
     * Sets the name.
     *
     * @param newName the name
     * @return this builder
     */
    public Builder name(String newName) {
      name = given.set("name", newName);
      return this;
    }

    /**
     * Makes the rule fail the batch instead of warning.
     *
     * @return this builder
     */
    public Builder failBatch() {
      action = given.set("action", PolicyAction.FAIL_BATCH);
      return this;
    }

    /**
     * Makes the rule only warn.
     *
     * @return this builder
     */
    public Builder warn() {
      action = given.set("action", PolicyAction.KEEP_FLAGGED);
      return this;
    }

    /**
     * Builds the rule.
     *
     * @return the rule
     * @throws io.medallion.ValidationException listing every problem
     */
    public DatasetRule build() {
      Problems problems = given.problems();
      problems.check(name != null && !name.isBlank(), "name is missing");
      problems.throwIfAny("dataset rule '" + name + "'");
      return new DatasetRule(name, check, action);
    }
  }

  @Override
  public String toString() {
    return name
        + ": "
        + check.describe()
        + (action == PolicyAction.FAIL_BATCH ? " (fails the batch)" : " (warns)");
  }

  private static DatasetRule warn(String name, Condition condition) {
    return new DatasetRule(name, condition, PolicyAction.KEEP_FLAGGED);
  }

  /** What a dataset rule checks. */
  public sealed interface Condition
      permits Condition.RowCount,
          Condition.Unique,
          Condition.DistinctRatio,
          Condition.Freshness,
          Condition.MetricAtLeast,
          Condition.Anomaly {

    /**
     * Returns the condition in words.
     *
     * @return e.g. {@code "row count between 1 and 1000"}
     */
    String describe();

    /**
     * Returns the columns the condition reads.
     *
     * @return the column names, possibly none
     */
    default List<String> columns() {
      return List.of();
    }

    /**
     * Returns the row rule whose pass rate the condition reads.
     *
     * @return the rule's name, or null when the condition reads no pass rate
     */
    default String passRateRule() {
      return null;
    }

    /**
     * Calls the visitor's method for this kind of condition; a new kind adds a method to {@link
     * Visitor}, so every evaluator fails to compile until it handles it.
     *
     * @param visitor the visitor
     * @param <R> what the visitor returns
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of condition, so that handling every kind is checked by the compiler.
     *
     * <pre>{@code
     * Result result = rule.check().accept(new Condition.Visitor<Result>() { ... });
     * }</pre>
     *
     * @param <R> what each method returns
     */
    interface Visitor<R> {
      /**
       * Handles a row-count bound.
       *
       * @param condition the condition
       * @return the result
       */
      R visitRowCount(RowCount condition);

      /**
       * Handles a uniqueness condition.
       *
       * @param condition the condition
       * @return the result
       */
      R visitUnique(Unique condition);

      /**
       * Handles a distinct-ratio condition.
       *
       * @param condition the condition
       * @return the result
       */
      R visitDistinctRatio(DistinctRatio condition);

      /**
       * Handles a freshness condition.
       *
       * @param condition the condition
       * @return the result
       */
      R visitFreshness(Freshness condition);

      /**
       * Handles a metric threshold.
       *
       * @param condition the condition
       * @return the result
       */
      R visitMetricAtLeast(MetricAtLeast condition);

      /**
       * Handles an anomaly check.
       *
       * @param condition the condition
       * @return the result
       */
      R visitAnomaly(Anomaly condition);
    }

    /**
     * Rows read must lie within bounds.
     *
     * @param min the fewest
     * @param max the most
     */
    record RowCount(long min, long max) implements Condition {
      /**
       * Validates the bounds.
       *
       * @param min the fewest
       * @param max the most
       */
      public RowCount {
        if (min < 0 || min > max) {
          throw new IllegalArgumentException(
              "Invalid row count bounds " + min + ".." + max + ": need 0 <= min <= max");
        }
      }

      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visitRowCount(this);
      }

      @Override
      public String describe() {
        return "row count between " + min + " and " + max;
      }
    }

    /**
     * Kept rows must be unique on columns.
     *
     * @param keyColumns the key columns
     */
    record Unique(List<String> keyColumns) implements Condition {
      /**
       * Validates the key.
       *
       * @param keyColumns the key columns
       */
      public Unique {
        keyColumns = List.copyOf(keyColumns);
        if (keyColumns.isEmpty()) {
          throw new IllegalArgumentException("A uniqueness rule needs at least one column");
        }
      }

      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visitUnique(this);
      }

      @Override
      public List<String> columns() {
        return keyColumns;
      }

      @Override
      public String describe() {
        return "unique on " + keyColumns;
      }
    }

    /**
     * Distinct over non-null values of a column must reach a minimum.
     *
     * @param column the column
     * @param min the lowest ratio
     */
    record DistinctRatio(String column, double min) implements Condition {
      /**
       * Validates the ratio.
       *
       * @param column the column
       * @param min the lowest ratio
       */
      public DistinctRatio {
        Objects.requireNonNull(column, "column");
        if (!(min >= 0 && min <= 1)) {
          throw new IllegalArgumentException(
              "Invalid distinct ratio " + min + " for '" + column + "': expected 0 to 1");
        }
      }

      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visitDistinctRatio(this);
      }

      @Override
      public List<String> columns() {
        return List.of(column);
      }

      @Override
      public String describe() {
        return "distinct ratio of " + column + " at least " + min;
      }
    }

    /**
     * The newest value of a column must be at most this old.
     *
     * @param column a date or timestamp column
     * @param maxAge the largest age
     */
    record Freshness(String column, Duration maxAge) implements Condition {
      /**
       * Validates the condition.
       *
       * @param column the column
       * @param maxAge the largest age
       */
      public Freshness {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
          throw new IllegalArgumentException(
              "Invalid freshness " + maxAge + " for '" + column + "'");
        }
      }

      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visitFreshness(this);
      }

      @Override
      public List<String> columns() {
        return List.of(column);
      }

      @Override
      public String describe() {
        return "newest " + column + " at most " + maxAge + " old";
      }
    }

    /**
     * A metric must reach a threshold.
     *
     * @param metric the metric name
     * @param rule the row rule, for {@code pass_rate}; else null
     * @param threshold the bound
     */
    record MetricAtLeast(String metric, String rule, Threshold threshold) implements Condition {
      /**
       * Validates the condition.
       *
       * @param metric the metric
       * @param rule the rule, or null
       * @param threshold the bound
       */
      public MetricAtLeast {
        requireMetric(metric, rule);
        Objects.requireNonNull(threshold, "threshold");
      }

      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMetricAtLeast(this);
      }

      @Override
      public String passRateRule() {
        return rule;
      }

      @Override
      public String describe() {
        return (rule == null ? metric : metric + " of " + rule) + " >= " + threshold;
      }
    }

    /**
     * A metric must not jump against its history.
     *
     * @param metric the metric name
     * @param rule the row rule, for {@code pass_rate}; else null
     * @param window the past runs compared with
     * @param maxZ the largest modified z-score
     */
    record Anomaly(String metric, String rule, int window, double maxZ) implements Condition {
      /**
       * Validates the condition.
       *
       * @param metric the metric
       * @param rule the rule, or null
       * @param window the window
       * @param maxZ the limit
       */
      public Anomaly {
        requireMetric(metric, rule);
        if (window < 3 || !(maxZ > 0)) {
          throw new IllegalArgumentException(
              "Invalid anomaly check on "
                  + metric
                  + ": window must be >= 3 and maxZ > 0, got "
                  + window
                  + " and "
                  + maxZ);
        }
      }

      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAnomaly(this);
      }

      @Override
      public String passRateRule() {
        return rule;
      }

      @Override
      public String describe() {
        return (rule == null ? metric : metric + " of " + rule)
            + " modified z-score over the last "
            + window
            + " runs <= "
            + maxZ;
      }
    }

    private static void requireMetric(String metric, String rule) {
      if (!METRICS.contains(metric)) {
        throw new IllegalArgumentException(
            "Unknown metric '" + metric + "': expected one of " + METRICS);
      }
      if ("pass_rate".equals(metric) != (rule != null)) {
        throw new IllegalArgumentException(
            "Metric '" + metric + "' " + (rule == null ? "needs a rule name" : "takes no rule"));
      }
    }
  }
}
