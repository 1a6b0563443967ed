package io.medallion.table;

import io.medallion.Problems;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks shared by the table builders. */
final class Definitions {
  private Definitions() {}

  static void checkPartitioning(
      Problems problems, List<Column> columns, List<PartitionField> partitioning) {
    for (PartitionField field : partitioning) {
      Column column = find(columns, field.column());
      if (column == null) {
        problems.add(
            "partition "
                + field
                + " names unknown column '"
                + field.column()
                + "'; known columns: "
                + names(columns));
      } else if (isTimeTransform(field.transform()) && !isTemporal(column.type())) {
        problems.add(
            "partition "
                + field
                + " needs a date or timestamp column, but '"
                + field.column()
                + "' is "
                + column.type().displayName());
      }
    }
  }

  static void checkUniqueNames(Problems problems, List<Column> columns) {
    Set<String> seen = new HashSet<>();
    for (Column column : columns) {
      if (!seen.add(column.name())) {
        problems.add("column '" + column.name() + "' is defined more than once");
      }
    }
  }

  static Column find(List<Column> columns, String name) {
    for (Column column : columns) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    return null;
  }

  /** The problem of a column name that the source table lacks, listing the columns it has. */
  static String unknown(String what, String name, TableDefinition source) {
    return what
        + " '"
        + name
        + "' is not a column of "
        + source.id()
        + "; known columns: "
        + names(source.columns());
  }

  static String names(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.joining(", ", "[", "]"));
  }

  static boolean isTemporal(ColumnType type) {
    return type == ColumnType.DATE || type == ColumnType.TIMESTAMP_TZ;
  }

  static boolean isNumeric(ColumnType type) {
    return type == ColumnType.INT
        || type == ColumnType.LONG
        || type == ColumnType.DOUBLE
        || type instanceof ColumnType.Decimal;
  }

  private static boolean isTimeTransform(PartitionField.Transform transform) {
    return transform == PartitionField.Transform.DAY
        || transform == PartitionField.Transform.MONTH
        || transform == PartitionField.Transform.YEAR;
  }
}
