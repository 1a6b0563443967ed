package io.medallion.core.read;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A read request resolved against its table: the snapshot is fixed and the columns and filter are
 * checked. Its rows come as Arrow batches, or as plain rows when there are few.
 *
 * <pre>{@code
 * TableRead read = runtime.read(ReadRequest.of(TableId.of("gold", "users_by_country")));
 * Map<Object, Object> usersByCountry = new HashMap<>();
 * for (Map<String, Object> row : read.rows()) {
 *   usersByCountry.put(row.get("country"), row.get("users"));
 * }
 * }</pre>
 */
public interface TableRead {
  /** How many rows {@link #rows()} returns at most when the request sets no limit. */
  int MAX_PLAIN_ROWS = 100_000;

  /** Rows per Arrow batch unless a size is given. */
  int DEFAULT_BATCH_ROWS = 8192;

  /**
   * Returns the snapshot read.
   *
   * @return its id, or empty when the table has no snapshot yet (and no rows)
   */
  OptionalLong snapshotId();

  /**
   * Returns the names of the columns returned.
   *
   * @return the requested columns in the order requested, or every column of the table
   */
  List<String> columns();

  /**
   * Opens the rows as Arrow batches of up to {@value #DEFAULT_BATCH_ROWS} rows.
   *
   * @return the batches, to be closed by the caller
   */
  default ArrowBatches arrow() {
    return arrow(DEFAULT_BATCH_ROWS);
  }

  /**
   * Opens the rows as Arrow batches.
   *
   * <pre>{@code
   * try (ArrowBatches batches = read.arrow(65_536)) {
   *   while (batches.next()) {
   *     process(batches.root());
   *   }
   * }
   * }</pre>
   *
   * @param batchRows the most rows per batch, at least 1
   * @return the batches, to be closed by the caller
   * @throws IllegalArgumentException when {@code batchRows} is below 1
   */
  ArrowBatches arrow(int batchRows);

  /**
   * Reads every row into memory, each as a map from column name to value (in column order): String,
   * Integer, Long, Double, Boolean, BigDecimal, LocalDate, OffsetDateTime (UTC), a List, or a Map
   * for a struct.
   *
   * @return the rows
   * @throws io.medallion.MedallionException when more than {@value #MAX_PLAIN_ROWS} rows match and
   *     the request sets no limit: read them as Arrow batches, or set a limit
   */
  List<Map<String, Object>> rows();
}
