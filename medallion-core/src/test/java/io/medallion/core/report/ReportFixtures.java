package io.medallion.core.report;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.TableStatus;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertKind;
import io.medallion.quality.Dimension;
import io.medallion.quality.Severity;
import io.medallion.report.DatasetCheck;
import io.medallion.report.FailureReason;
import io.medallion.report.FailureSample;
import io.medallion.report.Masking;
import io.medallion.report.QualityReport;
import io.medallion.report.RowCounts;
import io.medallion.report.RuleStats;
import io.medallion.report.ScoreDistribution;
import io.medallion.report.TrendPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** Reports to render: a realistic run with dirty data, and a run that read nothing. */
final class ReportFixtures {
  static final String SCRIPT_REASON = "email is <script>alert('x')</script> & | `tick` \"quoted\"";

  private static final Instant RUN_AT = Instant.parse("2026-01-15T08:30:00Z");
  private static final Masking MASKING =
      Masking.builder()
          .plain("user_id")
          .email("email")
          .phone("phone")
          .name("first_name")
          .secret("password")
          .build();

  private ReportFixtures() {}

  /**
   * The history of silver.users: the run log rows of the run of {@link #sample()} and a failed one
   * before it, and the alerts the two raised.
   */
  static RunHistory history() {
    return new RunHistory(runLog(), alerts());
  }

  private static List<Alert> alerts() {
    return List.of(
        new Alert(
            "20260115T083000Z-0000beef",
            "randomuser",
            Optional.of(TableId.of("silver", "users")),
            AlertKind.DATASET_RULE,
            Severity.WARNING,
            "1 dataset rule [email_unique] (warning; the batch was committed)",
            List.of("email_unique: 12 duplicates <b>bold</b> (expected 0)"),
            Optional.of("reports/silver.users/report.html"),
            RUN_AT.plusSeconds(3)),
        new Alert(
            "20260114T083000Z-0000dead",
            "randomuser",
            Optional.of(TableId.of("silver", "users")),
            AlertKind.RUN_FAILED,
            Severity.CRITICAL,
            "the run failed: <script>alert('x')</script>",
            List.of(),
            Optional.empty(),
            RUN_AT.minusSeconds(86_400)));
  }

  private static List<RunLogEntry> runLog() {
    return List.of(
        historyRow(
            "20260115T083000Z-0000beef",
            RUN_AT,
            TableStatus.COMMITTED,
            1234,
            1150,
            OptionalDouble.of(0.9123),
            null),
        historyRow(
            "20260114T083000Z-0000dead",
            RUN_AT.minusSeconds(86_400),
            TableStatus.FAILED,
            0,
            0,
            OptionalDouble.empty(),
            "silver.users was not updated: <script>alert('x')</script> password=****"));
  }

  private static RunLogEntry historyRow(
      String runId,
      Instant startedAt,
      TableStatus status,
      long rowsIn,
      long written,
      OptionalDouble score,
      String error) {
    return new RunLogEntry(
        runId,
        "randomuser",
        startedAt,
        Optional.of(TableId.of("silver", "users")),
        Optional.of(Layer.SILVER),
        startedAt,
        startedAt.plusSeconds(3),
        status,
        OptionalLong.of(11),
        written > 0 ? OptionalLong.of(12) : OptionalLong.empty(),
        rowsIn,
        written,
        rowsIn - written,
        0,
        score,
        Optional.ofNullable(error).map(e -> "io.medallion.MedallionException"),
        Optional.ofNullable(error));
  }

