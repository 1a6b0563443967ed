package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.core.read.ArrowBatches;
import io.medallion.core.read.TableRead;
import io.medallion.read.Filter;
import io.medallion.read.ReadRequest;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.arrow.ArrowAllocation;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The read API against Iceberg's generic reader: the same rows with and without positional deletes,
 * at an older snapshot and with filters; filters prune files; buffers are released.
 */
class ArrowReadTest extends EmbeddedLakeTest {
  private static final SilverTable BY_COUNTRY =
      SilverTable.builder(TableId.of("silver", "people_by_country"), TestPipelines.RAW)
          .map("id", ColumnType.STRING, "id")
          .map("country", ColumnType.STRING, "country")
          .map("age", ColumnType.INT, "age")
          .map("updated_at", ColumnType.TIMESTAMP_TZ, "updated")
          .deduplicateOn("id")
          .keepLatestBy("updated_at")
          .partitionBy(PartitionField.identity("country"))
          .build();
  private static final Pipeline PARTITIONED =
      Pipeline.builder("by-country").tables(TestPipelines.RAW, BY_COUNTRY).build();
  private static final List<String> PRIMITIVE_COLUMNS =
      List.of("id", "name", "email", "country", "age", "born_at", "updated_at", "quality_score");

  @AfterEach
  void noBufferLeft() {
    assertThat(ArrowAllocation.rootAllocator().getAllocatedMemory()).isZero();
  }

  @Test
  void arrow_silverWithReplacedRows_vectorizedRowsEqualGenericReaderWithoutDeletedRows() {
    loadPeopleTwice();
    Table silver = runtime.table(TestPipelines.PEOPLE.id());
    assertThat(silver.currentSnapshot().summary()).containsKey("total-position-deletes");
    assertThat(silver.currentSnapshot().summary().get("total-position-deletes")).isNotEqualTo("0");

    ReadRequest request =
        ReadRequest.builder(TestPipelines.PEOPLE.id()).columns(PRIMITIVE_COLUMNS).build();
    List<Map<String, Object>> arrow = arrowRows(runtime.read(request), 2, true);

    assertThat(arrow)
        .containsExactlyInAnyOrderElementsOf(generic(silver, null, PRIMITIVE_COLUMNS, null));
    assertThat(arrow).extracting(row -> row.get("id")).doesNotHaveDuplicates();
    assertThat(arrow)
        .filteredOn(row -> "p1".equals(row.get("id")))
        .extracting(row -> row.get("email"))
        .containsExactly("new@example.com");
  }

  @Test
  void arrow_intColumnWidenedToLongAfterItsFilesWereWritten_vectorizedReadsWidenedValues() {
    loadPeopleTwice();
    Table silver = runtime.table(TestPipelines.PEOPLE.id());
    // Another engine widens the column; the files keep their dictionary-encoded INT32 ages.
    silver.updateSchema().updateColumn("age", Types.LongType.get()).commit();
    silver.refresh();

    ReadRequest request =
        ReadRequest.builder(TestPipelines.PEOPLE.id()).columns(PRIMITIVE_COLUMNS).build();
    List<Map<String, Object>> arrow = arrowRows(runtime.read(request), 2, true);

    assertThat(arrow)
        .containsExactlyInAnyOrderElementsOf(generic(silver, null, PRIMITIVE_COLUMNS, null));
    assertThat(arrow)
        .extracting(row -> row.get("age"))
        .filteredOn(age -> age != null)
        .isNotEmpty()
        .allSatisfy(age -> assertThat(age).isInstanceOf(Long.class));
  }

  @Test
  void arrow_everySilverColumnWithListsOfStructs_rowByRowEqualsGenericReader() {
    loadPeopleTwice();
    Table silver = runtime.table(TestPipelines.PEOPLE.id());
    List<String> all = silver.schema().columns().stream().map(Types.NestedField::name).toList();

    List<Map<String, Object>> arrow =
        arrowRows(runtime.read(ReadRequest.of(TestPipelines.PEOPLE.id())), 3, false);

    assertThat(arrow).containsExactlyInAnyOrderElementsOf(generic(silver, null, all, null));
    assertThat(arrow).anySatisfy(row -> assertThat((List<?>) row.get("failed_rules")).isNotEmpty());
  }

