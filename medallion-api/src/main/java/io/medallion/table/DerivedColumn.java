package io.medallion.table;

import io.medallion.schema.Column;
import java.util.Objects;

/**
 * A silver column computed from earlier columns.
 *
 * <pre>{@code
 * DerivedColumn generation = new DerivedColumn(
 *     Column.of("generation", ColumnType.STRING), Derivation.generation("born_at"));
 * }</pre>
 *
 * @param column the column
 * @param derivation how it is computed
 */
public record DerivedColumn(Column column, Derivation derivation) {
  /**
   * Validates the column.
   *
   * @param column the column
   * @param derivation the derivation
   */
  public DerivedColumn {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(derivation, "derivation");
  }

  @Override
  public String toString() {
    return column.name() + " = " + derivation.describe() + " as " + column.type().displayName();
  }
}
