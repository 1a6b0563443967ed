package io.medallion.core.internal.quality;

import io.medallion.quality.DatasetRule;
import io.medallion.quality.DatasetRule.Condition;
import io.medallion.quality.Threshold;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates dataset rules on one batch: row counts from its metrics; uniqueness, distinct ratios
 * and freshness from what {@link ColumnMeasures} measured over its kept rows; metric thresholds and
 * anomalies against the metrics history.
 *
 * <pre>{@code
 * List<DatasetRuleEvaluator.Result> results =
 *     DatasetRuleEvaluator.evaluate(rules, measures, metrics, history, now);
 * }</pre>
 */
public final class DatasetRuleEvaluator {
  /**
   * What an anomaly check's detail names its measure: the only dataset check that does, so alerts
   * tell anomalies from other failed rules by it.
   */
  public static final String ANOMALY_MEASURE = "modified z-score";

  private DatasetRuleEvaluator() {}

  /**
   * One dataset rule's outcome.
   *
   * @param rule the rule
   * @param passed whether it held
   * @param detail the measured value against the bound, e.g. {@code "pass rate 0.91 < 0.95"}
   */
  public record Result(DatasetRule rule, boolean passed, String detail) {}

  /**
   * Evaluates the rules.
   *
   * @param rules the dataset rules
   * @param kept what was measured over the batch's kept rows, for these rules
   * @param metrics this run's metrics by key
   * @param history past runs, oldest first
   * @param now the run's time
   * @return one result per rule, in order
   */
  public static List<Result> evaluate(
      List<DatasetRule> rules,
      ColumnMeasures kept,
      Map<MetricKey, Double> metrics,
      List<MetricsTable.Run> history,
      OffsetDateTime now) {
    List<Result> results = new ArrayList<>();
    for (DatasetRule rule : rules) {
      results.add(rule.check().accept(new BatchChecks(rule, kept, metrics, history, now)));
    }
    return results;
  }

  /** Evaluates one rule's condition on the batch. */
  private static final class BatchChecks implements Condition.Visitor<Result> {
    private final DatasetRule rule;
    private final ColumnMeasures kept;
    private final Map<MetricKey, Double> metrics;
    private final List<MetricsTable.Run> history;
    private final OffsetDateTime now;

    BatchChecks(
        DatasetRule rule,
        ColumnMeasures kept,
        Map<MetricKey, Double> metrics,
        List<MetricsTable.Run> history,
        OffsetDateTime now) {
      this.rule = rule;
      this.kept = kept;
      this.metrics = metrics;
      this.history = history;
      this.now = now;
    }

    @Override
    public Result visitRowCount(Condition.RowCount count) {
      long rows = metrics.getOrDefault(MetricKey.ROWS_READ, 0.0).longValue();
      boolean ok = rows >= count.min() && rows <= count.max();
      return new Result(
          rule,
          ok,
          "row count " + rows + (ok ? " within " : " outside ") + count.min() + ".." + count.max());
    }

    @Override
    public Result visitUnique(Condition.Unique unique) {
      long duplicates = kept.duplicates(unique);
      return new Result(
          rule, duplicates == 0, duplicates + " duplicate keys on " + unique.keyColumns());
    }

    @Override
    public Result visitDistinctRatio(Condition.DistinctRatio ratio) {
      double measured = kept.distinctRatio(ratio);
      return new Result(
          rule,
          measured >= ratio.min(),
          "distinct ratio " + format(measured) + " vs minimum " + format(ratio.min()));
    }

    @Override
    public Result visitFreshness(Condition.Freshness fresh) {
      OffsetDateTime newest = kept.newest(fresh);
      if (newest == null) {
        return new Result(rule, false, "no " + fresh.column() + " values in the batch");
      }
      Duration age = Duration.between(newest, now);
      return new Result(
          rule,
          age.compareTo(fresh.maxAge()) <= 0,
          "newest " + fresh.column() + " is " + age + " old, limit " + fresh.maxAge());
    }

    @Override
    public Result visitMetricAtLeast(Condition.MetricAtLeast at) {
      MetricKey key = MetricKey.of(at.metric(), at.rule());
      Double value = metrics.get(key);
      Double bound = bound(at.threshold(), MetricsTable.series(history, key));
      if (value == null || bound == null) {
        return new Result(
            rule,
            true,
            key + ": not enough data (" + (value == null ? "no value" : "no history") + ")");
      }
      boolean ok = value >= bound - 1e-12;
      return new Result(
          rule,
          ok,
          key
              + " "
              + format(value)
              + (ok ? " >= " : " < ")
              + format(bound)
              + " ("
              + at.threshold()
              + ")");
    }

    @Override
    public Result visitAnomaly(Condition.Anomaly anomaly) {
      MetricKey key = MetricKey.of(anomaly.metric(), anomaly.rule());
      Double value = metrics.get(key);
      List<Double> series = MetricsTable.series(history, key);
      List<Double> window =
          series.subList(Math.max(0, series.size() - anomaly.window()), series.size());
      if (value == null || window.size() < 3) {
        return new Result(rule, true, key + ": fewer than 3 past runs, no anomaly check yet");
      }
      double z = RobustStatistics.modifiedZScore(window, value);
      boolean ok = z <= anomaly.maxZ();
      return new Result(
          rule,
          ok,
          key
              + " "
              + format(value)
              + " vs median "
              + format(RobustStatistics.median(window))
              + ": "
              + ANOMALY_MEASURE
              + " "
              + format(z)
              + (ok ? " <= " : " > ")
              + format(anomaly.maxZ()));
    }
  }

  private static Double bound(Threshold threshold, List<Double> series) {
    if (!threshold.relative()) {
      return threshold.value();
    }
    if (series.isEmpty()) {
      return null;
    }
    List<Double> window =
        series.subList(Math.max(0, series.size() - threshold.window()), series.size());
    return window.stream().mapToDouble(Double::doubleValue).average().orElseThrow()
        + threshold.value();
  }

  private static String format(double value) {
    return Double.isInfinite(value) ? "infinity" : String.format(Locale.ROOT, "%.4f", value);
  }
}
