package io.medallion.samples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.samples.MedallionCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void bench_defaultEngines_reportsMediansPerStageAndRatios() throws Exception {
    Path json = dir.resolve("bench.json");
    CommandLine cli = MedallionCli.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));

    int code =
        cli.execute(
            "bench",
            "--records",
            "300",
            "--repetitions",
            "1",
            "--work",
            dir.resolve("work").toString(),
            "--json",
            json.toString());

    assertThat(code).as(out.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.get("records").asLong()).isEqualTo(300);
    for (String engine : new String[] {"medallion", "floor", "duckdb"}) {
      JsonNode node = report.get(engine);
      assertThat(node.get("wall_seconds").asDouble()).as(engine).isPositive();
      // DuckDB writes silver beside bronze: its bronze stage covers both.
      String[] stages =
          engine.equals("duckdb")
              ? new String[] {"bronze", "gold"}
              : new String[] {"bronze", "silver", "gold"};
      for (String stage : stages) {
        assertThat(node.get("stages").get(stage).get("bytes_written").asLong())
            .as(engine + " " + stage)
            .isPositive();
      }
      assertThat(node.get("peak_rss_bytes").asLong()).as(engine).isPositive();
    }
    assertThat(report.get("ratios").get("medallion_vs_duckdb_wall").asDouble()).isPositive();
    assertThat(report.get("ratios").get("medallion_vs_floor_wall").asDouble()).isPositive();
    JsonNode fused = report.get("medallion-fused");
    assertThat(fused.get("stages").get("bronze").get("bytes_written").asLong())
        .as("bronze and silver written in one call")
        .isGreaterThan(
            report.get("medallion").get("stages").get("bronze").get("bytes_written").asLong());
    assertThat(fused.get("stages").get("silver").get("bytes_written").asLong()).isZero();
    assertThat(report.get("ratios").get("medallion_fused_vs_duckdb_wall").asDouble()).isPositive();
    assertThat(out.toString()).contains("medallion_vs_duckdb_wall = ");
    assertThat(report.get("ratios").get("medallion_fused_vs_duckdb_cpu").asDouble()).isPositive();
    assertThat(report.get("outputs").asText()).isEqualTo("agree (3 runs)");
    assertThat(out.toString()).contains("outputs: agree (3 runs)");
  }

  @Test
  void difference_goldRowDiffers_namesTheRowOfBothEngines() {
    JsonNode expected =
        new OutputCheck(10, 8, List.of("monthly 2020-01-01 3 3", "monthly 2020-02-01 5 8"))
            .toJson();
    JsonNode fewerRows = new OutputCheck(10, 7, List.of()).toJson();
    JsonNode otherCount =
        new OutputCheck(10, 8, List.of("monthly 2020-01-01 3 3", "monthly 2020-02-01 4 7"))
            .toJson();

    assertThat(OutputCheck.difference(expected, expected)).isEmpty();
    assertThat(OutputCheck.difference(expected, fewerRows)).contains("silver_rows 8 vs 7");
    assertThat(OutputCheck.difference(expected, otherCount))
        .contains("gold row 2: monthly 2020-02-01 5 8 vs monthly 2020-02-01 4 7");
  }

  @Test
  void bench_readSilver_reportsRowsPerSecondOfBothReadersOfTheSameSilver() throws Exception {
    Path json = dir.resolve("read.json");
    CommandLine cli = MedallionCli.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));

    int code =
        cli.execute(
            "bench",
            "--records",
            "300",
            "--repetitions",
            "1",
            "--engines",
            "read-silver",
            "--work",
            dir.resolve("work").toString(),
            "--json",
            json.toString());

    assertThat(code).as(out.toString()).isZero();
    JsonNode stages = new ObjectMapper().readTree(json.toFile()).get("read-silver").get("stages");
    long rows = stages.get("read-generic").get("rows").asLong();
    assertThat(rows).isPositive().isLessThanOrEqualTo(300);
    assertThat(stages.get("read-arrow").get("rows").asLong()).isEqualTo(rows);
    assertThat(stages.get("read-arrow").get("rows_per_second").asDouble()).isPositive();
    assertThat(stages.get("silver").get("bytes_written").asLong()).isPositive();
    assertThat(out.toString())
        .containsPattern("read-arrow +" + rows + " silver rows in [0-9.]+ s: [0-9,]+ rows/s")
        .contains("arrow_vs_generic_read_rows_per_second = ");
  }

  @Test
  void median_oddAndEvenCounts() {
    assertThat(BenchCommand.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(BenchCommand.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }
}
