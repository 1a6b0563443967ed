package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.read.ArrowBatches;
import io.medallion.core.read.TableRead;
import io.medallion.core.spi.JsonSource;
import io.medallion.read.Filter;
import io.medallion.read.ReadRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.arrow.ArrowAllocation;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table of a RandomUser lake built from the real API responses, read through the read API,
 * equals what Iceberg's generic reader returns: with silver's positional deletes (the responses
 * loaded again with every city changed, so each kept user is replaced once), at an older snapshot,
 * and with filters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArrowReadEquivalenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path lake;
  private MedallionRuntime runtime;
  private long firstSilverSnapshot;

  @TempDir static Path moved;

  @BeforeAll
  void buildLake() throws IOException {
    runtime = MedallionRuntime.builder().lake(lake).build();
    List<Path> files = SharedData.randomUserDevFiles();
    runtime.run(RandomUserPipeline.PIPELINE, RandomUserPipeline.RAW, JsonSource.files(files));
    firstSilverSnapshot = table(RandomUserPipeline.USERS.id()).currentSnapshot().snapshotId();
    runtime.run(
        RandomUserPipeline.PIPELINE, RandomUserPipeline.RAW, JsonSource.files(movedCopies(files)));
  }

  /** The responses with every user's city changed: the same keys, so silver replaces each row. */
  private static List<Path> movedCopies(List<Path> files) throws IOException {
    List<Path> copies = new ArrayList<>();
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      JsonNode users = root.isArray() ? root : root.get("results");
      for (JsonNode user : users) {
        if (user.path("location") instanceof ObjectNode location && location.get("city") != null) {
          location.put("city", location.get("city").asText() + " Nord");
        }
      }
      Path copy = moved.resolve(file.getFileName().toString());
      JSON.writeValue(copy.toFile(), root);
      copies.add(copy);
    }
    return copies;
  }

  @AfterAll
  void close() {
    runtime.close();
    assertThat(ArrowAllocation.rootAllocator().getAllocatedMemory()).isZero();
  }

  @Test
  void arrow_everyTableOfTheLake_equalsGenericReader() {
    List<TableId> tables =
        List.of(
            RandomUserPipeline.RAW.id(),
            RandomUserPipeline.RAW.deadLetterId(),
            RandomUserPipeline.USERS.id(),
            RandomUserPipeline.USERS.quarantineId(),
            RandomUserPipeline.USERS.metricsId(),
            RandomUserPipeline.BY_COUNTRY_GENERATION.id(),
            RandomUserPipeline.MONTHLY_REGISTRATIONS.id(),
            RandomUserPipeline.QUALITY_BY_NATIONALITY.id());

    for (TableId id : tables) {
      List<Map<String, Object>> expected = generic(table(id), null, null, null);
      List<Map<String, Object>> actual = arrow(ReadRequest.of(id));

      assertThat(actual).as(id.toString()).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(generic(table(RandomUserPipeline.USERS.quarantineId()), null, null, null))
        .isNotEmpty();
  }

  @Test
  void arrow_silverWithPositionalDeletes_vectorizedEqualsGenericReader() {
    Table silver = table(RandomUserPipeline.USERS.id());
    assertThat(Long.parseLong(silver.currentSnapshot().summary().get("total-position-deletes")))
        .isPositive();
    List<String> primitive =
        silver.schema().columns().stream()
            .filter(field -> field.type().isPrimitiveType())
            .map(Types.NestedField::name)
            .toList();
    ReadRequest request =
        ReadRequest.builder(RandomUserPipeline.USERS.id()).columns(primitive).build();

    List<Map<String, Object>> rows;
    try (ArrowBatches batches = runtime.read(request).arrow(1000)) {
      assertThat(batches.vectorized()).isTrue();
      rows = collect(batches);
    }

    assertThat(rows)
        .hasSize(rowCount(silver))
        .containsExactlyInAnyOrderElementsOf(generic(silver, null, primitive, null));
  }

  @Test
  void rows_olderSnapshot_equalsGenericReaderAtThatSnapshot() {
    Table silver = table(RandomUserPipeline.USERS.id());
    List<String> all = silver.schema().columns().stream().map(Types.NestedField::name).toList();

    TableRead read =
        runtime.read(
            ReadRequest.builder(RandomUserPipeline.USERS.id())
                .asOfSnapshot(firstSilverSnapshot)
                .build());

    assertThat(read.snapshotId()).hasValue(firstSilverSnapshot);
    assertThat(read.rows())
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(generic(silver, firstSilverSnapshot, all, null));
  }

  @Test
  void arrow_filters_equalGenericReaderAndPruneFiles() {
    Table silver = table(RandomUserPipeline.USERS.id());
    // Each batch writes its own files, so a batch id's file statistics rule the other batch out.
    Object secondBatch = generic(silver, null, List.of("_batch_id"), null).get(0).get("_batch_id");
    List<String> columns = List.of("user_id", "nationality", "age", "registered_at");
    Filter filter =
        Filter.and(
            Filter.eq("_batch_id", secondBatch),
            Filter.in("nationality", "FR", "CH"),
            Filter.or(Filter.ge("age", 40), Filter.isNull("email")));
    Expression expected =
        Expressions.and(
            Expressions.equal("_batch_id", secondBatch),
            Expressions.and(
                Expressions.in("nationality", "FR", "CH"),
                Expressions.or(
                    Expressions.greaterThanOrEqual("age", 40), Expressions.isNull("email"))));

    List<Map<String, Object>> rows;
    int filtered;
    int all;
    try (ArrowBatches batches =
        runtime
            .read(
                ReadRequest.builder(RandomUserPipeline.USERS.id())
                    .columns(columns)
                    .filter(filter)
                    .build())
            .arrow()) {
      filtered = batches.filesPlanned();
      rows = collect(batches);
    }
    try (ArrowBatches batches =
        runtime.read(ReadRequest.of(RandomUserPipeline.USERS.id())).arrow()) {
      all = batches.filesPlanned();
    }

    assertThat(rows)
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(generic(silver, null, columns, expected));
    assertThat(filtered).isPositive().isLessThan(all);
  }

  private Table table(TableId id) {
    return runtime.table(id);
  }

  private List<Map<String, Object>> arrow(ReadRequest request) {
    try (ArrowBatches batches = runtime.read(request).arrow(500)) {
      return collect(batches);
    }
  }

  private static List<Map<String, Object>> collect(ArrowBatches batches) {
    List<Map<String, Object>> rows = new ArrayList<>();
    while (batches.next()) {
      rows.addAll(batches.batchRows());
    }
    return rows;
  }

  private static int rowCount(Table table) {
    return Integer.parseInt(table.currentSnapshot().summary().get("total-records"))
        - Integer.parseInt(table.currentSnapshot().summary().get("total-position-deletes"));
  }

  /** Iceberg's generic reader's rows as plain maps (structs as maps too). */
  private static List<Map<String, Object>> generic(
      Table table, Long snapshot, List<String> columns, Expression filter) {
    table.refresh();
    List<Map<String, Object>> rows = new ArrayList<>();
    if (table.currentSnapshot() == null) {
      return rows;
    }
    List<String> names =
        columns != null
            ? columns
            : table.schema().columns().stream().map(Types.NestedField::name).toList();
    IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table).select(names);
    if (snapshot != null) {
      scan = scan.useSnapshot(snapshot);
    }
    if (filter != null) {
      scan = scan.where(filter);
    }
    try (CloseableIterable<Record> records = scan.build()) {
      for (Record record : records) {
        Map<String, Object> row = new LinkedHashMap<>();
        names.forEach(name -> row.put(name, plain(record.getField(name))));
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
      return list.stream().map(ArrowReadEquivalenceTest::plain).toList();
    }
    return value;
  }
}
