package io.medallion.core.internal.gold;

import io.medallion.MedallionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

/**
 * Reads the rows of one Parquet data or delete file of a table as it is stored, without applying
 * any deletes: the rows a snapshot added, or the rows a positional delete points at.
 *
 * <pre>{@code
 * DataFileRows.read(silver, file.location(), DataFileRows.withPosition(projection), row -> ...);
 * }</pre>
 */
public final class DataFileRows {
  private DataFileRows() {}

  /**
   * Adds the row position ({@code _pos}) to a projection, as the last field.
   *
   * @param projection the columns to read
   * @return the projection with the position
   */
  public static Schema withPosition(Schema projection) {
    List<Types.NestedField> fields = new ArrayList<>(projection.columns());
    fields.add(MetadataColumns.ROW_POSITION);
    return new Schema(fields);
  }

  /**
   * Streams a file's rows.
   *
   * @param table the table the file belongs to
   * @param location the file's location
   * @param projection the columns to read, by field id
   * @param row receives each row; the record is not reused
   * @return how many rows were read
   */
  public static long read(Table table, String location, Schema projection, Consumer<Record> row) {
    long read = 0;
    try (CloseableIterable<Record> rows =
        Parquet.read(table.io().newInputFile(location))
            .project(projection)
            .createReaderFunc(
                fileSchema -> GenericParquetReaders.buildReader(projection, fileSchema))
            .build()) {
      for (Record record : rows) {
        read++;
        row.accept(record);
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + location + ": " + e.getMessage(), e);
    }
    return read;
  }
}
