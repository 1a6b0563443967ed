package io.medallion.core.report;

import io.medallion.quality.Dimension;
import io.medallion.report.DatasetCheck;
import io.medallion.report.FailureSample;
import io.medallion.report.Masking;
import io.medallion.report.QualityReport;
import io.medallion.report.TrendPoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

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

  /** 1,234 generated rows with failures in every dimension, a rule that never applies, a trend. */
  static QualityReport sample() {
    QualityReport.Builder report =
        QualityReport.builder("silver.users", "batch-2026-01-15", RUN_AT)
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
    return report
        .rows(read, read - duplicates - quarantined, quarantined, duplicates)
        .trend(
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
                    Map.of("email_format", 0.88, "phone_e164", 0.74, "user_id_not_null", 0.99))))
        .datasetChecks(
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
                    true)))
        .build();
  }

  /** A run that read nothing and has no earlier runs. */
  static QualityReport zeroRows() {
    return QualityReport.builder("silver.users", "empty-run", RUN_AT)
        .rule("user_id_not_null", Dimension.COMPLETENESS, "CRITICAL", 1)
        .rule("email_format", Dimension.VALIDITY, "WARNING", 2)
        .build();
  }

  /** Scores one generated row the way the engine does: weighted share of applicable rules. */
  private static final class Row {
    private final QualityReport.Builder report;
    private final int index;
    private final Map<Dimension, double[]> dimensions = new LinkedHashMap<>();
    private double applicable;
    private double passed;

    Row(QualityReport.Builder report, int index) {
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