  @Test
  void rows_olderSnapshot_equalsGenericReaderAtThatSnapshot() {
    runtime.ingest(TestPipelines.RAW, ndjson("first.ndjson", person("p1", "old@example.com", 1)));
    runtime.run(TestPipelines.PIPELINE);
    long first = runtime.table(TestPipelines.PEOPLE.id()).currentSnapshot().snapshotId();
    loadPeopleTwice();
    Table silver = runtime.table(TestPipelines.PEOPLE.id());

    TableRead read =
        runtime.read(
            ReadRequest.builder(TestPipelines.PEOPLE.id())
                .columns("id", "email")
                .asOfSnapshot(first)
                .build());

    assertThat(read.snapshotId()).hasValue(first);
    assertThat(read.rows())
        .containsExactlyElementsOf(generic(silver, first, List.of("id", "email"), null))
        .containsExactly(Map.of("id", "p1", "email", "old@example.com"));
  }

  @Test
  void arrow_filterOnPartitionColumn_plansOnlyMatchingFilesAndEqualsGenericReader() {
    runtime.ingest(
        TestPipelines.RAW,
        ndjson(
            "people.ndjson",
            personIn("a", "CH", "2024-01-01T00:00:00Z"),
            personIn("b", "DE", "2024-01-01T00:00:00Z"),
            personIn("c", "US", "2024-01-01T00:00:00Z")));
    runtime.run(PARTITIONED);
    runtime.ingest(
        TestPipelines.RAW, ndjson("later.ndjson", personIn("a", "DE", "2025-01-01T00:00:00Z")));
    runtime.run(PARTITIONED);
    Table silver = runtime.table(BY_COUNTRY.id());
    ReadRequest everything = ReadRequest.of(BY_COUNTRY.id());
    ReadRequest germany =
        everything.toBuilder().filter(Filter.eq("country", "DE")).columns("id").build();

    int allFiles;
    try (ArrowBatches batches = runtime.read(everything).arrow()) {
      allFiles = batches.filesPlanned();
    }
    List<Map<String, Object>> rows;
    int germanFiles;
    try (ArrowBatches batches = runtime.read(germany).arrow()) {
      germanFiles = batches.filesPlanned();
      rows = collect(batches);
    }

    assertThat(allFiles).isEqualTo(4);
    assertThat(germanFiles).isEqualTo(2);
    assertThat(rows)
        .containsExactlyInAnyOrderElementsOf(
            generic(silver, null, List.of("id"), Expressions.equal("country", "DE")))
        .containsExactlyInAnyOrder(Map.of("id", "a"), Map.of("id", "b"));
  }

  @Test
  void rows_filterOnColumnsInsideFiles_evaluatesEveryRowLikeTheGenericReader() {
    loadPeopleTwice();
    Table silver = runtime.table(TestPipelines.PEOPLE.id());
    Filter filter =
        Filter.or(
            Filter.and(Filter.ge("age", 40), Filter.in("country", "CH", "DE")),
            Filter.isNull("email"));

    List<Map<String, Object>> rows =
        runtime
            .read(
                ReadRequest.builder(TestPipelines.PEOPLE.id())
                    .columns("id", "age")
                    .filter(filter)
                    .build())
            .rows();

    Expression expected =
        Expressions.or(
            Expressions.and(
                Expressions.greaterThanOrEqual("age", 40), Expressions.in("country", "CH", "DE")),
            Expressions.isNull("email"));
    assertThat(rows)
        .containsExactlyInAnyOrderElementsOf(generic(silver, null, List.of("id", "age"), expected))
        .extracting(row -> row.get("id"))
        .containsExactlyInAnyOrder("p3", "p4");
  }

