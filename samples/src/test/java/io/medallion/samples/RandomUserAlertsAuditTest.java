package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code randomuser} with its alert options and with write-audit-publish. */
class RandomUserAlertsAuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @Test
  void randomuser_quarantineAboveATinyShare_alertInTheFileAndListedByTheReport()
      throws IOException {
    Path lake = dir.resolve("lake");
    Path alerts = dir.resolve("alerts.jsonl");

    Cli.Result run =
        Cli.run(
            "randomuser",
            "--users",
            "300",
            "--lake",
            lake.toString(),
            "--quiet",
            "--alert-file",
            alerts.toString(),
            "--alert-quarantine-above",
            "0.0001");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode alert = lines(alerts).get(0);
    assertThat(alert.get("kind").asText()).isEqualTo("quarantine-rate");
    assertThat(alert.get("table").asText()).isEqualTo("silver.users");
    Path report = lake.resolve("reports").resolve("silver.users").resolve("report.html");
    assertThat(alert.get("report").asText()).isEqualTo(report.toAbsolutePath().toString());
    assertThat(Files.readString(report))
        .contains("<h2>Alerts</h2>")
        .contains("data-metric=\"alert.0.kind\">quarantine-rate</td>");
  }

  @Test
  void randomuser_noAlertOptions_alertsStillInTheLakeAndTheReportSaysNoneForACleanRun()
      throws IOException {
    Path lake = dir.resolve("lake");

    Cli.Result run = Cli.run("randomuser", "--users", "50", "--lake", lake.toString(), "--quiet");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(
            Files.readString(
                lake.resolve("reports").resolve("silver.users").resolve("report.html")))
        .contains("<h2>Run history</h2>")
        .contains("<h2>Alerts</h2>");
  }

  @Test
  void randomuser_alertQuarantineAboveOutOfRange_usageErrorNamingTheValue() {
    Cli.Result run =
        Cli.run(
            "randomuser",
            "--lake",
            dir.resolve("lake").toString(),
            "--alert-quarantine-above",
            "2");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("--alert-quarantine-above must be a share in (0, 1], got 2.0");
    assertThat(dir.resolve("lake")).doesNotExist();
  }

  @Test
  void randomuser_alertWebhookNotHttp_usageErrorNamingTheOption() {
    Cli.Result run =
        Cli.run(
            "randomuser",
            "--lake",
            dir.resolve("lake").toString(),
            "--alert-webhook",
            "ftp://hooks.example.com/x");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("--alert-webhook: ");
  }

  @Test
  void randomuser_auditAndChecksPass_everyTableIsPublishedAndNothingPending() throws IOException {
    Path lake = dir.resolve("lake");
    Path summary = dir.resolve("summary.json");

    Cli.Result run =
        Cli.run(
            "randomuser",
            "--users",
            "100",
            "--lake",
            lake.toString(),
            "--quiet",
            "--audit",
            "--summary-json",
            summary.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(summary.toFile()).get("status").asText()).isEqualTo("succeeded");
    Cli.Result runs =
        Cli.run("runs", "--lake", lake.toString(), "--table", "silver.users", "--last", "1");
    assertThat(runs.out()).contains("| published ");
    Cli.Result audits = Cli.run("audits", "--lake", lake.toString());
    assertThat(audits.exitCode()).as(audits.err()).isZero();
    assertThat(audits.out()).isEqualTo("0 pending audits\n");
  }

  @Test
  void randomuser_runFails_summaryJsonStillHasTheRunIdAndTheFailure() throws IOException {
    Path lake = dir.resolve("lake");
    Path summary = dir.resolve("summary.json");
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lake).build()) {
      BronzeTable raw = BronzeTable.builder(TableId.of("bronze", "other")).build();
      SilverTable clash =
          SilverTable.builder(TableId.of("silver", "users"), raw)
              .map("user_id", ColumnType.BOOLEAN, "id")
              .build();
      runtime.registerAll(Pipeline.builder("clash").tables(raw, clash).build());
    }

    Cli.Result run =
        Cli.run(
            "randomuser",
            "--users",
            "20",
            "--lake",
            lake.toString(),
            "--quiet",
            "--summary-json",
            summary.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.RUN_FAILED.code());
    JsonNode written = JSON.readTree(summary.toFile());
    assertThat(written.get("status").asText()).isEqualTo("failed");
    String runId = written.get("run_id").asText();
    assertThat(runId).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    assertThat(written.get("error").asText()).contains("silver.users");
    Cli.Result runs = Cli.run("runs", "--lake", lake.toString(), "--last", "1");
    assertThat(runs.out()).contains(runId).contains("| failed ");
  }
}
