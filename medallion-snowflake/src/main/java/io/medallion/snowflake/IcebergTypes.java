package io.medallion.snowflake;

import java.util.Optional;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The Snowflake type each Iceberg type is read as (docs/snowflake.md lists the same table). Types
 * without one (nanosecond timestamps, variant, geometry, geography, unknown) keep a table from
 * being exposed.
 */
final class IcebergTypes {
  private IcebergTypes() {}

  /** The Snowflake type, or empty when Snowflake has none for it. */
  static Optional<String> snowflakeType(Type type) {
    switch (type.typeId()) {
      case BOOLEAN:
        return Optional.of("BOOLEAN");
      case INTEGER:
        return Optional.of("NUMBER(10,0)");
      case LONG:
        return Optional.of("NUMBER(19,0)");
      case FLOAT:
      case DOUBLE:
        return Optional.of("FLOAT");
      case DECIMAL:
        Types.DecimalType decimal = (Types.DecimalType) type;
        return Optional.of("NUMBER(" + decimal.precision() + "," + decimal.scale() + ")");
      case DATE:
        return Optional.of("DATE");
      case TIME:
        return Optional.of("TIME(6)");
      case TIMESTAMP:
        return Optional.of(
            ((Types.TimestampType) type).shouldAdjustToUTC()
                ? "TIMESTAMP_LTZ(6)"
                : "TIMESTAMP_NTZ(6)");
      case STRING:
        return Optional.of("VARCHAR");
      case UUID:
        return Optional.of("BINARY(16)");
      case FIXED:
        return Optional.of("BINARY(" + ((Types.FixedType) type).length() + ")");
      case BINARY:
        return Optional.of("BINARY");
      case LIST:
        return nested(type, "ARRAY");
      case MAP:
        return nested(type, "MAP");
      case STRUCT:
        return nested(type, "OBJECT");
      default:
        return Optional.empty();
    }
  }

  /** A nested type maps when every type inside it maps. */
  private static Optional<String> nested(Type type, String name) {
    for (Types.NestedField field : type.asNestedType().fields()) {
      if (snowflakeType(field.type()).isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(name);
  }
}
