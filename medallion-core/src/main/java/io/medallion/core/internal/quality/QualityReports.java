package io.medallion.core.internal.quality;

import io.medallion.core.TableRun;
import io.medallion.quality.Check;
import io.medallion.quality.Dimension;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.Rule;
import io.medallion.report.DatasetCheck;
import io.medallion.report.FailureReason;
import io.medallion.report.FailureSample;
import io.medallion.report.QualityReport;
import io.medallion.report.RowCounts;
import io.medallion.report.RuleStats;
import io.medallion.report.ScoreDistribution;
import io.medallion.report.TrendPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Turns a silver run's figures and its metrics history into a {@link QualityReport}. */
public final class QualityReports {
  private static final int TOP_FAILURES = 10;

  private QualityReports() {}

  /** The reference-list entry naming the disposable email domains the email rule used. */
  public static final String DISPOSABLE_DOMAINS = "disposable email domains";

  /**
   * Builds the report of one silver run.
   *
   * @param table the silver table's name
   * @param run the run's counts
   * @param quality the run's quality figures
   * @param disposableDomains where the email rule's disposable-domain lists come from, shown when
   *     the table has an email rule
   * @return the report, its trend made of the earlier runs and this one
   */
  public static QualityReport of(
      String table, TableRun run, RunQuality quality, String disposableDomains) {
    QualityStats stats = quality.stats();
    RowCounts rows =
        new RowCounts(run.read(), run.written(), run.quarantined(), run.duplicates(), false);
    Map<Dimension, Double> dimensions = new EnumMap<>(Dimension.class);
    boolean scored = stats.scored() > 0;
    if (scored) {
      dimensions.put(Dimension.COMPLETENESS, stats.averageCompleteness());
      dimensions.put(Dimension.VALIDITY, stats.averageValidity());
      dimensions.put(Dimension.CONSISTENCY, stats.averageConsistency());
    }
    List<RuleStats> rules = new ArrayList<>();
    List<FailureReason> failures = new ArrayList<>();
    for (int i = 0; i < stats.rules().size(); i++) {
      Rule rule = stats.rules().get(i);
      rules.add(
          new RuleStats(
              rule.name(),
              rule.dimension(),
              rule.severity().name().toLowerCase(Locale.ROOT),
              rule.weight(),
              stats.passed(i),
              stats.failed(i),
              stats.skipped(i)));
      if (stats.failed(i) > 0) {
        failures.add(
            new FailureReason(
                rule.name(),
                "expected: " + rule.check().describe(),
                stats.failed(i),
                samples(stats.samples().getOrDefault(rule.name(), List.of()))));
      }
    }
    failures.sort(Comparator.comparingLong(FailureReason::count).reversed());
    List<Long> buckets = new ArrayList<>();
    for (long count : stats.histogram()) {
      buckets.add(count);
    }
    QualityReport withoutTrend =
        new QualityReport(
            table,
            quality.runId(),
            quality.runAt().toInstant(),
            rows,
            scored ? OptionalDouble.of(stats.averageScore()) : OptionalDouble.empty(),
            dimensions,
            rules,
            new ScoreDistribution(buckets),
            failures.subList(0, Math.min(TOP_FAILURES, failures.size())),
            List.of(),
            datasetChecks(quality.datasetResults()),
            usesEmailRule(stats.rules())
                ? Map.of(DISPOSABLE_DOMAINS, disposableDomains)
                : Map.of());
    List<TrendPoint> trend = new ArrayList<>();
    for (MetricsTable.Run past : quality.history()) {
      trend.add(point(past));
    }
    trend.add(TrendPoint.of(withoutTrend));
    return new QualityReport(
        withoutTrend.table(),
        withoutTrend.runId(),
        withoutTrend.runAt(),
        withoutTrend.rows(),
        withoutTrend.averageScore(),
        withoutTrend.dimensionScores(),
        withoutTrend.rules(),
        withoutTrend.distribution(),
        withoutTrend.topFailures(),
        trend,
        withoutTrend.datasetChecks(),
        withoutTrend.referenceLists());
  }

  private static boolean usesEmailRule(List<Rule> rules) {
    return rules.stream().anyMatch(rule -> rule.check() instanceof Check.ValidEmail);
  }

  private static List<DatasetCheck> datasetChecks(List<DatasetRuleEvaluator.Result> results) {
    List<DatasetCheck> checks = new ArrayList<>();
    for (DatasetRuleEvaluator.Result result : results) {
      checks.add(
          new DatasetCheck(
              result.rule().name(),
              result.rule().check().describe(),
              result.passed(),
              result.detail(),
              result.rule().action() == PolicyAction.FAIL_BATCH));
    }
    return checks;
  }

  private static List<FailureSample> samples(List<QualityStats.Sample> kept) {
    List<FailureSample> samples = new ArrayList<>();
    for (QualityStats.Sample sample : kept) {
      samples.add(new FailureSample(sample.coordinate(), sample.values()));
    }
    return samples;
  }

  private static TrendPoint point(MetricsTable.Run run) {
    Map<MetricKey, Double> values = run.values();
    double read = values.getOrDefault(MetricKey.ROWS_READ, 0.0);
    Map<String, Double> passRates = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (key.metric().equals(MetricKey.PASS_RATE) && key.rule() != null) {
            passRates.put(key.rule(), value);
          }
        });
    return new TrendPoint(
        run.runAt().toInstant(),
        (long) read,
        optional(values.get(MetricKey.SCORE_AVG)),
        read == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of(values.getOrDefault(MetricKey.ROWS_QUARANTINED, 0.0) / read),
        passRates);
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
