package io.medallion.core.internal.read;

import io.medallion.MedallionException;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;
import org.apache.iceberg.types.Types;

/**
 * Batches written from Iceberg's generic reader, which applies every kind of delete and the filter
 * itself: the path for reads the vectorized reader cannot do (list and struct columns, equality
 * deletes, files that are not Parquet).
 */
final class RecordBatches implements BatchSource {
  private final CloseableIterable<Record> records;
  private final CloseableIterator<Record> rows;
  private final List<String> columns;
  private final int batchRows;

  RecordBatches(ReadPlan plan, int batchRows) {
    this.records =
        IcebergGenerics.read(plan.table())
            .useSnapshot(plan.snapshotId())
            .project(plan.read())
            .where(plan.filter())
            .build();
    this.rows = records.iterator();
    this.columns = plan.output().columns().stream().map(Types.NestedField::name).toList();
    this.batchRows = batchRows;
  }

  @Override
  public int fill(VectorSchemaRoot out) {
    out.clear();
    out.allocateNew();
    int count = 0;
    while (count < batchRows && rows.hasNext()) {
      Record row = rows.next();
      for (int column = 0; column < columns.size(); column++) {
        RecordWriter.write(out.getVector(column), count, row.getField(columns.get(column)));
      }
      count++;
    }
    out.setRowCount(count);
    return count;
  }

  @Override
  public void close() {
    try {
      rows.close();
      records.close();
    } catch (IOException e) {
      throw new MedallionException("Cannot close the read: " + e.getMessage(), e);
    }
  }
}
