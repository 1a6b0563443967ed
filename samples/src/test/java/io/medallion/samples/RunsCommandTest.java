package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.RunLogQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs} on a generated RandomUser lake built in two runs. */
class RunsCommandTest {
  @TempDir static Path dir;
  private static String lake;

  @BeforeAll
  static void buildLake() {
    lake = dir.resolve("lake").toString();
    for (String seed : List.of("1", "2")) {
      Cli.Result run =
          Cli.run("randomuser", "--users", "100", "--seed", seed, "--lake", lake, "--no-report");
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
  }

  @Test
  void runs_tableAndLastOne_printsTheNewestRowOfThatTable() {
    Cli.Result result = Cli.run("runs", "--lake", lake, "--table", "silver.users", "--last", "1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .matches(
            "run_id +\\| table_name +\\| status +\\| started_at +\\| rows_in \\| rows_written \\|"
                + " rows_quarantined \\| rows_dead_lettered \\| mean_quality_score \\|"
                + " error_message");
    assertThat(lines.get(2))
        .matches("\\d{8}T\\d{6}Z-[0-9a-f]{8} +\\| silver\\.users +\\| committed +\\| .*")
        .endsWith("| null");
    assertThat(lines.get(3)).isEqualTo("1 rows of 1 runs from medallion.runs");
  }

  @Test
  void runs_jsonEveryRun_everyColumnOfEveryRowAsTheApiReadsThem() throws IOException {
    Cli.Result result = Cli.run("runs", "--lake", lake, "--last", "0", "--format", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<RunLogEntry> entries;
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(Path.of(lake)).build()) {
      entries = runtime.runs(RunLogQuery.builder().build());
    }
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(entries.size());
    ObjectMapper json = new ObjectMapper();
    Set<String> runIds = new LinkedHashSet<>();
    List<String> tables = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode row = json.readTree(lines.get(i));
      assertThat(row.get("run_id").asText()).isEqualTo(entries.get(i).runId());
      runIds.add(row.get("run_id").asText());
      tables.add(row.get("table_name").asText());
    }
    assertThat(runIds).hasSize(2);
    JsonNode bronze = json.readTree(lines.get(tables.lastIndexOf("bronze.randomuser_raw")));
    assertThat(bronze.fieldNames())
        .toIterable()
        .containsExactly(
            "run_id",
            "pipeline",
            "run_started_at",
            "table_name",
            "layer",
            "started_at",
            "ended_at",
            "status",
            "upstream_snapshot",
            "produced_snapshot",
            "rows_in",
            "rows_written",
            "rows_quarantined",
            "rows_dead_lettered",
            "mean_quality_score",
            "error_class",
            "error_message");
    assertThat(bronze.get("pipeline").asText()).isEqualTo("randomuser");
    assertThat(bronze.get("layer").asText()).isEqualTo("bronze");
    assertThat(bronze.get("rows_written").asLong()).isPositive();
    assertThat(bronze.get("error_message").isNull()).isTrue();
    JsonNode silver = json.readTree(lines.get(tables.indexOf("silver.users")));
    assertThat(silver.get("mean_quality_score").asDouble()).isBetween(0.0, 1.0);
    assertThat(silver.get("upstream_snapshot").asLong()).isPositive();
  }

  @Test
  void runs_csv_headerNamesEveryColumn() {
    Cli.Result result = Cli.run("runs", "--lake", lake, "--last", "1", "--format", "csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "run_id,pipeline,run_started_at,table_name,layer,started_at,ended_at,status,"
                + "upstream_snapshot,produced_snapshot,rows_in,rows_written,rows_quarantined,"
                + "rows_dead_lettered,mean_quality_score,error_class,error_message");
    assertThat(lines.subList(1, lines.size()))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains(",randomuser,"));
  }

  @Test
  void runs_negativeLastOrBadTable_usageErrorNamingTheValue() {
    Cli.Result last = Cli.run("runs", "--lake", lake, "--last", "-1");
    Cli.Result table = Cli.run("runs", "--lake", lake, "--table", "users");

    assertThat(last.exitCode()).isEqualTo(2);
    assertThat(last.err()).contains("--last must be 0 (every run) or more, got -1");
    assertThat(table.exitCode()).isEqualTo(2);
    assertThat(table.err()).contains("Cannot parse table id 'users': expected namespace.name");
  }

  @Test
  void randomuser_report_showsTheRunHistoryOfSilverUsers() throws IOException {
    Path own = dir.resolve("reported");
    Path reports = dir.resolve("reports");

    Cli.Result run =
        Cli.run(
            "randomuser",
            "--users",
            "50",
            "--lake",
            own.toString(),
            "--reports",
            reports.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<RunLogEntry> history;
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(own).build()) {
      history =
          runtime.runs(RunLogQuery.builder().table(TableId.of("silver", "users")).last(10).build());
    }
    assertThat(history).hasSize(1);
    assertThat(Files.readString(reports.resolve("report.html")))
        .contains("<h2>Run history</h2>")
        .contains("<code>" + history.get(0).runId() + "</code>")
        .contains("data-metric=\"history.0.status\">committed</td>");
  }

  @Test
  void runs_noLake_failsWithoutCreatingOne() {
    Path nowhere = dir.resolve("nowhere");

    Cli.Result result = Cli.run("runs", "--lake", nowhere.toString());

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err()).contains("there is no lake there, so no runs to list");
    assertThat(nowhere).doesNotExist();
  }
}
