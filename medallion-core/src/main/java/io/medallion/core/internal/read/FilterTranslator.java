package io.medallion.core.internal.read;

import io.medallion.Problems;
import io.medallion.read.Filter;
import io.medallion.read.Literal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.DateTimeUtil;

/**
 * Turns a {@link Filter} into an Iceberg expression on one schema, so that Iceberg prunes
 * partitions and data files by their statistics and evaluates the rest on rows. Every column and
 * literal is checked first: each problem is recorded with the column, its type and the literal, and
 * a filter with problems translates to nothing.
 */
final class FilterTranslator implements Filter.Visitor<Expression> {
  private final Schema schema;
  private final Problems problems;

  private FilterTranslator(Schema schema, Problems problems) {
    this.schema = schema;
    this.problems = problems;
  }

  /**
   * Translates a filter.
   *
   * @param filter the filter
   * @param schema the schema of the snapshot read
   * @param problems where unknown columns and mismatched literals are recorded
   * @return the expression; meaningless when problems were recorded
   */
  static Expression translate(Filter filter, Schema schema, Problems problems) {
    return filter.accept(new FilterTranslator(schema, problems));
  }

  @Override
  public Expression compare(Filter.Compare compare) {
    Object value = icebergValue(compare.column(), compare.value());
    if (value == null) {
      return Expressions.alwaysFalse();
    }
    String column = compare.column();
    switch (compare.operator()) {
      case EQ:
        return Expressions.equal(column, value);
      case NE:
        return Expressions.notEqual(column, value);
      case LT:
        return Expressions.lessThan(column, value);
      case LE:
        return Expressions.lessThanOrEqual(column, value);
      case GT:
        return Expressions.greaterThan(column, value);
      case GE:
        return Expressions.greaterThanOrEqual(column, value);
      default:
        throw new IllegalStateException("Unknown operator " + compare.operator());
    }
  }

  @Override
  public Expression in(Filter.In in) {
    List<Object> values = new ArrayList<>();
    for (Literal literal : in.values()) {
      values.add(icebergValue(in.column(), literal));
    }
    if (values.contains(null)) {
      return Expressions.alwaysFalse();
    }
    return Expressions.in(in.column(), values.toArray());
  }

  @Override
  public Expression isNull(Filter.IsNull isNull) {
    column(isNull.column());
    return Expressions.isNull(isNull.column());
  }

  @Override
  public Expression and(Filter.And and) {
    Expression result = Expressions.alwaysTrue();
    for (Filter part : and.parts()) {
      result = Expressions.and(result, part.accept(this));
    }
    return result;
  }

  @Override
  public Expression or(Filter.Or or) {
    Expression result = Expressions.alwaysFalse();
    for (Filter part : or.parts()) {
      result = Expressions.or(result, part.accept(this));
    }
    return result;
  }

  @Override
  public Expression not(Filter.Not not) {
    return Expressions.not(not.negated().accept(this));
  }

  /** The column's field, or null with a problem naming the columns there are. */
  private Types.NestedField column(String name) {
    Types.NestedField field = schema.asStruct().field(name);
    if (field == null) {
      problems.add(
          "filter column '"
              + name
              + "' is not in the table; its columns are "
              + String.join(", ", ReadPlan.columnNames(schema)));
      return null;
    }
    return field;
  }

  /**
   * The literal as the Java value Iceberg binds to the column's type, or null (with a problem) when
   * the column is unknown or the literal's kind cannot be compared with it.
   */
  private Object icebergValue(String name, Literal literal) {
    Types.NestedField field = column(name);
    if (field == null) {
      return null;
    }
    Type type = field.type();
    Object value = literal.accept(new ValueFor(type));
    if (value == null) {
      problems.add(
          "filter column '"
              + name
              + "' is "
              + type
              + " and cannot be compared with "
              + literal
              + " ("
              + kind(literal)
              + "); "
              + allowed(type));
    }
    return value;
  }

  private static String kind(Literal literal) {
    return literal.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static String allowed(Type type) {
    switch (type.typeId()) {
      case STRING:
        return "give text";
      case INTEGER:
        return "give a whole number within the int range";
      case LONG:
        return "give a whole number";
      case DOUBLE:
      case FLOAT:
        return "give a number";
      case DECIMAL:
        return "give a whole number or a decimal with at most "
            + ((Types.DecimalType) type).scale()
            + " decimals";
      case BOOLEAN:
        return "give true or false";
      case DATE:
        return "give a date";
      case TIMESTAMP:
        return "give a timestamp";
      default:
        return "a " + type + " column cannot be filtered on";
    }
  }

  /** A literal as the Java value Iceberg converts to a column's type, or null when it cannot. */
  private static final class ValueFor implements Literal.Visitor<Object> {
    private final Type type;

    ValueFor(Type type) {
      this.type = type;
    }

    @Override
    public Object text(Literal.Text text) {
      return type.typeId() == Type.TypeID.STRING ? text.value() : null;
    }

    @Override
    public Object whole(Literal.Whole whole) {
      long value = whole.value();
      switch (type.typeId()) {
        case INTEGER:
          return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (int) value : null;
        case LONG:
          return value;
        case DOUBLE:
          return (double) value;
        case FLOAT:
          return (float) value;
        case DECIMAL:
          return scaled(BigDecimal.valueOf(value));
        default:
          return null;
      }
    }

    @Override
    public Object decimal(Literal.Decimal decimal) {
      switch (type.typeId()) {
        case DECIMAL:
          return scaled(decimal.value());
        case DOUBLE:
          return decimal.value().doubleValue();
        case FLOAT:
          return decimal.value().floatValue();
        default:
          return null;
      }
    }

    @Override
    public Object real(Literal.Real real) {
      switch (type.typeId()) {
        case DOUBLE:
          return real.value();
        case FLOAT:
          return real.value().floatValue();
        default:
          return null;
      }
    }

    @Override
    public Object flag(Literal.Flag flag) {
      return type.typeId() == Type.TypeID.BOOLEAN ? flag.value() : null;
    }

    @Override
    public Object day(Literal.Day day) {
      return type.typeId() == Type.TypeID.DATE ? DateTimeUtil.daysFromDate(day.value()) : null;
    }

    @Override
    public Object moment(Literal.Moment moment) {
      return type.typeId() == Type.TypeID.TIMESTAMP
          ? DateTimeUtil.microsFromInstant(moment.value())
          : null;
    }

    /** Iceberg binds a decimal only at the column's scale; more decimals than that do not fit. */
    private Object scaled(BigDecimal value) {
      int scale = ((Types.DecimalType) type).scale();
      try {
        return value.setScale(scale, RoundingMode.UNNECESSARY);
      } catch (ArithmeticException tooPrecise) {
        return null;
      }
    }
  }
}
