package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.schema.ColumnType;
import io.medallion.table.SilverSource;
import io.medallion.table.SilverTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A silver table that reads a silver table consumes only the upstream's changes: the rows it added
 * since the consumed snapshot, replacements included, so after every batch the downstream equals
 * one rebuilt from the whole upstream, and an unchanged upstream costs no read.
 */
class SilverFromSilverTest extends EmbeddedLakeTest {
  private static final SilverTable UPSTREAM = people("people_latest", TestPipelines.RAW);
  private static final SilverTable DOWNSTREAM = people("people_copy", UPSTREAM);
  private static final Pipeline PIPELINE =
      Pipeline.builder("chain").tables(TestPipelines.RAW, UPSTREAM, DOWNSTREAM).build();

  private static SilverTable people(String name, SilverSource source) {
    // Bronze payloads name the field "updated"; the upstream silver table names it "updated_at".
    String updatedPath = source == TestPipelines.RAW ? "updated" : "updated_at";
    return SilverTable.builder(TableId.of("silver", name), source)
        .map("id", ColumnType.STRING, "id")
        .map("country", ColumnType.STRING, "country")
        .map("updated_at", ColumnType.TIMESTAMP_TZ, updatedPath)
        .deduplicateOn("id")
        .keepLatestBy("updated_at")
        .build();
  }

  @Test
  void run_upstreamChangesOverBatches_downstreamEqualsAFullRebuildAfterEach() {
    long first =
        batch(
            1,
            personIn("a", "CH", "2024-01-01T00:00:00Z"),
            personIn("b", "CH", "2024-01-01T00:00:00Z"),
            personIn("c", "FR", "2024-01-01T00:00:00Z"));
    long second =
        batch(
            2,
            personIn("a", "DE", "2025-01-01T00:00:00Z"),
            personIn("d", "US", "2024-01-01T00:00:00Z"));
    long third =
        batch(
            3,
            personIn("b", "US", "2023-01-01T00:00:00Z"),
            personIn("c", "IT", "2026-01-01T00:00:00Z"),
            personIn("c", "ES", "2025-06-01T00:00:00Z"));

    assertThat(List.of(first, second, third)).containsExactly(3L, 2L, 1L);
    assertThat(rows(DOWNSTREAM))
        .containsExactly(
            "a DE 2025-01-01T00:00Z",
            "b CH 2024-01-01T00:00Z",
            "c IT 2026-01-01T00:00Z",
            "d US 2024-01-01T00:00Z");
  }

  @Test
  void run_upstreamUnchanged_readsNothing() {
    batch(1, personIn("a", "CH", "2024-01-01T00:00:00Z"));

    RunResult again = runtime.run(PIPELINE);
    long identical = batch(2, personIn("a", "CH", "2024-01-01T00:00:00Z"));

    assertThat(again.table(DOWNSTREAM.id()).read()).isZero();
    assertThat(identical).isZero();
    assertThat(rows(DOWNSTREAM)).containsExactly("a CH 2024-01-01T00:00Z");
  }

  /**
   * Ingests the lines and runs the chain; asserts the downstream equals a fresh table built from
   * the whole upstream, and returns how many upstream rows the downstream read.
   */
  private long batch(int number, String... lines) {
    runtime.ingest(TestPipelines.RAW, ndjson("people-" + number + ".ndjson", lines));
    RunResult result = runtime.run(PIPELINE);
    SilverTable rebuilt = people("people_rebuilt_" + number, UPSTREAM);
    runtime.run(Pipeline.builder("rebuild").tables(TestPipelines.RAW, UPSTREAM, rebuilt).build());
    assertThat(rows(DOWNSTREAM)).isEqualTo(rows(rebuilt)).isNotEmpty();
    return result.table(DOWNSTREAM.id()).read();
  }

  private List<String> rows(SilverTable table) {
    return TableReads.rows(runtime.table(table.id())).stream()
        .map(r -> r.getField("id") + " " + r.getField("country") + " " + r.getField("updated_at"))
        .sorted()
        .toList();
  }
}