  /** 1,234 generated rows with failures in every dimension, a rule that never applies, a trend. */
  static QualityReport sample() {
    Tally report =
        new Tally()
            .rule("user_id_not_null", Dimension.COMPLETENESS, "CRITICAL", 1)
            .rule("email_format", Dimension.VALIDITY, "WARNING", 2)
            .rule("phone_e164", Dimension.VALIDITY, "WARNING", 1)
            .rule("age_matches_birth_date", Dimension.CONSISTENCY, "WARNING", 1)
            .rule("legacy_code_allowed", Dimension.VALIDITY, "WARNING", 0.5);
    int read = 1234;
    int duplicates = 34;
    int quarantined = 0;
    for (int i = 0; i < read - duplicates; i++) {
      Row row = new Row(report, i);
      row.check("user_id_not_null", i % 97 != 0, 1, "user_id is missing");
      if (i % 10 == 3) {
        report.skipped("email_format");
      } else {
        row.check(
            "email_format",
            i % 10 != 7,
            2,
            i % 20 == 7 ? SCRIPT_REASON : "email does not match the address pattern");
      }
      row.check("phone_e164", i % 4 != 0, 1, "phone is not in E.164 form");
      row.check("age_matches_birth_date", i % 200 != 0, 1, "age disagrees with born_at");
      report.skipped("legacy_code_allowed");
      double score = row.score();
      report.rowScore(score);
      if (i % 97 == 0 || score < 0.6) {
        quarantined++;
      }
    }
    return report.build(
        "batch-2026-01-15",
        new RowCounts(read, read - duplicates - quarantined, quarantined, duplicates, false),
        List.of(
            new TrendPoint(
                Instant.parse("2026-01-01T08:30:00Z"),
                1000,
                OptionalDouble.of(0.812),
                OptionalDouble.of(0.05),
                Map.of("email_format", 0.9, "phone_e164", 0.7)),
            new TrendPoint(
                Instant.parse("2026-01-08T08:30:00Z"),
                0,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Map.of()),
            new TrendPoint(
                Instant.parse("2026-01-12T08:30:00Z"),
                1100,
                OptionalDouble.of(0.8456),
                OptionalDouble.of(0.0318),
                Map.of("email_format", 0.88, "phone_e164", 0.74, "user_id_not_null", 0.99))),
        List.of(
            new DatasetCheck(
                "row_count",
                "row count between 1 and 5000",
                true,
                "row count 1200 within 1..5000",
                false),
            new DatasetCheck(
                "email_format_pass_rate",
                "pass_rate of email_format >= mean of last 10 runs - 0.05",
                false,
                "pass_rate:email_format 0.8000 < 0.8300 <script>",
                true)));
  }

  /** A run that read nothing and has no earlier runs. */
  static QualityReport zeroRows() {
    return zeroRowTally().build("empty-run", RowCounts.none(), List.of(), List.of());
  }

  /** A run whose quality gate failed the batch: 10 rows read, nothing committed. */
  static QualityReport failedBatch() {
    return zeroRowTally().build("r", new RowCounts(10, 0, 0, 0, true), List.of(), List.of());
  }

  /** {@link #sample()} as checked against a reference list, with a value that needs escaping. */
  static QualityReport withReferenceList(String source) {
    QualityReport sample = sample();
    return new QualityReport(
        sample.table(),
        sample.runId(),
        sample.runAt(),
        sample.rows(),
        sample.averageScore(),
        sample.dimensionScores(),
        sample.rules(),
        sample.distribution(),
        sample.topFailures(),
        sample.trend(),
        sample.datasetChecks(),
        Map.of("disposable email domains", source));
  }

  private static Tally zeroRowTally() {
    return new Tally()
        .rule("user_id_not_null", Dimension.COMPLETENESS, "CRITICAL", 1)
        .rule("email_format", Dimension.VALIDITY, "WARNING", 2);
  }

  /**
   * Adds up rule outcomes and row scores as the engine's statistics do: rule counts in declaration
   * order, average scores, the histogram, and the ten most frequent failures with three samples.
   */
  private static final class Tally {
    private final Map<String, RuleStats> rules = new LinkedHashMap<>();
    private final Map<Dimension, double[]> dimensionSums = new EnumMap<>(Dimension.class);
    private final long[] buckets = new long[ScoreDistribution.BUCKETS];
    private final Map<List<String>, List<FailureSample>> samples = new LinkedHashMap<>();
    private final Map<List<String>, Long> failures = new LinkedHashMap<>();
    private long scored;
    private double scoreSum;

    Tally rule(String name, Dimension dimension, String severity, double weight) {
      rules.put(name, new RuleStats(name, dimension, severity, weight, 0, 0, 0));
      return this;
    }