  @Test
  void arrow_equalityDeleteWrittenByAnotherEngine_fallsBackToRowByRowWithoutTheDeletedRow()
      throws IOException {
    loadPeopleTwice();
    Table silver = runtime.table(TestPipelines.PEOPLE.id());
    Schema idOnly = silver.schema().select("id");
    EqualityDeleteWriter<Record> writer =
        Parquet.writeDeletes(
                silver
                    .io()
                    .newOutputFile(silver.locationProvider().newDataLocation("eq-delete.parquet")))
            .forTable(silver)
            .rowSchema(idOnly)
            .withSpec(silver.spec())
            .equalityFieldIds(idOnly.findField("id").fieldId())
            .createWriterFunc(GenericParquetWriter::create)
            .buildEqualityWriter();
    try (writer) {
      GenericRecord p2 = GenericRecord.create(idOnly);
      p2.setField("id", "p2");
      writer.write(p2);
    }
    silver.newRowDelta().addDeletes(writer.toDeleteFile()).commit();
    ReadRequest request =
        ReadRequest.builder(TestPipelines.PEOPLE.id()).columns(PRIMITIVE_COLUMNS).build();

    List<Map<String, Object>> arrow = arrowRows(runtime.read(request), 2, false);

    assertThat(arrow)
        .containsExactlyInAnyOrderElementsOf(generic(silver, null, PRIMITIVE_COLUMNS, null))
        .extracting(row -> row.get("id"))
        .containsExactlyInAnyOrder("p1", "p3", "p4");
  }

  @Test
  void rows_limit_returnsAtMostThatManyRows() {
    loadPeopleTwice();

    List<Map<String, Object>> rows =
        runtime.read(ReadRequest.builder(TestPipelines.PEOPLE.id()).limit(2).build()).rows();

    assertThat(rows).hasSize(2);
  }

  @Test
  void close_afterADataFileVanishedMidRead_failsAndReleasesEveryBuffer() {
    loadPeopleTwice();
    for (boolean vectorized : new boolean[] {true, false}) {
      ReadRequest request =
          vectorized
              ? ReadRequest.builder(TestPipelines.PEOPLE.id()).columns(PRIMITIVE_COLUMNS).build()
              : ReadRequest.of(TestPipelines.PEOPLE.id());
      ArrowBatches batches = runtime.read(request).arrow(1);
      assertThat(batches.next()).isTrue();
      assertThat(batches.vectorized()).isEqualTo(vectorized);
      assertThat(ArrowAllocation.rootAllocator().getAllocatedMemory()).isPositive();
      deleteDataFiles(TestPipelines.PEOPLE.id());

      assertThatThrownBy(
              () -> {
                while (batches.next()) {
                  assertThat(batches.root().getRowCount()).isEqualTo(1);
                }
              })
          .isInstanceOf(RuntimeException.class);
      batches.close();

      assertThat(ArrowAllocation.rootAllocator().getAllocatedMemory()).isZero();
      restoreLake();
    }
  }

  @Test
  void close_beforeTheLastBatch_releasesEveryBuffer() {
    loadPeopleTwice();

    try (ArrowBatches batches = runtime.read(ReadRequest.of(TestPipelines.PEOPLE.id())).arrow(1)) {
      assertThat(batches.next()).isTrue();
      assertThat(ArrowAllocation.rootAllocator().getAllocatedMemory()).isPositive();
    }

    assertThat(ArrowAllocation.rootAllocator().getAllocatedMemory()).isZero();
  }

  @Test
  void read_unknownColumnsSnapshotAndMismatchedLiterals_listsEveryProblem() {
    loadPeopleTwice();
    ReadRequest request =
        ReadRequest.builder(TestPipelines.PEOPLE.id())
            .columns("id", "shoe_size")
            .filter(
                Filter.and(
                    Filter.eq("age", "forty"),
                    Filter.eq("height", 2),
                    Filter.gt("age", 3_000_000_000L)))
            .asOfSnapshot(42L)
            .build();

    assertThatThrownBy(() -> runtime.read(request))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .hasSize(5)
                    .anySatisfy(p -> assertThat(p).startsWith("snapshot 42 is not in the table's"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("column 'shoe_size' is not in the table"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "filter column 'age' is int and cannot be compared with"
                                        + " 'forty' (text); give a whole number within the int"
                                        + " range"))
                    .anySatisfy(p -> assertThat(p).startsWith("filter column 'height' is not in"))
                    .anySatisfy(
                        p -> assertThat(p).contains("cannot be compared with 3000000000 (whole)")));
  }

  @Test
  void read_missingTable_namesTheTableAndCatalog() {
    assertThatThrownBy(() -> runtime.read(ReadRequest.of(TableId.of("silver", "nowhere"))))
        .isInstanceOf(MedallionException.class)
        .hasMessageStartingWith("Cannot read silver.nowhere: the table does not exist in catalog");
  }

