package io.medallion.table;

import io.medallion.schema.Column;
import java.util.List;
import java.util.Objects;

/**
 * How one silver column is read from a bronze JSON record: the first path that holds a value, then
 * converted to the column's type, then standardized in order.
 *
 * <pre>{@code
 * ColumnMapping born = new ColumnMapping(
 *     Column.of("born_at", ColumnType.TIMESTAMP_TZ),
 *     List.of(JsonPath.parse("dob.date"), JsonPath.parse("dob")),
 *     List.of());
 * }</pre>
 *
 * @param column the target column
 * @param paths candidate paths, tried in order; the first that holds a non-null scalar wins
 * @param standardizers applied in order after type conversion
 * @param epochUnit the unit a number is read in when the column is a timestamp or date, or null
 *     when a number there is a type problem
 */
public record ColumnMapping(
    Column column, List<JsonPath> paths, List<Standardizer> standardizers, EpochUnit epochUnit) {

  /**
   * Validates the mapping.
   *
   * @param column the target column
   * @param paths candidate paths
   * @param standardizers standardizers
   * @param epochUnit the unit of numbers read as timestamps, or null
   */
  public ColumnMapping {
    Objects.requireNonNull(column, "column");
    paths = List.copyOf(paths);
    standardizers = List.copyOf(standardizers);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("Mapping of '" + column.name() + "' names no JSON path");
    }
  }

  /**
   * Creates a mapping that reads no number as a timestamp.
   *
   * @param column the target column
   * @param paths candidate paths
   * @param standardizers standardizers
   */
  public ColumnMapping(Column column, List<JsonPath> paths, List<Standardizer> standardizers) {
    this(column, paths, standardizers, null);
  }

  /**
   * Returns this mapping reading numbers as timestamps of the given unit.
   *
   * @param unit the unit
   * @return the mapping
   */
  public ColumnMapping withEpochUnit(EpochUnit unit) {
    return new ColumnMapping(column, paths, standardizers, unit);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(column.name()).append(" <- ");
    for (int i = 0; i < paths.size(); i++) {
      text.append(i == 0 ? "" : " | ").append(paths.get(i));
    }
    text.append(" as ").append(column.type().displayName());
    if (epochUnit != null) {
      text.append(" (numbers as epoch ").append(epochUnit.label()).append(')');
    }
    for (Standardizer standardizer : standardizers) {
      text.append(", ").append(standardizer.displayName());
    }
    return text.toString();
  }
}
