package io.medallion.core.internal.bronze;

import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Puts the values a source gives for its {@link io.medallion.table.BronzeTable#sourceColumns()
 * source columns} into bronze and dead-letter rows, checked against each column's type. Structs are
 * given as maps from field name to value, lists as lists. The conversions are chosen once per
 * column, not per value.
 */
final class SourceValues {
  private final List<Column> columns;
  private final int[] positions;
  private final List<Function<Object, Object>> converters = new ArrayList<>();

  /**
   * Prepares the conversions for one table.
   *
   * @param columns the source columns
   * @param schema the table's schema, holding them
   */
  SourceValues(List<Column> columns, Schema schema) {
    this.columns = columns;
    this.positions = new int[columns.size()];
    List<Types.NestedField> fields = schema.columns();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).name();
      int position = -1;
      for (int f = 0; f < fields.size(); f++) {
        if (fields.get(f).name().equals(name)) {
          position = f;
        }
      }
      positions[i] = position;
      converters.add(converter(name, columns.get(i).type(), schema.findType(name)));
    }
  }

  /**
   * Converts the values a source gives into what the table's writer takes.
   *
   * @param values one value per source column, in their order; null for none
   * @return the converted values, in the same order
   * @throws IllegalArgumentException naming the column when a value is of the wrong kind or the
   *     count differs
   */
  Object[] convert(Object[] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "expected "
              + columns.size()
              + " source values ("
              + columns.stream().map(Column::name).toList()
              + "), got "
              + values.length);
    }
    Object[] converted = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      converted[i] = value == null ? null : converters.get(i).apply(value);
    }
    return converted;
  }

  /**
   * Sets converted values in a row.
   *
   * @param row the row
   * @param converted what {@link #convert} returned
   */
  void set(Record row, Object[] converted) {
    for (int i = 0; i < converted.length; i++) {
      row.set(positions[i], converted[i]);
    }
  }

  private static Function<Object, Object> converter(String name, ColumnType type, Type iceberg) {
    if (type instanceof ColumnType.ListOf list) {
      Function<Object, Object> element =
          converter(name + "[]", list.element(), iceberg.asListType().elementType());
      return value -> {
        List<?> given = cast(name, value, List.class, type);
        List<Object> converted = new ArrayList<>(given.size());
        for (Object item : given) {
          converted.add(item == null ? null : element.apply(item));
        }
        return converted;
      };
    }
    if (type instanceof ColumnType.StructOf struct) {
      Types.StructType structType = iceberg.asStructType();
      List<Function<Object, Object>> fields = new ArrayList<>();
      for (Column field : struct.fields()) {
        fields.add(
            converter(name + "." + field.name(), field.type(), structType.fieldType(field.name())));
      }
      return value -> {
        Map<?, ?> given = cast(name, value, Map.class, type);
        Record record = GenericRecord.create(structType);
        for (int f = 0; f < fields.size(); f++) {
          Object fieldValue = given.get(struct.fields().get(f).name());
          record.set(f, fieldValue == null ? null : fields.get(f).apply(fieldValue));
        }
        return record;
      };
    }
    if (type instanceof ColumnType.Decimal) {
      return value -> cast(name, value, BigDecimal.class, type);
    }
    return switch ((ColumnType.Primitive) type) {
      case STRING -> value -> cast(name, value, CharSequence.class, type);
      case BOOLEAN -> value -> cast(name, value, Boolean.class, type);
      case INT -> value -> cast(name, value, Integer.class, type);
      case LONG ->
          value ->
              value instanceof Integer small
                  ? Long.valueOf(small)
                  : cast(name, value, Long.class, type);
      case DOUBLE -> value -> cast(name, value, Double.class, type);
      case DATE -> value -> cast(name, value, LocalDate.class, type);
      case TIMESTAMP_TZ -> value -> cast(name, value, OffsetDateTime.class, type);
    };
  }

  private static <T> T cast(String name, Object value, Class<T> expected, ColumnType type) {
    if (!expected.isInstance(value)) {
      throw new IllegalArgumentException(
          "source column "
              + name
              + " is "
              + type.displayName()
              + " and takes a "
              + expected.getSimpleName()
              + ", got a "
              + value.getClass().getSimpleName());
    }
    return expected.cast(value);
  }
}
