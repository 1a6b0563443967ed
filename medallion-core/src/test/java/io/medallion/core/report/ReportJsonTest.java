package io.medallion.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.report.QualityReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void write_thenRead_roundTrips() {
    QualityReport report = ReportFixtures.sample();

    QualityReport read = ReportJson.read(ReportJson.write(report));

    assertThat(read).isEqualTo(report);
    assertThat(read.topFailures().get(0).samples().get(0).values().keySet())
        .containsExactly("user_id", "email", "phone", "first_name", "password");
  }

  @Test
  void write_thenRead_referenceLists_roundTrip() throws Exception {
    QualityReport report =
        ReportFixtures.withReferenceList("disposable-email-domains of 2026-08-21 (8335 domains)");

    String json = ReportJson.write(report);

    assertThat(ReportJson.read(json)).isEqualTo(report);
    assertThat(
            MAPPER.readTree(json).get("reference_lists").get("disposable email domains").asText())
        .isEqualTo("disposable-email-domains of 2026-08-21 (8335 domains)");
  }

  @Test
  void read_reportWithoutReferenceLists_hasNone() {
    String json =
        ReportJson.write(ReportFixtures.zeroRows()).replace("\"reference_lists\"", "\"other\"");

    assertThat(ReportJson.read(json).referenceLists()).isEmpty();
  }

  @Test
  void write_thenRead_zeroRows_roundTrips() {
    QualityReport report = ReportFixtures.zeroRows();

    assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);
  }

  @Test
  void write_usesStableSnakeCaseFields() throws Exception {
    JsonNode json = MAPPER.readTree(ReportJson.write(ReportFixtures.sample()));

    assertThat(fieldNames(json))
        .containsExactly(
            "format_version",
            "table",
            "run_id",
            "run_at",
            "rows",
            "average_score",
            "dimension_scores",
            "rules",
            "score_distribution",
            "top_failures",
            "dataset_checks",
            "reference_lists",
            "trend");
    assertThat(fieldNames(json.get("dataset_checks").get(0)))
        .containsExactly("name", "condition", "passed", "detail", "fails_batch");
    assertThat(fieldNames(json.get("rows")))
        .containsExactly(
            "read", "kept", "quarantined", "duplicates", "failed_batch", "quarantined_share");
    assertThat(fieldNames(json.get("rules").get(0)))
        .containsExactly(
            "name", "dimension", "severity", "weight", "passed", "failed", "skipped", "pass_rate");
    assertThat(fieldNames(json.get("trend").get(0)))
        .containsExactly(
            "run_at", "rows_read", "average_score", "quarantined_share", "rule_pass_rates");
    assertThat(json.get("run_at").asText()).isEqualTo("2026-01-15T08:30:00Z");
    assertThat(json.get("rows").get("read").asLong()).isEqualTo(1234);
    assertThat(json.get("score_distribution").get(9).get("bucket").asText())
        .isEqualTo("[0.9, 1.0]");
  }

  @Test
  void write_undefinedNumbers_areNull() throws Exception {
    JsonNode json = MAPPER.readTree(ReportJson.write(ReportFixtures.zeroRows()));

    assertThat(json.get("average_score").isNull()).isTrue();
    assertThat(json.get("rows").get("quarantined_share").isNull()).isTrue();
    assertThat(json.get("rules").get(0).get("pass_rate").isNull()).isTrue();
    assertThat(json.toString()).doesNotContain("NaN");
  }

  @Test
  void write_endsWithUnixNewline() {
    String json = ReportJson.write(ReportFixtures.zeroRows());

    assertThat(json).endsWith("}\n").doesNotContain("\r");
  }

  @Test
  void read_missingField_namesIt() {
    String json = ReportJson.write(ReportFixtures.zeroRows()).replace("\"kept\"", "\"kept_rows\"");

    assertThatThrownBy(() -> ReportJson.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid quality report JSON: missing field $.rows.kept");
  }

  @Test
  void read_wrongType_namesFieldAndExpectation() {
    String json =
        ReportJson.write(ReportFixtures.zeroRows()).replace("\"read\" : 0", "\"read\" : \"0\"");

    assertThatThrownBy(() -> ReportJson.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at $.rows.read: expected a whole number");
  }

  @Test
  void read_otherFormatVersion_isRejected() {
    String json =
        ReportJson.write(ReportFixtures.zeroRows())
            .replace("\"format_version\" : 1", "\"format_version\" : 2");

    assertThatThrownBy(() -> ReportJson.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unsupported quality report format_version 2");
  }

  @Test
  void read_notJson_isRejected() {
    assertThatThrownBy(() -> ReportJson.read("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid quality report JSON");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
