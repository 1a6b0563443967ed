package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.MedallionException;
import io.medallion.TableId;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.core.spi.JsonSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class MedallionRuntimeTest extends EmbeddedLakeTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

  @Override
  Clock clock() {
    return CLOCK;
  }

  private static String person(String id, String email, String updated) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\"  ada lovelace \",\"email\":\""
        + email
        + "\",\"country\":\"ch\",\"phone\":\"079 123 45 67\",\"age\":36,\"postcode\":8001,"
        + "\"dob\":{\"date\":\"1990-12-10T08:00:00Z\",\"age\":36},\"updated\":\""
        + updated
        + "\",\"login\":{\"password\":\"hunter2\"}}";
  }

  @Test
  void run_newRecords_buildsEveryLayerAndReconciles() {
    runtime.ingest(
        TestPipelines.RAW,
        ndjson(
            "people.ndjson",
            person("a", "Ada@Example.COM ", "2024-01-01T00:00:00Z"),
            person("b", "b@example.com", "2024-01-01T00:00:00Z"),
            person("a", "ada.new@example.com", "2025-01-01T00:00:00Z"),
            "{\"name\":\"no id\"}"));

    RunResult result = runtime.run(TestPipelines.PIPELINE);

    TableRun silver = result.table(TestPipelines.PEOPLE.id());
    assertThat(silver.read()).isEqualTo(4);
    assertThat(silver.written()).isEqualTo(2);
    assertThat(silver.quarantined()).isEqualTo(1);
    assertThat(silver.duplicates()).isEqualTo(1);
    assertThat(silver.read())
        .isEqualTo(silver.written() + silver.quarantined() + silver.duplicates());

    List<Record> people = TableReads.rows(runtime.table(TestPipelines.PEOPLE.id()));
    Map<String, Record> byId =
        people.stream().collect(Collectors.toMap(r -> (String) r.getField("id"), r -> r));
    Record ada = byId.get("a");
    assertThat(ada.getField("email")).isEqualTo("ada.new@example.com");
    assertThat(ada.getField("name")).isEqualTo("Ada Lovelace");
    assertThat(ada.getField("phone")).isEqualTo("+41791234567");
    assertThat(ada.getField("postcode")).isEqualTo("8001");
    assertThat(ada.getField("generation")).isEqualTo("Millennial");
    assertThat(ada.getField("quality_score")).isEqualTo(1.0);
    assertThat(ada.getField("_source_coordinate")).isEqualTo("people.ndjson line 3");

    List<Record> quarantine = TableReads.rows(runtime.table(TestPipelines.PEOPLE.quarantineId()));
    assertThat(quarantine).hasSize(1);
    assertThat(TableReads.failures(quarantine.get(0), "reasons"))
        .isEqualTo(List.of("id_not_null: id is missing"));
    assertThat(quarantine.get(0).getField("_source_coordinate")).isEqualTo("people.ndjson line 4");

    List<Record> gold = TableReads.rows(runtime.table(TestPipelines.BY_COUNTRY.id()));
    assertThat(gold).hasSize(1);
    assertThat(gold.get(0).getField("country")).isEqualTo("CH");
    assertThat(gold.get(0).getField("people")).isEqualTo(2L);
    assertThat(gold.get(0).getField("avg_age")).isEqualTo(36.0);
    assertThat(gold.get(0).getField("total_age")).isEqualTo(72L);
    assertThat(gold.get(0).getField("generations")).isEqualTo(1L);
  }

  @Test
  void run_secondBatch_replacesOlderRowsAndAppendsOnlyNewOnes() {
    runtime.ingest(
        TestPipelines.RAW,
        ndjson(
            "first",
            person("a", "a@example.com", "2024-01-01T00:00:00Z"),
            person("b", "b@example.com", "2024-01-01T00:00:00Z")));
    runtime.run(TestPipelines.PIPELINE);

    runtime.ingest(
        TestPipelines.RAW,
        ndjson(
            "second",
            person("a", "a2@example.com", "2025-01-01T00:00:00Z"),
            person("b", "old@example.com", "2023-01-01T00:00:00Z"),
            person("c", "c@example.com", "2024-01-01T00:00:00Z")));
    RunResult second = runtime.run(TestPipelines.PIPELINE);

    TableRun silver = second.table(TestPipelines.PEOPLE.id());
    assertThat(silver.read()).isEqualTo(3);
    assertThat(silver.written()).isEqualTo(2);
    assertThat(silver.replaced()).isEqualTo(1);
    assertThat(silver.duplicates()).isEqualTo(1);
    Map<String, Object> emails =
        TableReads.rows(runtime.table(TestPipelines.PEOPLE.id())).stream()
            .collect(Collectors.toMap(r -> (String) r.getField("id"), r -> r.getField("email")));
    assertThat(emails)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("a", "a2@example.com", "b", "b@example.com", "c", "c@example.com"));
    Table silverTable = runtime.table(TestPipelines.PEOPLE.id());
    silverTable
        .currentSnapshot()
        .deleteManifests(silverTable.io())
        .forEach(
            m -> assertThat(m.content()).isEqualTo(org.apache.iceberg.ManifestContent.DELETES));
    assertThat(silverTable.currentSnapshot().summary()).doesNotContainKey("added-equality-deletes");
  }

  @Test
  void run_noNewInput_commitsNothing() {
    runtime.ingest(
        TestPipelines.RAW, ndjson("one", person("a", "a@example.com", "2024-01-01T00:00:00Z")));
    runtime.run(TestPipelines.PIPELINE);
    Snapshot silverBefore = runtime.table(TestPipelines.PEOPLE.id()).currentSnapshot();
    Snapshot goldBefore = runtime.table(TestPipelines.BY_COUNTRY.id()).currentSnapshot();

    RunResult again = runtime.run(TestPipelines.PIPELINE);

    assertThat(again.tables()).noneMatch(TableRun::committed);
    assertThat(runtime.table(TestPipelines.PEOPLE.id()).currentSnapshot().snapshotId())
        .isEqualTo(silverBefore.snapshotId());
    assertThat(runtime.table(TestPipelines.BY_COUNTRY.id()).currentSnapshot().snapshotId())
        .isEqualTo(goldBefore.snapshotId());
  }

  @Test
  void run_commitsRecordConsumedUpstreamSnapshot() {
    runtime.ingest(
        TestPipelines.RAW, ndjson("one", person("a", "a@example.com", "2024-01-01T00:00:00Z")));
    runtime.run(TestPipelines.PIPELINE);

    long bronze = runtime.table(TestPipelines.RAW.id()).currentSnapshot().snapshotId();
    long silver = runtime.table(TestPipelines.PEOPLE.id()).currentSnapshot().snapshotId();
    assertThat(runtime.table(TestPipelines.PEOPLE.id()).currentSnapshot().summary())
        .containsEntry(TableProperties.consumedKey("bronze.people_raw"), Long.toString(bronze));
    assertThat(runtime.table(TestPipelines.BY_COUNTRY.id()).currentSnapshot().summary())
        .containsEntry(TableProperties.consumedKey("silver.people"), Long.toString(silver));
  }

  @Test
  void run_crashBetweenQuarantineAndSilverCommits_neitherLosesNorDuplicates() {
    runtime.ingest(
        TestPipelines.RAW, ndjson("one", person("a", "a@example.com", "2024-01-01T00:00:00Z")));
    runtime.run(TestPipelines.PIPELINE);
    Table silver = runtime.table(TestPipelines.PEOPLE.id());
    long beforeSecondBatch = silver.currentSnapshot().snapshotId();
    runtime.ingest(
        TestPipelines.RAW,
        ndjson(
            "two", person("b", "b@example.com", "2024-01-01T00:00:00Z"), "{\"name\":\"no id\"}"));
    runtime.run(TestPipelines.PIPELINE);
    // A crash after the quarantine commit and before the silver commit leaves silver here:
    silver.refresh();
    silver.manageSnapshots().rollbackTo(beforeSecondBatch).commit();

    RunResult recovery = runtime.run(TestPipelines.PIPELINE);

    assertThat(recovery.table(TestPipelines.PEOPLE.id()).written()).isEqualTo(1);
    assertThat(TableReads.rows(runtime.table(TestPipelines.PEOPLE.id())))
        .extracting(r -> r.getField("id"))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(TableReads.rows(runtime.table(TestPipelines.PEOPLE.quarantineId()))).hasSize(1);
  }

  @Test
  void ingest_missingFile_failsNamingTheFile() {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> runtime.ingest(TestPipelines.RAW, JsonSource.file(missing)))
        .isInstanceOf(MedallionException.class)
        .hasMessageContaining("Cannot read source " + missing);
  }

  @Test
  void ingest_partFailsAfterRecordsWereWritten_commitsNothingAndLeavesNoFiles() throws IOException {
    Path good = dir.resolve("good.json");
    Files.writeString(good, personIn("a", "CH", "2024-01-01T00:00:00Z") + "\n");
    Path missing = dir.resolve("missing.json");

    assertThatThrownBy(
            () -> runtime.ingest(TestPipelines.RAW, JsonSource.files(List.of(good, missing))))
        .isInstanceOf(MedallionException.class)
        .hasMessageContaining("Cannot read source " + missing);
    assertThat(runtime.table(TestPipelines.RAW.id()).currentSnapshot()).isNull();
    // The run log, in a namespace of its own, records the failed run; bronze holds no file.
    try (Stream<Path> files = Files.walk(lake().resolve("warehouse").resolve("bronze"))) {
      assertThat(files.filter(file -> file.toString().endsWith(".parquet"))).isEmpty();
    }
  }

  @Test
  void builder_defaultLake_createsCatalogFileAndWarehouse() {
    assertThat(Files.exists(lake().resolve("catalog.db"))).isTrue();
    assertThat(Files.isDirectory(lake().resolve("warehouse"))).isTrue();
    assertThat(runtime.exists(TableId.of("bronze", "people_raw"))).isFalse();
  }

  @Test
  void run_definitionColumnsDifferFromTheTable_failsNamingEachDifference() {
    runtime.ingest(
        TestPipelines.RAW, ndjson("one", person("a", "a@example.com", "2024-01-01T00:00:00Z")));
    runtime.run(TestPipelines.PIPELINE);
    io.medallion.table.SilverTable changed =
        io.medallion.table.SilverTable.builder(TestPipelines.PEOPLE.id(), TestPipelines.RAW)
            .map("id", io.medallion.schema.ColumnType.STRING, "id")
            .map("age", io.medallion.schema.ColumnType.STRING, "age")
            .build();

    assertThatThrownBy(
            () ->
                runtime.run(
                    io.medallion.Pipeline.builder("changed")
                        .tables(TestPipelines.RAW, changed)
                        .build()))
        .isInstanceOf(MedallionException.class)
        .hasMessageStartingWith("Cannot register pipeline changed in medallion (embedded): ")
        .hasMessageContaining(
            "silver.people: column 'age' is int in the table but string in the definition")
        .hasMessageContaining(
            "silver.people: column 'name' string is in the table but not in the definition");
  }
}
