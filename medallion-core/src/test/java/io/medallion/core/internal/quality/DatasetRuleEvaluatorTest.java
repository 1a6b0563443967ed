package io.medallion.core.internal.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.quality.DatasetRule;
import io.medallion.quality.RowView;
import io.medallion.quality.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRuleEvaluatorTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-01T12:00:00Z");

  private static List<MetricsTable.Run> history(MetricKey key, double... values) {
    List<MetricsTable.Run> runs = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      runs.add(
          new MetricsTable.Run("r" + i, NOW.minusDays(values.length - i), Map.of(key, values[i])));
    }
    return runs;
  }

  @TempDir Path spill;

  private DatasetRuleEvaluator.Result one(
      DatasetRule rule,
      List<RowView> rows,
      Map<MetricKey, Double> metrics,
      List<MetricsTable.Run> history) {
    try (ColumnMeasures measures = ColumnMeasures.of(List.of(rule), 1_000, spill)) {
      rows.forEach(measures::add);
      return DatasetRuleEvaluator.evaluate(List.of(rule), measures, metrics, history, NOW).get(0);
    }
  }

  @Test
  void rowCount_outsideBounds_fails() {
    DatasetRuleEvaluator.Result result =
        one(DatasetRule.rowCount(10, 20), List.of(), Map.of(MetricKey.ROWS_READ, 5.0), List.of());

    assertThat(result.passed()).isFalse();
    assertThat(result.detail()).isEqualTo("row count 5 outside 10..20");
  }

  @Test
  void unique_duplicateKeys_counted() {
    List<RowView> rows =
        List.of(Map.of("id", "a")::get, Map.of("id", "b")::get, Map.of("id", "a")::get);

    DatasetRuleEvaluator.Result result = one(DatasetRule.unique("id"), rows, Map.of(), List.of());

    assertThat(result.passed()).isFalse();
    assertThat(result.detail()).isEqualTo("1 duplicate keys on [id]");
  }

  @Test
  void distinctRatioAndFreshness_measured() {
    List<RowView> rows =
        List.of(
            Map.<String, Object>of("d", "x", "t", NOW.minusHours(30))::get,
            Map.<String, Object>of("d", "x", "t", NOW.minusHours(2))::get);

    assertThat(one(DatasetRule.distinctRatio("d", 0.6), rows, Map.of(), List.of()).detail())
        .isEqualTo("distinct ratio 0.5000 vs minimum 0.6000");
    DatasetRuleEvaluator.Result fresh =
        one(DatasetRule.freshness("t", Duration.ofHours(1)), rows, Map.of(), List.of());
    assertThat(fresh.passed()).isFalse();
    assertThat(fresh.detail()).isEqualTo("newest t is PT2H old, limit PT1H");
  }

  @Test
  void passRate_relativeToHistory_usesMeanOfLastRunsMinusOffset() {
    DatasetRule rule = DatasetRule.passRate("email_valid", Threshold.historicalMean(3, -0.05));
    List<MetricsTable.Run> past =
        history(MetricKey.passRate("email_valid"), 0.10, 0.90, 0.95, 1.00);

    DatasetRuleEvaluator.Result low =
        one(rule, List.of(), Map.of(MetricKey.passRate("email_valid"), 0.85), past);
    DatasetRuleEvaluator.Result ok =
        one(rule, List.of(), Map.of(MetricKey.passRate("email_valid"), 0.90), past);

    assertThat(low.passed()).isFalse();
    assertThat(low.detail())
        .isEqualTo("pass_rate:email_valid 0.8500 < 0.9000 (mean of last 3 runs - 0.05)");
    assertThat(ok.passed()).isTrue();
  }

  @Test
  void passRate_noHistoryYet_passesSayingSo() {
    DatasetRuleEvaluator.Result result =
        one(
            DatasetRule.passRate("email_valid", Threshold.historicalMean(10, 0)),
            List.of(),
            Map.of(MetricKey.passRate("email_valid"), 0.2),
            List.of());

    assertThat(result.passed()).isTrue();
    assertThat(result.detail()).isEqualTo("pass_rate:email_valid: not enough data (no history)");
  }

  @Test
  void anomaly_jumpAgainstSteadyHistory_flagged() {
    DatasetRule rule = DatasetRule.anomaly("score_avg", 5, 3.5);
    List<MetricsTable.Run> past = history(MetricKey.SCORE_AVG, 0.95, 0.96, 0.95, 0.97, 0.96);

    assertThat(one(rule, List.of(), Map.of(MetricKey.SCORE_AVG, 0.955), past).passed()).isTrue();
    DatasetRuleEvaluator.Result jump =
        one(rule, List.of(), Map.of(MetricKey.SCORE_AVG, 0.60), past);
    assertThat(jump.passed()).isFalse();
    assertThat(jump.detail()).startsWith("score_avg 0.6000 vs median 0.9600: modified z-score ");
  }

  @Test
  void anomaly_fewerThanThreeRuns_passes() {
    DatasetRuleEvaluator.Result result =
        one(
            DatasetRule.anomaly("score_avg", 5, 3.5),
            List.of(),
            Map.of(MetricKey.SCORE_AVG, 0.1),
            history(MetricKey.SCORE_AVG, 0.9, 0.9));

    assertThat(result.passed()).isTrue();
  }
}
