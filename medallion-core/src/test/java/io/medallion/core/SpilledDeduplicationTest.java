package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.quality.DatasetRule;
import io.medallion.report.DatasetCheck;
import io.medallion.schema.ColumnType;
import io.medallion.table.SilverTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A batch with more de-duplication keys than it may hold in memory spills them to disk and settles
 * them partition by partition: the tables, counts and dataset rule outcomes are those of the
 * in-memory path, within a batch and against rows already in silver.
 */
class SpilledDeduplicationTest extends EmbeddedLakeTest {
  private static final SilverTable PEOPLE =
      SilverTable.builder(TableId.of("silver", "people_latest"), TestPipelines.RAW)
          .map("id", ColumnType.STRING, "id")
          .map("country", ColumnType.STRING, "country")
          .map("updated_at", ColumnType.TIMESTAMP_TZ, "updated")
          .deduplicateOn("id")
          .keepLatestBy("updated_at")
          .datasetRules(DatasetRule.unique("id"), DatasetRule.distinctRatio("country", 0.1))
          .build();
  private static final Pipeline PIPELINE =
      Pipeline.builder("latest").tables(TestPipelines.RAW, PEOPLE).build();

  @Test
  void run_moreKeysThanMemoryHolds_writesWhatTheInMemoryPathWrites() {
    Outcome inMemory = runTwice("memory", MedallionRuntime.Builder.DEFAULT_KEYS_IN_MEMORY);
    Outcome spilled = runTwice("spilled", 2);

    assertThat(inMemory.first()).isEqualTo(List.of(7L, 5L, 0L, 2L, 0L));
    assertThat(inMemory.second()).isEqualTo(List.of(4L, 2L, 0L, 2L, 1L));
    assertThat(inMemory.rows())
        .containsExactly(
            "a DE 2025-01-01T00:00Z",
            "b CH 2024-01-01T00:00Z",
            "c FR 2027-01-01T00:00Z",
            "d CH 2024-01-01T00:00Z",
            "e US 2024-01-01T00:00Z",
            "f DE 2024-01-01T00:00Z");
    assertThat(spilled).isEqualTo(inMemory);
    assertThat(spilled.checks())
        .extracting(DatasetCheck::name)
        .containsExactly("unique_id", "country_distinct_ratio");
    assertThat(spilled.spillFolderLeftOver()).isFalse();
  }

  @Test
  void keysInMemory_belowOne_isRefusedWithTheValue() {
    assertThatThrownBy(() -> MedallionRuntime.builder().keysInMemory(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keysInMemory must be at least 1, got 0");
  }

  /** Counts (read, written, quarantined, duplicates, replaced) per run, rows, dataset checks. */
  private record Outcome(
      List<Long> first,
      List<Long> second,
      List<String> rows,
      List<DatasetCheck> checks,
      boolean spillFolderLeftOver) {}

  private Outcome runTwice(String name, int keysInMemory) {
    Path spill = dir.resolve("spill-" + name);
    try (MedallionRuntime runtime =
        MedallionRuntime.builder()
            .lake(dir.resolve(name))
            .keysInMemory(keysInMemory)
            .spillDirectory(spill)
            .build()) {
      runtime.ingest(
          TestPipelines.RAW,
          ndjson(
              "people.ndjson",
              personIn("a", "CH", "2024-01-01T00:00:00Z"),
              personIn("b", "CH", "2024-01-01T00:00:00Z"),
              personIn("c", "CH", "2024-01-01T00:00:00Z"),
              personIn("a", "DE", "2025-01-01T00:00:00Z"),
              personIn("d", "CH", "2024-01-01T00:00:00Z"),
              personIn("b", "US", "2023-01-01T00:00:00Z"),
              personIn("e", "US", "2024-01-01T00:00:00Z")));
      RunResult first = runtime.run(PIPELINE);
      runtime.ingest(
          TestPipelines.RAW,
          ndjson(
              "people.ndjson",
              personIn("a", "US", "2023-06-01T00:00:00Z"),
              personIn("c", "DE", "2026-01-01T00:00:00Z"),
              personIn("f", "DE", "2024-01-01T00:00:00Z"),
              personIn("c", "FR", "2027-01-01T00:00:00Z")));
      RunResult second = runtime.run(PIPELINE);
      List<String> rows =
          TableReads.rows(runtime.table(PEOPLE.id())).stream()
              .map(
                  r ->
                      r.getField("id")
                          + " "
                          + r.getField("country")
                          + " "
                          + r.getField("updated_at"))
              .sorted()
              .toList();
      return new Outcome(
          counts(first.table(PEOPLE.id())),
          counts(second.table(PEOPLE.id())),
          rows,
          second.report(PEOPLE.id()).orElseThrow().datasetChecks(),
          leftOver(spill));
    }
  }

  private static boolean leftOver(Path spill) {
    if (!Files.isDirectory(spill)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(spill)) {
      return entries.findAny().isPresent();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Long> counts(TableRun run) {
    return List.of(run.read(), run.written(), run.quarantined(), run.duplicates(), run.replaced());
  }
}
