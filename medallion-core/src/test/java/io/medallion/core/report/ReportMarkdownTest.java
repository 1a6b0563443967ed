package io.medallion.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.report.QualityReport;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {

  @Test
  void render_showsHeadlineNumbers() {
    QualityReport report = ReportFixtures.sample();

    String md = ReportMarkdown.render(report);

    assertThat(md)
        .startsWith("# Quality report for `silver.users`\n")
        .contains("| rows read | 1,234 |")
        .contains("| rows kept | " + ReportFormat.count(report.rows().kept()) + " |")
        .contains("| duplicates | 34 |")
        .contains("| average score | " + ReportFormat.score(report.averageScore()) + " |")
        .contains("| batch failed | no |");
  }

  @Test
  void render_listsRulesWorstPassRateFirst() {
    String md = ReportMarkdown.render(ReportFixtures.sample());

    assertThat(md)
        .containsSubsequence(
            "| `phone_e164` | validity | `WARNING` | 1 | 900 | 300 | 0 | 75.0% |",
            "| `email_format` |",
            "| `user_id_not_null` |",
            "| `age_matches_birth_date` |",
            "| `legacy_code_allowed` | validity | `WARNING` | 0.5 | 0 | 0 | 1,200 | n/a |");
  }

  @Test
  void render_showsDistributionAndTrend() {
    QualityReport report = ReportFixtures.sample();

    String md = ReportMarkdown.render(report);

    assertThat(md)
        .contains(
            "| [0.9, 1.0] | " + ReportFormat.count(report.distribution().counts().get(9)) + " |")
        .contains("| 2026-01-08 08:30:00 UTC | 0 | n/a | n/a |")
        .contains("| **2026-01-15 08:30:00 UTC (this run)** | 1,234 |");
  }

  @Test
  void render_reasonWithMarkup_staysLiteralInCodeSpan() {
    String md = ReportMarkdown.render(ReportFixtures.sample());

    assertThat(md)
        .contains("Reason: ``email is <script>alert('x')</script> & | `tick` \"quoted\"``");
  }

  @Test
  void render_samplesAreMaskedAndSecretsRedacted() {
    String md = ReportMarkdown.render(ReportFixtures.sample());

    assertThat(md)
        .contains("`u***@example.com`")
        .contains("`+41*******00`")
        .contains("`Z***`")
        .contains("`[redacted]`")
        .doesNotContain("hunter");
  }

  @Test
  void render_zeroRows_showsNoNaN() {
    String md = ReportMarkdown.render(ReportFixtures.zeroRows());

    assertThat(md)
        .doesNotContain("NaN")
        .doesNotContain("Infinity")
        .contains("| rows quarantined | 0 (n/a) |")
        .contains("| average score | n/a |")
        .contains("| [0.0, 0.1) | 0 | n/a |")
        .contains("No failures.")
        .contains("No earlier runs recorded.");
  }

  @Test
  void render_failedBatch_saysNothingWasCommitted() {
    QualityReport report = ReportFixtures.failedBatch();

    assertThat(ReportMarkdown.render(report))
        .contains("> **The quality gate failed this batch: nothing was committed.**")
        .contains("| batch failed | yes |");
  }

  @Test
  void render_referenceList_namesTheListItsDateAndSize() {
    String md =
        ReportMarkdown.render(
            ReportFixtures.withReferenceList(
                "disposable-email-domains of 2026-08-21 (8335 domains) + `ours`.conf (2 domains)"));

    assertThat(md)
        .contains(
            "Checked against disposable email domains: ``disposable-email-domains of 2026-08-21"
                + " (8335 domains) + `ours`.conf (2 domains)``.");
  }

  @Test
  void code_backticks_areFencedAndLineBreaksFlattened() {
    assertThat(ReportMarkdown.code("plain")).isEqualTo("`plain`");
    assertThat(ReportMarkdown.code("a ``b`` c")).isEqualTo("```a ``b`` c```");
    assertThat(ReportMarkdown.code("`edge")).isEqualTo("`` `edge ``");
    assertThat(ReportMarkdown.code("a|b\r\nc")).isEqualTo("`a|b c`");
  }

  @Test
  void codeCell_pipes_areEscapedForTables() {
    assertThat(ReportMarkdown.codeCell("a|b")).isEqualTo("`a\\|b`");
  }

  @Test
  void render_rareBucket_stillGetsABar() {
    String md = ReportMarkdown.render(ReportFixtures.sample());

    assertThat(md).contains("| [0.4, 0.5) | 3 | 0.3% | `#` |");
  }

  @Test
  void render_datasetChecks_listsOutcomeAndMeasurement() {
    String md = ReportMarkdown.render(ReportFixtures.sample());

    assertThat(md)
        .contains("## Dataset rules")
        .contains("| `row_count` | passed | `row count 1200 within 1..5000` | warns |")
        .contains("| `email_format_pass_rate` | **FAILED** |")
        .contains("| fails the batch |");
  }
}
