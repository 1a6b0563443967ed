package io.medallion.core.internal.silver;

import io.medallion.quality.DatasetRule;
import io.medallion.quality.DatasetRule.Condition;
import io.medallion.quality.RowView;
import io.medallion.schema.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The few columns that dataset rules (uniqueness, distinct ratio, freshness) read from a batch's
 * kept rows, held per row only when such rules exist, since the rows themselves are already
 * written.
 */
final class DatasetRows {
  private final int[] indexes;
  private final Map<String, Integer> positions = new HashMap<>();
  private final List<Object[]> kept = new ArrayList<>();

  private DatasetRows(List<String> names, List<Column> columns) {
    indexes = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      positions.put(names.get(i), i);
      indexes[i] = indexOf(columns, names.get(i));
    }
  }

  static DatasetRows of(List<DatasetRule> rules, List<Column> columns) {
    Set<String> names = new LinkedHashSet<>();
    for (DatasetRule rule : rules) {
      Condition check = rule.check();
      if (check instanceof Condition.Unique unique) {
        names.addAll(unique.keyColumns());
      } else if (check instanceof Condition.DistinctRatio ratio) {
        names.add(ratio.column());
      } else if (check instanceof Condition.Freshness fresh) {
        names.add(fresh.column());
      }
    }
    names.removeIf(name -> indexOf(columns, name) < 0);
    return new DatasetRows(List.copyOf(names), columns);
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
      kept.add(values);
    }
  }

  /** The kept rows as dataset rules see them: the latest of each key, and every unkeyed row. */
  List<RowView> rows() {
    List<RowView> rows = new ArrayList<>(kept.size());
    kept.forEach(values -> rows.add(view(values)));
    return rows;
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
