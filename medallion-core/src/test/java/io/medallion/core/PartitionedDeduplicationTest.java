package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import io.medallion.table.SilverTable;
import org.junit.jupiter.api.Test;

/**
 * Rows are written as they are scored, so a later row of the same key can land in another
 * partition's file than the row it replaces: the earlier one must still be deleted, within the
 * batch and across runs.
 */
class PartitionedDeduplicationTest extends EmbeddedLakeTest {
  private static final SilverTable BY_COUNTRY =
      SilverTable.builder(TableId.of("silver", "people_by_country"), TestPipelines.RAW)
          .map("id", ColumnType.STRING, "id")
          .map("country", ColumnType.STRING, "country")
          .map("updated_at", ColumnType.TIMESTAMP_TZ, "updated")
          .deduplicateOn("id")
          .keepLatestBy("updated_at")
          .partitionBy(PartitionField.identity("country"))
          .build();
  private static final Pipeline PIPELINE =
      Pipeline.builder("by-country").tables(TestPipelines.RAW, BY_COUNTRY).build();

  @Test
  void run_laterRowOfAKeyInAnotherPartition_replacesTheEarlierOneWithinAndAcrossBatches() {
    runtime.ingest(
        TestPipelines.RAW,
        ndjson(
            "first.ndjson",
            personIn("a", "CH", "2024-01-01T00:00:00Z"),
            personIn("a", "DE", "2025-01-01T00:00:00Z"),
            personIn("b", "CH", "2024-01-01T00:00:00Z"),
            personIn("a", "US", "2023-01-01T00:00:00Z")));
    TableRun first = runtime.run(PIPELINE).table(BY_COUNTRY.id());
    runtime.ingest(
        TestPipelines.RAW, ndjson("second.ndjson", personIn("b", "DE", "2026-01-01T00:00:00Z")));
    TableRun second = runtime.run(PIPELINE).table(BY_COUNTRY.id());

    assertThat(first.read()).isEqualTo(4);
    assertThat(first.written()).isEqualTo(2);
    assertThat(first.duplicates()).isEqualTo(2);
    assertThat(second.written()).isEqualTo(1);
    assertThat(second.replaced()).isEqualTo(1);
    assertThat(TableReads.rows(runtime.table(BY_COUNTRY.id())))
        .extracting(row -> row.getField("id") + " " + row.getField("country"))
        .containsExactlyInAnyOrder("a DE", "b DE");
  }
}
