package io.medallion.snowflake;

/**
 * What a planned statement creates or changes in Snowflake, in the order a plan applies them.
 *
 * <pre>{@code
 * if (statement.kind() == ObjectKind.VIEW) { ... }
 * }</pre>
 */
public enum ObjectKind {
  /** {@code CREATE DATABASE}, or a catalog-linked database. */
  DATABASE,
  /** {@code CREATE EXTERNAL VOLUME} over the lake's storage. */
  EXTERNAL_VOLUME,
  /** {@code CREATE CATALOG INTEGRATION} for the lake's catalog. */
  CATALOG_INTEGRATION,
  /** {@code CREATE STORAGE INTEGRATION} for the classic stages. */
  STORAGE_INTEGRATION,
  /** {@code CREATE SCHEMA} per layer. */
  SCHEMA,
  /** {@code CREATE ICEBERG TABLE} over a lake table. */
  ICEBERG_TABLE,
  /** {@code ALTER ICEBERG TABLE ... REFRESH} to the catalog's current metadata file. */
  REFRESH,
  /** {@code CREATE FILE FORMAT} for Parquet (classic load path). */
  FILE_FORMAT,
  /** {@code CREATE STAGE} over a table's data files (classic load path). */
  STAGE,
  /** {@code CREATE TABLE} loaded by {@code COPY INTO} (classic load path). */
  TABLE,
  /** {@code COPY INTO} one snapshot's data files (classic load path). */
  COPY,
  /** {@code CREATE VIEW} of a gold definition. */
  VIEW,
  /** {@code CREATE MASKING POLICY} for personal columns. */
  MASKING_POLICY,
  /** A masking policy set on a personal column. */
  MASKING,
  /** The schedule data metric functions run on. */
  METRIC_SCHEDULE,
  /** A data metric function attached to a table. */
  DATA_METRIC,
  /** {@code GRANT} to the reader role. */
  GRANT;

  /**
   * Returns the words shown in the script, e.g. {@code "iceberg table"}.
   *
   * @return the lower-case label
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