  @Test
  void rows_tableWithoutSnapshot_isEmpty() {
    runtime.registerAll(TestPipelines.PIPELINE);

    TableRead read = runtime.read(ReadRequest.of(TestPipelines.PEOPLE.id()));

    assertThat(read.snapshotId()).isEmpty();
    assertThat(read.rows()).isEmpty();
  }

  /** Two batches: the second replaces p1 (a positional delete) and adds p3 and p4. */
  private void loadPeopleTwice() {
    runtime.ingest(
        TestPipelines.RAW,
        ndjson(
            "first.ndjson",
            person("p1", "old@example.com", 1),
            person("p2", "two@example.com", 1),
            "{\"id\":\"p5\",\"name\":\"x\",\"age\":250,\"country\":\"FR\","
                + "\"updated\":\"2024-01-01T00:00:00Z\"}"));
    runtime.run(TestPipelines.PIPELINE);
    runtime.ingest(
        TestPipelines.RAW,
        ndjson(
            "second.ndjson",
            person("p1", "new@example.com", 2),
            "{\"id\":\"p3\",\"name\":\"ann\",\"email\":\"ann@example.com\",\"country\":\"DE\","
                + "\"age\":44,\"updated\":\"2024-03-01T00:00:00Z\"}",
            "{\"id\":\"p4\",\"name\":\"bo\",\"country\":\"FR\",\"age\":20,"
                + "\"updated\":\"2024-03-01T00:00:00Z\"}"));
    runtime.run(TestPipelines.PIPELINE);
  }

  private static String person(String id, String email, int month) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\"someone\",\"email\":\""
        + email
        + "\",\"country\":\"CH\",\"phone\":\"044 668 18 00\",\"age\":33,"
        + "\"dob\":{\"date\":\"1990-05-01T10:00:00Z\"},\"updated\":\"2024-0"
        + month
        + "-01T00:00:00Z\"}";
  }

  /** Reads every batch, checking each is non-empty and at most {@code batchRows} long. */
  private static List<Map<String, Object>> arrowRows(
      TableRead read, int batchRows, boolean vectorized) {
    try (ArrowBatches batches = read.arrow(batchRows)) {
      assertThat(batches.vectorized()).isEqualTo(vectorized);
      List<Map<String, Object>> rows = new ArrayList<>();
      while (batches.next()) {
        assertThat(batches.root().getRowCount()).isBetween(1, batchRows);
        rows.addAll(batches.batchRows());
      }
      return rows;
    }
  }

  private static List<Map<String, Object>> collect(ArrowBatches batches) {
    List<Map<String, Object>> rows = new ArrayList<>();
    while (batches.next()) {
      rows.addAll(batches.batchRows());
    }
    return rows;
  }

  /** The rows Iceberg's generic reader returns, as plain maps (structs as maps too). */
  static List<Map<String, Object>> generic(
      Table table, Long snapshot, List<String> columns, Expression filter) {
    table.refresh();
    IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table).select(columns);
    if (snapshot != null) {
      scan = scan.useSnapshot(snapshot);
    }
    if (filter != null) {
      scan = scan.where(filter);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = scan.build()) {
      for (Record record : records) {
        Map<String, Object> row = new LinkedHashMap<>();
        columns.forEach(column -> row.put(column, plain(record.getField(column))));
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static Object plain(Object value) {
    if (value instanceof Record struct) {
      Map<String, Object> fields = new LinkedHashMap<>();
      struct.struct().fields().forEach(f -> fields.put(f.name(), plain(struct.getField(f.name()))));
      return fields;
    } else if (value instanceof List<?> list) {
      return list.stream().map(ArrowReadTest::plain).toList();
    }
    return value;
  }

  private Path backup;

  private void deleteDataFiles(TableId id) {
    backup = dir.resolve("backup");
    copyTree(lake(), backup);
    try (Stream<Path> files = Files.walk(lake().resolve("warehouse"))) {
      files
          .filter(f -> f.toString().contains(id.name()) && f.toString().endsWith(".parquet"))
          .forEach(ArrowReadTest::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void restoreLake() {
    copyTree(backup, lake());
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (file.toString().endsWith(".parquet")) {
          Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
