package io.medallion.catalog;

import java.util.Locale;

/**
 * The kinds of Iceberg catalog a runtime can use.
 *
 * <pre>{@code
 * CatalogType type = CatalogType.fromLabel("glue");
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

  /**
   * Parses a label.
   *
   * @param label e.g. {@code glue}
   * @return the type
   * @throws IllegalArgumentException naming the label and the allowed ones
   */
  public static CatalogType fromLabel(String label) {
    for (CatalogType type : values()) {
      if (type.label().equals(label)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "'" + label + "' is not a catalog type; allowed: embedded, jdbc, rest, glue, hadoop");
  }
}
