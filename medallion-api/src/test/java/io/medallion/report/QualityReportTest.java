package io.medallion.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.medallion.quality.Dimension;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class QualityReportTest {
  private static final Instant NOW = Instant.parse("2026-01-15T08:30:00Z");

  private static QualityReport.Builder builder() {
    return QualityReport.builder("silver.users", "run-1", NOW)
        .rule("user_id_not_null", Dimension.COMPLETENESS, "CRITICAL", 1)
        .rule("email_format", Dimension.VALIDITY, "WARNING", 2);
  }

  private static FailureSample sample(String coordinate) {
    return new FailureSample(coordinate, Map.of("email", "j***@x.org"));
  }

  @Test
  void build_averagesScoresAndCountsHistogram() {
    QualityReport report =
        builder()
            .rows(4, 3, 1, 0)
            .rowScore(1.0)
            .rowScore(0.5)
            .rowScore(0.25)
            .rowScore(0.0)
            .dimensionScore(Dimension.VALIDITY, 1.0)
            .dimensionScore(Dimension.VALIDITY, 0.0)
            .build();

    assertThat(report.averageScore()).isEqualTo(OptionalDouble.of(0.4375));
    assertThat(report.distribution().counts())
        .containsExactly(1L, 0L, 1L, 0L, 0L, 1L, 0L, 0L, 0L, 1L);
    assertThat(report.dimensionScores()).containsExactly(Map.entry(Dimension.VALIDITY, 0.5));
    assertThat(report.dimensionScore(Dimension.COMPLETENESS)).isEmpty();
    assertThat(report.rows()).isEqualTo(new RowCounts(4, 3, 1, 0, false));
  }

  @Test
  void build_noRows_hasNoAverageAndEmptyHistogram() {
    QualityReport report = builder().build();

    assertThat(report.averageScore()).isEmpty();
    assertThat(report.distribution()).isEqualTo(ScoreDistribution.empty());
    assertThat(report.rows().quarantinedShare()).isEmpty();
    assertThat(report.rules()).allSatisfy(rule -> assertThat(rule.passRate()).isEmpty());
  }

  @Test
  void build_countsRuleOutcomesInDeclarationOrder() {
    QualityReport report =
        builder()
            .passed("email_format")
            .passed("email_format")
            .passed("email_format")
            .failed("email_format", "email does not match")
            .skipped("email_format")
            .passed("user_id_not_null")
            .build();

    assertThat(report.rules())
        .containsExactly(
            new RuleStats("user_id_not_null", Dimension.COMPLETENESS, "CRITICAL", 1, 1, 0, 0),
            new RuleStats("email_format", Dimension.VALIDITY, "WARNING", 2, 3, 1, 1));
    assertThat(report.rules().get(1).passRate()).isEqualTo(OptionalDouble.of(0.75));
  }

  @Test
  void build_topFailures_mostFrequentFirstAndCapped() {
    QualityReport report =
        builder()
            .limits(2, 1)
            .failed("user_id_not_null", "user_id is missing")
            .failed("email_format", "no at sign", () -> sample("line 1"))
            .failed("email_format", "no at sign", () -> sample("line 2"))
            .failed("email_format", "bad domain")
            .failed("email_format", "bad domain")
            .failed("email_format", "bad domain")
            .build();

    assertThat(report.topFailures())
        .extracting(FailureReason::reason, FailureReason::count)
        .containsExactly(tuple("bad domain", 3L), tuple("no at sign", 2L));
    assertThat(report.topFailures().get(1).samples()).containsExactly(sample("line 1"));
  }

  @Test
  void failed_enoughSamples_doesNotAskForMore() {
    QualityReport.Builder builder = builder().limits(10, 1);
    builder.failed("email_format", "x", () -> sample("line 1"));

    builder.failed(
        "email_format",
        "x",
        () -> {
          throw new AssertionError("sample supplier called although the reason has its sample");
        });

    assertThat(builder.build().topFailures().get(0).count()).isEqualTo(2);
  }

  @Test
  void failed_undeclaredRule_isRejected() {
    assertThatThrownBy(() -> builder().failed("phone_format", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown rule 'phone_format'");
  }

  @Test
  void rule_declaredTwice_isRejected() {
    assertThatThrownBy(() -> builder().rule("email_format", Dimension.VALIDITY, "WARNING", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already declared");
  }

  @Test
  void rowScore_outsideZeroToOne_isRejected() {
    assertThatThrownBy(() -> builder().rowScore(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().rowScore(1.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a number from 0 to 1");
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

    QualityReport report = builder().trend(List.of(later, earlier)).build();

    assertThat(report.trend()).containsExactly(earlier, later);
  }

  @Test
  void pastRuns_leaveOutThisRunAndLaterPoints() {
    TrendPoint earlier = point("2026-01-01T00:00:00Z");

    QualityReport report =
        builder()
            .trend(List.of(point(NOW.toString()), earlier, point("2026-02-01T00:00:00Z")))
            .build();

    assertThat(report.pastRuns()).containsExactly(earlier);
    assertThat(report.trend()).hasSize(3);
  }

  @Test
  void trendPointOf_takesHeadlineNumbersAndDefinedPassRates() {
    QualityReport report =
        builder()
            .rows(4, 3, 1, 0)
            .rowScore(0.5)
            .passed("email_format")
            .failed("email_format", "x")
            .build();

    TrendPoint point = TrendPoint.of(report);

    assertThat(point)
        .isEqualTo(
            new TrendPoint(
                NOW,
                4,
                OptionalDouble.of(0.5),
                OptionalDouble.of(0.25),
                Map.of("email_format", 0.5)));
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
                    List.of()))
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
