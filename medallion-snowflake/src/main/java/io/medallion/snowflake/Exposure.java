package io.medallion.snowflake;

/**
 * How Snowflake reads the lake's bronze and silver tables.
 *
 * <pre>{@code
 * SnowflakeLayer.builder(pipeline, catalog, "s3://lake/medallion").exposure(Exposure.LINKED_DATABASE);
 * }</pre>
 */
public enum Exposure {
  /** One {@code CREATE ICEBERG TABLE} per table, refreshed from the catalog. */
  ICEBERG_TABLES,
  /** One catalog-linked database that discovers the catalog's namespaces and tables (REST only). */
  LINKED_DATABASE,
  /**
   * For accounts without Iceberg: a stage over each table's files, a Parquet file format, a table,
   * and {@code COPY INTO} restricted to the data files of the current snapshot.
   */
  CLASSIC_COPY
}
