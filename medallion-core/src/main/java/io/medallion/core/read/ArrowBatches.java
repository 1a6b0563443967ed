package io.medallion.core.read;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The rows of a read as Arrow batches, one at a time in a single {@link VectorSchemaRoot} that each
 * {@link #next()} refills. The batches own their Arrow buffers: {@link #close()} releases every one
 * of them, also after a failure part way; a caller that keeps a batch beyond the next call copies
 * or transfers its vectors first. Not thread-safe.
 *
 * <pre>{@code
 * long rows = 0;
 * try (ArrowBatches batches = runtime.read(request).arrow()) {
 *   while (batches.next()) {
 *     rows += batches.root().getRowCount();
 *   }
 * }
 * }</pre>
 */
public interface ArrowBatches extends AutoCloseable {
  /**
   * Loads the next batch into {@link #root()}; a batch is never empty.
   *
   * @return false when every row was read
   * @throws io.medallion.MedallionException when a data file cannot be read
   */
  boolean next();

  /**
   * Returns the current batch: the requested columns, in the order requested.
   *
   * @return the batch, valid until the next call to {@link #next()} or {@link #close()}
   */
  VectorSchemaRoot root();

  /**
   * Returns the current batch as plain rows, each a map from column name to value in column order,
   * with the value types of {@link TableRead#rows()}: for printing and tests, not for speed.
   *
   * <pre>{@code
   * while (batches.next()) {
   *   batches.batchRows().forEach(row -> sink.accept(row.get("email")));
   * }
   * }</pre>
   *
   * @return the rows of {@link #root()}
   */
  List<Map<String, Object>> batchRows();

  /**
   * Returns how many data files the read plans to open, after partitions and file statistics ruled
   * out those that cannot match the filter.
   *
   * @return the number of data files
   */
  int filesPlanned();

  /**
   * Tells whether Iceberg's vectorized Parquet reader reads the files. Columns of list or struct
   * type, equality deletes and files in other formats are read row by row instead, with the same
   * result.
   *
   * @return true for the vectorized reader
   */
  boolean vectorized();

  /** Releases every Arrow buffer and open file of the read. */
  @Override
  void close();
}
