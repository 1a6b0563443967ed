package io.medallion.core.internal.iceberg;

/** Iceberg table properties and snapshot-summary keys medallion writes. */
public final class TableProperties {
  /** Snapshot-summary key prefix for the upstream snapshot a commit consumed. */
  public static final String CONSUMED_PREFIX = "medallion.consumed.";

  /** Snapshot-summary key prefix of every {@link io.medallion.core.spi.SourceMarker} entry. */
  public static final String SOURCE_PREFIX = io.medallion.core.spi.SourceMarker.KEY_ROOT;

  /** Snapshot-summary key for the batch id of a bronze or dead-letter commit. */
  public static final String BATCH_ID = "medallion.batch-id";

  /** Snapshot-summary key for the number of rows a commit wrote. */
  public static final String ROWS_WRITTEN = "medallion.rows-written";

  /** Table property naming the layer. */
  public static final String LAYER = "medallion.layer";

  /** Table property naming the pipeline. */
  public static final String PIPELINE = "medallion.pipeline";

  private TableProperties() {}

  /**
   * Returns the summary key recording which snapshot of an upstream table was consumed.
   *
   * @param upstream the upstream table's qualified name
   * @return the key
   */
  public static String consumedKey(String upstream) {
    return CONSUMED_PREFIX + upstream;
  }
}
