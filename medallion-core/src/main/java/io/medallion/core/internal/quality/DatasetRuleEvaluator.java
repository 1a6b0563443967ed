package io.medallion.core.internal.quality;

import io.medallion.quality.DatasetRule;
import io.medallion.quality.DatasetRule.Condition;
import io.medallion.quality.RowView;
import io.medallion.quality.Threshold;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates dataset rules on one batch: row counts, uniqueness, distinct ratios and freshness from
 * the batch's kept rows; metric thresholds and anomalies against the metrics history.
 *
 * <pre>{@code
 * List<DatasetRuleEvaluator.Result> results =
 *     DatasetRuleEvaluator.evaluate(rules, keptRows, metrics, history, now);
 * }</pre>
 */
public final class DatasetRuleEvaluator {
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
   * @param kept the batch's kept rows
   * @param metrics this run's metrics by key
   * @param history past runs, oldest first
   * @param now the run's time
   * @return one result per rule, in order
   */
  public static List<Result> evaluate(
      List<DatasetRule> rules,
      Iterable<? extends RowView> kept,
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
    private final Iterable<? extends RowView> kept;
    private final Map<MetricKey, Double> metrics;
    private final List<MetricsTable.Run> history;
    private final OffsetDateTime now;

    BatchChecks(
        DatasetRule rule,
        Iterable<? extends RowView> kept,
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
      Set<List<Object>> seen = new HashSet<>();
      long duplicates = 0;
      for (RowView row : kept) {
        Object[] key = new Object[unique.keyColumns().size()];
        for (int i = 0; i < key.length; i++) {
          key[i] = row.get(unique.keyColumns().get(i));
        }
        if (!seen.add(Arrays.asList(key))) {
          duplicates++;
        }
      }
      return new Result(
          rule, duplicates == 0, duplicates + " duplicate keys on " + unique.keyColumns());
    }

    @Override
    public Result visitDistinctRatio(Condition.DistinctRatio ratio) {
      Set<Object> distinct = new HashSet<>();
      long present = 0;
      for (RowView row : kept) {
        Object value = row.get(ratio.column());
        if (value != null) {
          present++;
          distinct.add(value);
        }
      }
      double measured = present == 0 ? 1.0 : (double) distinct.size() / present;
      return new Result(
          rule,
          measured >= ratio.min(),
          "distinct ratio " + format(measured) + " vs minimum " + format(ratio.min()));
    }

    @Override
    public Result visitFreshness(Condition.Freshness fresh) {
      OffsetDateTime newest = null;
      for (RowView row : kept) {
        OffsetDateTime value = instant(row.get(fresh.column()));
        if (value != null && (newest == null || value.isAfter(newest))) {
          newest = value;
        }
      }
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
              + ": modified z-score "
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

  private static OffsetDateTime instant(Object value) {
    if (value instanceof OffsetDateTime timestamp) {
      return timestamp;
    }
    return value instanceof LocalDate date ? date.atStartOfDay().atOffset(ZoneOffset.UTC) : null;
  }

  private static String format(double value) {
    return Double.isInfinite(value) ? "infinity" : String.format(Locale.ROOT, "%.4f", value);
  }
}
