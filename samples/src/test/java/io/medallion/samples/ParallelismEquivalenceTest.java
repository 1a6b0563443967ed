package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.JsonSource;
import io.medallion.samples.randomuser.RandomUserGenerator;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast paths (a pipeline of threads; de-duplication keys spilled to disk; records handed from
 * ingestion straight to silver) write exactly the tables that the plain single-threaded, in-memory
 * path reading bronze back writes, for the RandomUser job with all its dirt, ingested twice so that
 * the second run replaces rows.
 */
class ParallelismEquivalenceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void run_everyFastPath_writesTheSameRowsToEveryTableAsThePlainPath() throws IOException {
    Path input = dir.resolve("users.ndjson");
    try (Writer writer = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      RandomUserGenerator.withSeed(11).writeNdjson(writer, 6_000);
    }

    int inMemory = MedallionRuntime.Builder.DEFAULT_KEYS_IN_MEMORY;
    Map<String, List<String>> plain = build(input, 1, inMemory, false);
    Map<String, List<String>> fast = build(input, 2, inMemory, false);
    Map<String, List<String>> spilled = build(input, 2, 500, false);
    Map<String, List<String>> fed = build(input, 2, inMemory, true);

    assertThat(plain.get("silver.users")).hasSizeGreaterThan(4_000);
    assertThat(plain.get("silver.users_quarantine")).isNotEmpty();
    assertThat(fast.keySet()).isEqualTo(plain.keySet());
    for (String table : plain.keySet()) {
      assertThat(fast.get(table)).as(table).containsExactlyElementsOf(plain.get(table));
      assertThat(spilled.get(table)).as(table).containsExactlyElementsOf(plain.get(table));
      assertThat(fed.get(table)).as(table).containsExactlyElementsOf(plain.get(table));
    }
  }

  /**
   * Every table's rows as sorted text, without batch ids (a fresh UUID per ingestion), after
   * ingesting the input twice; {@code fed} ingests and runs in one call, so that silver takes the
   * records from ingestion instead of reading bronze back.
   */
  private Map<String, List<String>> build(Path input, int threads, int keysInMemory, boolean fed) {
    Map<String, List<String>> tables = new TreeMap<>();
    try (MedallionRuntime runtime =
        MedallionRuntime.builder()
            .lake(dir.resolve("lake-" + threads + "-" + keysInMemory + "-" + fed))
            .clock(CLOCK)
            .parallelism(threads)
            .keysInMemory(keysInMemory)
            .spillDirectory(dir.resolve("spill"))
            .build()) {
      for (int run = 0; run < 2; run++) {
        if (fed) {
          runtime.run(RandomUserPipeline.PIPELINE, RandomUserPipeline.RAW, JsonSource.file(input));
        } else {
          runtime.ingest(RandomUserPipeline.RAW, JsonSource.file(input));
          runtime.run(RandomUserPipeline.PIPELINE);
        }
      }
      List<TableId> ids =
          List.of(
              RandomUserPipeline.RAW.id(),
              RandomUserPipeline.RAW.deadLetterId(),
              RandomUserPipeline.USERS.id(),
              RandomUserPipeline.USERS.quarantineId(),
              RandomUserPipeline.BY_COUNTRY_GENERATION.id(),
              RandomUserPipeline.MONTHLY_REGISTRATIONS.id(),
              RandomUserPipeline.QUALITY_BY_NATIONALITY.id());
      for (TableId id : ids) {
        tables.put(id.toString(), rowsWithoutBatchId(runtime, id));
      }
    }
    return tables;
  }

  private static List<String> rowsWithoutBatchId(MedallionRuntime runtime, TableId id) {
    List<Types.NestedField> fields = runtime.table(id).schema().columns();
    return Lakes.rows(runtime.table(id)).stream().map(row -> render(row, fields)).sorted().toList();
  }

  private static String render(Record row, List<Types.NestedField> fields) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).name();
      if (!name.equals(SilverTable.LINEAGE_BATCH_ID) && !name.equals(BronzeTable.BATCH_ID)) {
        text.append(name).append('=').append(row.get(i)).append(';');
      }
    }
    return text.toString();
  }
}
