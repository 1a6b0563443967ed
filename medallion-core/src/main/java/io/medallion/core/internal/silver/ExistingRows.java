package io.medallion.core.internal.silver;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;

/**
 * Reads a few columns of one data file in file order, so a row's ordinal is its position for a
 * positional delete.
 */
final class ExistingRows {
  private ExistingRows() {}

  static CloseableIterable<Record> read(Table table, DataFile file, Schema projection) {
    return Parquet.read(table.io().newInputFile(file.location()))
        .project(projection)
        .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(projection, fileSchema))
        .build();
  }
}
