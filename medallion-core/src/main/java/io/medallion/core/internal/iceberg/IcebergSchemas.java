package io.medallion.core.internal.iceberg;

import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Translates medallion's schema types into Iceberg schemas and partition specs. */
public final class IcebergSchemas {
  private IcebergSchemas() {}

  /**
   * Builds an Iceberg schema; every column is optional so that bad input can be recorded as null.
   *
   * @param columns the columns
   * @return the schema
   */
  public static Schema schema(List<Column> columns) {
    AtomicInteger ids = new AtomicInteger(0);
    List<Types.NestedField> fields = new ArrayList<>();
    for (Column column : columns) {
      fields.add(field(column, ids));
    }
    return new Schema(fields);
  }

  /**
   * Builds a partition spec for a schema.
   *
   * @param schema the table schema
   * @param partitioning the partition fields
   * @return the spec
   */
  public static PartitionSpec spec(Schema schema, List<PartitionField> partitioning) {
    PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
    for (PartitionField field : partitioning) {
      switch (field.transform()) {
        case IDENTITY -> spec.identity(field.column());
        case DAY -> spec.day(field.column());
        case MONTH -> spec.month(field.column());
        case YEAR -> spec.year(field.column());
        case BUCKET -> spec.bucket(field.column(), field.parameter());
        case TRUNCATE -> spec.truncate(field.column(), field.parameter());
      }
    }
    return spec.build();
  }

  private static Types.NestedField field(Column column, AtomicInteger ids) {
    int id = ids.incrementAndGet();
    return Types.NestedField.optional(
        id, column.name(), type(column.type(), ids), docOrNull(column));
  }

  private static String docOrNull(Column column) {
    return column.doc().isEmpty() ? null : column.doc();
  }

  private static Type type(ColumnType type, AtomicInteger ids) {
    if (type instanceof ColumnType.Primitive primitive) {
      return switch (primitive) {
        case STRING -> Types.StringType.get();
        case BOOLEAN -> Types.BooleanType.get();
        case INT -> Types.IntegerType.get();
        case LONG -> Types.LongType.get();
        case DOUBLE -> Types.DoubleType.get();
        case DATE -> Types.DateType.get();
        case TIMESTAMP_TZ -> Types.TimestampType.withZone();
      };
    } else if (type instanceof ColumnType.Decimal decimal) {
      return Types.DecimalType.of(decimal.precision(), decimal.scale());
    } else if (type instanceof ColumnType.ListOf list) {
      int elementId = ids.incrementAndGet();
      return Types.ListType.ofOptional(elementId, type(list.element(), ids));
    }
    ColumnType.StructOf struct = (ColumnType.StructOf) type;
    List<Types.NestedField> fields = new ArrayList<>();
    for (Column column : struct.fields()) {
      fields.add(field(column, ids));
    }
    return Types.StructType.of(fields);
  }
}
