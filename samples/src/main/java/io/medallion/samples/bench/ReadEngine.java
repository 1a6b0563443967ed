package io.medallion.samples.bench;

import io.medallion.core.MedallionRuntime;
import io.medallion.core.read.ArrowBatches;
import io.medallion.read.ReadRequest;
import io.medallion.table.SilverTable;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * Builds silver with medallion, then reads it twice in the same JVM: with Iceberg's generic record
 * reader and with medallion's Arrow reader (iceberg-arrow's vectorized Parquet reader), the same
 * columns (every column of a primitive type) and the same snapshot. Each read counts the non-null
 * values it got, so neither can skip work, and the two counts must agree. Both readers first read
 * up to {@value #WARM_UP_ROWS} rows untimed: the build has already loaded and compiled the generic
 * reader's classes, not the Arrow reader's.
 */
final class ReadEngine {
  /** The engine's name on the command line. */
  static final String NAME = "read-silver";

  /** The generic reader's stage. */
  static final String GENERIC = "read-generic";

  /** The Arrow reader's stage. */
  static final String ARROW = "read-arrow";

  /** Rows each reader reads before it is timed. */
  static final int WARM_UP_ROWS = 50_000;

  private ReadEngine() {}

  static void run(Path input, Path work, StageMeter meter) throws Exception {
    Path lake = work.resolve("lake");
    Path warehouse = lake.resolve("warehouse");
    SilverTable users = silver();
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lake).build()) {
      MedallionEngine.bronzeAndSilver(runtime, input, warehouse, meter);
      Table table = runtime.table(users.id());
      List<String> columns =
          table.schema().columns().stream()
              .filter(field -> field.type().isPrimitiveType())
              .map(Types.NestedField::name)
              .toList();
      long snapshot = table.currentSnapshot().snapshotId();
      Schema projection = table.schema().select(columns);
      ReadRequest request =
          ReadRequest.builder(users.id()).columns(columns).asOfSnapshot(snapshot).build();
      long[] values = new long[4];
      readGeneric(table, snapshot, projection, WARM_UP_ROWS, values, 2);
      readArrow(runtime, request.toBuilder().limit(WARM_UP_ROWS).build(), values, 3);
      meter.measureRows(
          GENERIC, () -> readGeneric(table, snapshot, projection, Long.MAX_VALUE, values, 0));
      meter.measureRows(ARROW, () -> readArrow(runtime, request, values, 1));
      if (values[0] != values[1]) {
        throw new IllegalStateException(
            "The readers disagree: the generic reader read "
                + values[0]
                + " non-null values, the Arrow reader "
                + values[1]);
      }
    }
  }

  private static SilverTable silver() {
    return BenchJob.SILVER_ONLY.tables().stream()
        .filter(SilverTable.class::isInstance)
        .map(SilverTable.class::cast)
        .findFirst()
        .orElseThrow();
  }

  /** Reads up to {@code limit} rows; returns them, adds the non-null values to values[slot]. */
  private static long readGeneric(
      Table table, long snapshot, Schema projection, long limit, long[] values, int slot)
      throws Exception {
    long rows = 0;
    int width = projection.columns().size();
    try (CloseableIterable<Record> records =
        IcebergGenerics.read(table).useSnapshot(snapshot).project(projection).build()) {
      for (Record record : records) {
        if (rows == limit) {
          break;
        }
        for (int i = 0; i < width; i++) {
          if (record.get(i) != null) {
            values[slot]++;
          }
        }
        rows++;
      }
    }
    return rows;
  }

  /** Reads every batch; returns the rows, adds the non-null values to {@code values[slot]}. */
  private static long readArrow(
      MedallionRuntime runtime, ReadRequest request, long[] values, int slot) {
    long rows = 0;
    try (ArrowBatches batches = runtime.read(request).arrow()) {
      if (!batches.vectorized()) {
        throw new IllegalStateException("Expected the vectorized reader for " + request);
      }
      while (batches.next()) {
        VectorSchemaRoot batch = batches.root();
        for (FieldVector vector : batch.getFieldVectors()) {
          values[slot] += vector.getValueCount() - vector.getNullCount();
        }
        rows += batch.getRowCount();
      }
    }
    return rows;
  }
}
