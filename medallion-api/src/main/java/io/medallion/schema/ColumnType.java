package io.medallion.schema;

import java.util.List;
import java.util.Objects;

/**
 * The type of a column. Primitive types are constants; decimals, lists and structs are values.
 *
 * <pre>{@code
 * ColumnType score = ColumnType.DOUBLE;
 * ColumnType price = ColumnType.decimal(12, 2);
 * ColumnType tags = ColumnType.list(ColumnType.STRING);
 * }</pre>
 */
public sealed interface ColumnType
    permits ColumnType.Primitive, ColumnType.Decimal, ColumnType.ListOf, ColumnType.StructOf {

  /** Text. */
  ColumnType STRING = Primitive.STRING;

  /** True or false. */
  ColumnType BOOLEAN = Primitive.BOOLEAN;

  /** A 32-bit signed integer. */
  ColumnType INT = Primitive.INT;

  /** A 64-bit signed integer. */
  ColumnType LONG = Primitive.LONG;

  /** A 64-bit floating point number. */
  ColumnType DOUBLE = Primitive.DOUBLE;

  /** A calendar date without time or zone. */
  ColumnType DATE = Primitive.DATE;

  /** An instant, stored in UTC (Iceberg {@code timestamptz}). */
  ColumnType TIMESTAMP_TZ = Primitive.TIMESTAMP_TZ;

  /**
   * Returns a fixed-point decimal type.
   *
   * @param precision total digits, 1 to 38
   * @param scale digits after the point, 0 to precision
   * @return the type
   */
  static ColumnType decimal(int precision, int scale) {
    return new Decimal(precision, scale);
  }

  /**
   * Returns a list type.
   *
   * @param element the element type
   * @return the type
   */
  static ColumnType list(ColumnType element) {
    return new ListOf(element);
  }

  /**
   * Returns a struct type.
   *
   * @param fields the fields, in order
   * @return the type
   */
  static ColumnType struct(List<Column> fields) {
    return new StructOf(fields);
  }

  /**
   * Returns the name shown in messages and descriptions.
   *
   * @return e.g. {@code "string"}, {@code "decimal(12,2)"}, {@code "list<string>"}
   */
  String displayName();

  /** The primitive types. */
  enum Primitive implements ColumnType {
    /** Text. */
    STRING,
    /** True or false. */
    BOOLEAN,
    /** A 32-bit signed integer. */
    INT,
    /** A 64-bit signed integer. */
    LONG,
    /** A 64-bit floating point number. */
    DOUBLE,
    /** A calendar date. */
    DATE,
    /** An instant in UTC. */
    TIMESTAMP_TZ;

    @Override
    public String displayName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A fixed-point decimal.
   *
   * @param precision total digits, 1 to 38
   * @param scale digits after the point
   */
  record Decimal(int precision, int scale) implements ColumnType {
    /**
     * Validates precision and scale.
     *
     * @param precision total digits
     * @param scale digits after the point
     */
    public Decimal {
      if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
        throw new IllegalArgumentException(
            "Invalid decimal("
                + precision
                + ","
                + scale
                + "): precision must be 1 to 38 and scale 0 to precision");
      }
    }

    @Override
    public String displayName() {
      return "decimal(" + precision + "," + scale + ")";
    }
  }

  /**
   * A list of elements of one type.
   *
   * @param element the element type
   */
  record ListOf(ColumnType element) implements ColumnType {
    /**
     * Checks the element type is present.
     *
     * @param element the element type
     */
    public ListOf {
      Objects.requireNonNull(element, "element");
    }

    @Override
    public String displayName() {
      return "list<" + element.displayName() + ">";
    }
  }

  /**
   * A struct of named fields.
   *
   * @param fields the fields, in order
   */
  record StructOf(List<Column> fields) implements ColumnType {
    /**
     * Copies the fields.
     *
     * @param fields the fields
     */
    public StructOf {
      fields = List.copyOf(fields);
    }

    @Override
    public String displayName() {
      StringBuilder text = new StringBuilder("struct<");
      for (int i = 0; i < fields.size(); i++) {
        Column field = fields.get(i);
        text.append(i == 0 ? "" : ",")
            .append(field.name())
            .append(':')
            .append(field.type().displayName());
      }
      return text.append('>').toString();
    }
  }
}
