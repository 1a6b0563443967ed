package io.medallion.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.quality.Dimension;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class QualityReportTest {
  private static final Instant NOW = Instant.parse("2026-01-15T08:30:00Z");

  private static final List<RuleStats> RULES =
      List.of(
          new RuleStats("user_id_not_null", Dimension.COMPLETENESS, "CRITICAL", 1, 1, 0, 0),
          new RuleStats("email_format", Dimension.VALIDITY, "WARNING", 2, 1, 1, 0));

  private static QualityReport report(List<TrendPoint> trend) {
    return report(OptionalDouble.of(0.5), trend, Map.of());
  }

  private static QualityReport report(
      OptionalDouble averageScore, List<TrendPoint> trend, Map<String, String> referenceLists) {
    return new QualityReport(
        "silver.users",
        "run-1",
        NOW,
        new RowCounts(4, 3, 1, 0, false),
        averageScore,
        Map.of(Dimension.VALIDITY, 0.5),
        RULES,
        ScoreDistribution.of(0.5),
        List.of(),
        trend,
        List.of(),
        referenceLists);
  }

  @Test
  void report_averageOutsideZeroToOne_isRejected() {
    assertThatThrownBy(() -> report(OptionalDouble.of(1.01), List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid average score 1.01: expected a number from 0 to 1");
  }

  @Test
  void report_referenceLists_keptInOrderAndBlankRejected() {
    Map<String, String> lists = new LinkedHashMap<>();
    lists.put("disposable email domains", "disposable-email-domains of 2026-08-21 (2 domains)");
    lists.put("postcode formats", "postcode_format (21 keys)");

    QualityReport report = report(OptionalDouble.empty(), List.of(), lists);

    assertThat(report.referenceLists()).containsExactlyEntriesOf(lists);
    assertThatThrownBy(() -> report.referenceLists().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () ->
                report(OptionalDouble.empty(), List.of(), Map.of("disposable email domains", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid disposable email domains: expected non-blank text");
  }

  @Test
  void rows_partsExceedingRead_areRejected() {
    assertThatThrownBy(() -> new RowCounts(10, 8, 2, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceed rows read 10");
  }

  @Test
  void trend_isSortedOldestFirst() {
    TrendPoint later = point("2026-01-10T00:00:00Z");
    TrendPoint earlier = point("2026-01-01T00:00:00Z");

    QualityReport report = report(List.of(later, earlier));

    assertThat(report.trend()).containsExactly(earlier, later);
  }

  @Test
  void pastRuns_leaveOutThisRunAndLaterPoints() {
    TrendPoint earlier = point("2026-01-01T00:00:00Z");

    QualityReport report =
        report(List.of(point(NOW.toString()), earlier, point("2026-02-01T00:00:00Z")));

    assertThat(report.pastRuns()).containsExactly(earlier);
    assertThat(report.trend()).hasSize(3);
  }

  @Test
  void trendPointOf_takesHeadlineNumbersAndDefinedPassRates() {
    QualityReport report = report(List.of());

    TrendPoint point = TrendPoint.of(report);

    assertThat(point)
        .isEqualTo(
            new TrendPoint(
                NOW,
                4,
                OptionalDouble.of(0.5),
                OptionalDouble.of(0.25),
                Map.of("user_id_not_null", 1.0, "email_format", 0.5)));
  }

  @Test
  void report_duplicateRuleNames_areRejected() {
    RuleStats rule = new RuleStats("a", Dimension.VALIDITY, "WARNING", 1, 0, 0, 0);

    assertThatThrownBy(
            () ->
                new QualityReport(
                    "t",
                    "r",
                    NOW,
                    RowCounts.none(),
                    OptionalDouble.empty(),
                    Map.of(),
                    List.of(rule, rule),
                    ScoreDistribution.empty(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Duplicate rule 'a'");
  }

  @Test
  void bucketOf_boundsBelongToTheBucketTheyStart() {
    assertThat(ScoreDistribution.bucketOf(0.0)).isZero();
    assertThat(ScoreDistribution.bucketOf(0.0999)).isZero();
    assertThat(ScoreDistribution.bucketOf(0.1)).isEqualTo(1);
    assertThat(ScoreDistribution.bucketOf(0.3)).isEqualTo(3);
    assertThat(ScoreDistribution.bucketOf(0.7)).isEqualTo(7);
    assertThat(ScoreDistribution.bucketOf(0.9)).isEqualTo(9);
    assertThat(ScoreDistribution.bucketOf(1.0)).isEqualTo(9);
  }

  @Test
  void label_lastBucketIsClosed() {
    assertThat(ScoreDistribution.label(0)).isEqualTo("[0.0, 0.1)");
    assertThat(ScoreDistribution.label(9)).isEqualTo("[0.9, 1.0]");
  }

  @Test
  void passRate_neverAppliedRule_isEmptyNotNaN() {
    RuleStats rule = new RuleStats("a", Dimension.VALIDITY, "WARNING", 1, 0, 0, 5);

    assertThat(rule.passRate()).isEmpty();
  }

  @Test
  void failureSample_keepsColumnOrderAndIsUnmodifiable() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("z", "1");
    values.put("a", "2");

    FailureSample sample = new FailureSample("line 1", values);
    values.put("b", "3");

    assertThat(sample.values().keySet()).containsExactly("z", "a");
    assertThatThrownBy(() -> sample.values().put("c", "4"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static TrendPoint point(String at) {
    return new TrendPoint(
        Instant.parse(at), 1, OptionalDouble.of(1), OptionalDouble.of(0), Map.of());
  }
}
