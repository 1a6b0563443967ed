package io.medallion.catalog;

import java.util.Locale;

/**
 * The kinds of Iceberg catalog a runtime can use.
 *
 * <pre>{@code
 * boolean service = config.type() != CatalogType.HADOOP;
 * }</pre>
 */
public enum CatalogType {
  /** Iceberg's JDBC catalog: the embedded SQLite default, or PostgreSQL and others by URL. */
  JDBC,
  /** An Iceberg REST catalog: Apache Polaris, Snowflake Open Catalog, AWS Glue's REST endpoint. */
  REST,
  /** The AWS Glue Data Catalog through Iceberg's {@code GlueCatalog}. */
  GLUE,
  /** Iceberg's file-system catalog: metadata found by path, no catalog service. */
  HADOOP;

  /**
   * Returns the lower-case label used in configuration files.
   *
   * @return e.g. {@code rest}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
