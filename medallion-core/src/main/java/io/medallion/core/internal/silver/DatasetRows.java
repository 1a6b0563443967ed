package io.medallion.core.internal.silver;

import io.medallion.core.internal.quality.ColumnMeasures;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.RowView;
import io.medallion.schema.Column;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The few columns that dataset rules (uniqueness, distinct ratio, freshness) read from a batch's
 * kept rows. A keyed row's values wait with its key until the key settles; every surviving row is
 * then measured as it comes ({@link ColumnMeasures}), so no row stays in memory.
 */
final class DatasetRows implements AutoCloseable {
  private final int[] indexes;
  private final Map<String, Integer> positions = new HashMap<>();
  private final ColumnMeasures measures;

  private DatasetRows(List<String> names, List<Column> columns, ColumnMeasures measures) {
    indexes = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      positions.put(names.get(i), i);
      indexes[i] = indexOf(columns, names.get(i));
    }
    this.measures = measures;
  }

  static DatasetRows of(
      List<DatasetRule> rules, List<Column> columns, int keysInMemory, Path spillRoot) {
    List<String> names =
        ColumnMeasures.columnsRead(rules).stream()
            .filter(name -> indexOf(columns, name) >= 0)
            .toList();
    return new DatasetRows(names, columns, ColumnMeasures.of(rules, keysInMemory, spillRoot));
  }

  /** The values dataset rules read from a row, or null when no rule reads any. */
  Object[] valuesOf(MappedRow row) {
    if (indexes.length == 0) {
      return null;
    }
    Object[] values = new Object[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      values[i] = row.values()[indexes[i]];
    }
    return values;
  }

  void addUnkeyed(MappedRow row) {
    addKeyed(valuesOf(row));
  }

  /** Adds the values of a key's surviving row, as {@link #valuesOf} gave them. */
  void addKeyed(Object[] values) {
    if (values != null) {
      measures.add(view(values));
    }
  }

  /** What dataset rules measured over the latest row of each key and every unkeyed row. */
  ColumnMeasures measures() {
    return measures;
  }

  /** Deletes the measures' spill files. */
  @Override
  public void close() {
    measures.close();
  }

  private RowView view(Object[] values) {
    return column -> {
      Integer position = positions.get(column);
      return position == null ? null : values[position];
    };
  }

  private static int indexOf(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
