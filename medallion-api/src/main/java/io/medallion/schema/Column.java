package io.medallion.schema;

import java.util.Objects;

/**
 * A named, typed column with an optional description.
 *
 * <pre>{@code
 * Column email = Column.of("email", ColumnType.STRING).withDoc("Lower-cased email address");
 * }</pre>
 *
 * @param name the column name
 * @param type the column type
 * @param doc a description for catalogs and BI tools, or empty
 */
public record Column(String name, ColumnType type, String doc) {

  /**
   * Validates the column.
   *
   * @param name the column name
   * @param type the column type
   * @param doc the description
   */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    doc = doc == null ? "" : doc;
    if (name.isBlank()) {
      throw new IllegalArgumentException("Column name must not be blank");
    }
  }

  /**
   * Creates a column without a description.
   *
   * @param name the column name
   * @param type the column type
   * @return the column
   */
  public static Column of(String name, ColumnType type) {
    return new Column(name, type, "");
  }

  /**
   * Returns this column with a description.
   *
   * @param description the description
   * @return a new column
   */
  public Column withDoc(String description) {
    return new Column(name, type, description);
  }
}
