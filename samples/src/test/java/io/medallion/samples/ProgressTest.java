package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.core.TableRun;
import io.medallion.core.observe.RunStarted;
import io.medallion.core.observe.TableOutcome;
import io.medallion.core.observe.TableStatus;
import io.medallion.core.spi.JsonSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line's text, how it is shown on a terminal or not, and {@code --quiet}. */
class ProgressTest {
  private static final TableId RAW = RandomUserPipeline.RAW.id();
  private static final TableId USERS = RandomUserPipeline.USERS.id();

  @TempDir Path dir;

  private static TableOutcome finished(TableId table, Layer layer, long written) {
    Instant now = Instant.parse("2026-12-03T18:00:00Z");
    return new TableOutcome(
        "run-1",
        "randomuser",
        now,
        now,
        TableStatus.COMMITTED,
        new TableRun(table, layer, written, written, 0, 0, 0, 7, List.of()),
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  private static RunProgress progress() {
    RunProgress progress = new RunProgress(RAW, RandomUserPipeline.PIPELINE);
    progress.runStarted(new RunStarted("run-1", "randomuser", Instant.EPOCH));
    return progress;
  }

  @Test
  void line_fileHalfRead_recordsRateShareAndEta() throws IOException {
    Path file = dir.resolve("users.ndjson");
    Files.write(file, new byte[2048]);
    CountedSource counted = CountedSource.of(JsonSource.file(file));
    try (InputStream in = counted.source().parts().get(0).open()) {
      in.readNBytes(512);
    }
    RunProgress progress = progress();
    progress.reading(counted);
    progress.recordsIngested(RAW, 4000);

    assertThat(progress.line(Duration.ofSeconds(2)))
        .isEqualTo(
            "bronze.randomuser_raw: 4000 records, 2000 records/s, 25% of 0.0 MiB read, ETA 6 s");
  }

  @Test
  void line_bronzeDone_nextStageWithTheIngestedRecordsAndNoEta() throws IOException {
    CountedSource counted =
        CountedSource.of(
            JsonSource.stream(
                "api", new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))));
    RunProgress progress = progress();
    progress.reading(counted);
    progress.recordsIngested(RAW, 1000);
    progress.tableFinished(finished(RAW, Layer.BRONZE, 1500));

    assertThat(progress.line(Duration.ofSeconds(3)))
        .isEqualTo(USERS + ": 1500 records, 500 records/s");
    assertThat(counted.totalBytes()).isEmpty();
  }

  @Test
  void line_lastTableDone_finishing() {
    RunProgress progress = progress();
    List<TableId> tables =
        RandomUserPipeline.PIPELINE.tables().stream()
            .filter(t -> t.layer() != Layer.BRONZE)
            .map(t -> t.id())
            .toList();
    progress.tableFinished(finished(tables.get(tables.size() - 1), Layer.GOLD, 3));

    assertThat(progress.line(Duration.ofSeconds(1))).startsWith("finishing: 0 records");
  }

  @Test
  void countedSource_filePart_keepsNameFileAndCountsEveryByte() throws IOException {
    Path file = dir.resolve("users.ndjson");
    Files.writeString(file, "{\"a\":1}\n{\"a\":2}\n");
    CountedSource counted = CountedSource.of(JsonSource.file(file).forced());
    JsonSource.Part part = counted.source().parts().get(0);
    try (InputStream in = part.open()) {
      in.read();
      in.readAllBytes();
    }

    assertThat(part.name()).isEqualTo(file.toString());
    assertThat(part.file()).contains(file);
    assertThat(counted.source().isForced()).isTrue();
    assertThat(counted.totalBytes()).hasValue(16);
    assertThat(counted.bytesRead()).isEqualTo(16);
  }

  @Test
  void show_terminal_rewritesOneLineInPlaceAndEndsItOnClose() {
    StringWriter out = new StringWriter();
    AtomicReference<String> status = new AtomicReference<>("bronze: 10 records");
    ProgressLine line =
        new ProgressLine(new PrintWriter(out), ProgressLine.Mode.TERMINAL, status::get);

    line.show();
    status.set("silver: 9");
    line.show();
    line.close();

    assertThat(out.toString())
        .isEqualTo("\r[medallion] bronze: 10 records\r[medallion] silver: 9         \n");
  }

  @Test
  void show_notATerminal_plainLines() {
    StringWriter out = new StringWriter();
    ProgressLine line =
        new ProgressLine(new PrintWriter(out), ProgressLine.Mode.PLAIN, () -> "bronze: 10 records");

    line.show();
    line.show();
    line.close();

    assertThat(out.toString().lines())
        .containsExactly("[medallion] bronze: 10 records", "[medallion] bronze: 10 records");
  }

  @Test
  void detect_quiet_offAndShowsNothing() {
    StringWriter out = new StringWriter();
    ProgressLine.Mode mode = ProgressLine.Mode.detect(true);
    ProgressLine line = new ProgressLine(new PrintWriter(out), mode, () -> "bronze");

    line.show();
    line.close();

    assertThat(mode).isEqualTo(ProgressLine.Mode.OFF);
    assertThat(out.toString()).isEmpty();
    assertThat(ProgressLine.Mode.detect(false))
        .as("surefire runs without a console")
        .isEqualTo(ProgressLine.Mode.PLAIN);
  }

  @Test
  void randomuser_quiet_noProgressOrStepLinesButTheSummary() {
    Cli.Result result =
        Cli.run(
            "randomuser",
            "--users",
            "50",
            "--lake",
            dir.resolve("lake").toString(),
            "--no-report",
            "--quiet");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).doesNotContain("[medallion]").contains("silver.users");
  }

  @Test
  void randomuser_notQuiet_stepLinesStillThere() {
    Cli.Result result =
        Cli.run(
            "randomuser", "--users", "50", "--lake", dir.resolve("lake").toString(), "--no-report");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("[medallion] bronze: 50 records, 0 dead letters");
  }
}