    void passed(String rule) {
      count(rule, 1, 0, 0);
    }

    void skipped(String rule) {
      count(rule, 0, 0, 1);
    }

    void failed(String rule, String reason, Supplier<FailureSample> sample) {
      count(rule, 0, 1, 0);
      List<String> key = List.of(rule, reason);
      failures.merge(key, 1L, Long::sum);
      List<FailureSample> kept = samples.computeIfAbsent(key, k -> new ArrayList<>());
      if (kept.size() < 3) {
        kept.add(sample.get());
      }
    }

    void dimensionScore(Dimension dimension, double score) {
      double[] sum = dimensionSums.computeIfAbsent(dimension, d -> new double[2]);
      sum[0] += score;
      sum[1]++;
    }

    void rowScore(double score) {
      buckets[ScoreDistribution.bucketOf(score)]++;
      scored++;
      scoreSum += score;
    }

    QualityReport build(
        String runId, RowCounts rows, List<TrendPoint> trend, List<DatasetCheck> checks) {
      Map<Dimension, Double> dimensions = new EnumMap<>(Dimension.class);
      dimensionSums.forEach((dimension, sum) -> dimensions.put(dimension, sum[0] / sum[1]));
      List<FailureReason> top = new ArrayList<>();
      failures.forEach(
          (key, count) ->
              top.add(new FailureReason(key.get(0), key.get(1), count, samples.get(key))));
      top.sort(
          Comparator.comparingLong(FailureReason::count)
              .reversed()
              .thenComparing(FailureReason::rule)
              .thenComparing(FailureReason::reason));
      List<Long> histogram = new ArrayList<>();
      for (long count : buckets) {
        histogram.add(count);
      }
      return new QualityReport(
          "silver.users",
          runId,
          RUN_AT,
          rows,
          scored == 0 ? OptionalDouble.empty() : OptionalDouble.of(scoreSum / scored),
          dimensions,
          List.copyOf(rules.values()),
          new ScoreDistribution(histogram),
          top.subList(0, Math.min(10, top.size())),
          trend,
          checks,
          Map.of());
    }

    private void count(String rule, long passed, long failed, long skipped) {
      RuleStats stats = rules.get(rule);
      rules.put(
          rule,
          new RuleStats(
              rule,
              stats.dimension(),
              stats.severity(),
              stats.weight(),
              stats.passed() + passed,
              stats.failed() + failed,
              stats.skipped() + skipped));
    }
  }

  /** Scores one generated row the way the engine does: weighted share of applicable rules. */
  private static final class Row {
    private final Tally report;
    private final int index;
    private final Map<Dimension, double[]> dimensions = new LinkedHashMap<>();
    private double applicable;
    private double passed;

    Row(Tally report, int index) {
      this.report = report;
      this.index = index;
    }

    void check(String rule, boolean ok, double weight, String reason) {
      applicable += weight;
      double[] dimension = dimensions.computeIfAbsent(dimensionOf(rule), d -> new double[2]);
      dimension[1] += weight;
      if (ok) {
        passed += weight;
        dimension[0] += weight;
        report.passed(rule);
      } else {
        report.failed(rule, reason, this::sample);
      }
    }

    double score() {
      dimensions.forEach((d, sums) -> report.dimensionScore(d, sums[0] / sums[1]));
      return passed / applicable;
    }

    private FailureSample sample() {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("user_id", index % 97 == 0 ? null : "u-" + index);
      row.put("email", "user" + index + "@example.com");
      row.put("phone", "+4179123" + String.format(Locale.ROOT, "%04d", index));
      row.put("first_name", "Zoë");
      row.put("password", "hunter" + index);
      return new FailureSample(
          "users.json line " + (index + 2) + ", results[" + index + "]", MASKING.mask(row));
    }

    private static Dimension dimensionOf(String rule) {
      return switch (rule) {
        case "user_id_not_null" -> Dimension.COMPLETENESS;
        case "age_matches_birth_date" -> Dimension.CONSISTENCY;
        default -> Dimension.VALIDITY;
      };
    }
  }
}
