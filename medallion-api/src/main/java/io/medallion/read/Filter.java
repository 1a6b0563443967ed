package io.medallion.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A row condition of a read: comparisons, {@code in}, {@code is null}, and their combinations with
 * {@code and}, {@code or} and {@code not}, on typed {@link Literal}s. Immutable; the read API
 * checks it against the table's schema and turns it into Iceberg expressions, so partitions and
 * file statistics skip files that cannot match.
 *
 * <pre>{@code
 * Filter adults = Filter.and(Filter.ge("age", 18), Filter.in("country", "FR", "DE"));
 * adults.toString(); // (age >= 18 and country in ('FR', 'DE'))
 * }</pre>
 */
public sealed interface Filter
    permits Filter.Compare, Filter.In, Filter.IsNull, Filter.And, Filter.Or, Filter.Not {

  /**
   * Calls the visitor's method for this kind.
   *
   * @param visitor the visitor
   * @param <R> the result type
   * @return the visitor's result
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * Handles each kind of filter; adding a kind breaks every visitor until it handles it.
   *
   * @param <R> the result type
   */
  interface Visitor<R> {
    /**
     * Handles a comparison.
     *
     * @param compare the filter
     * @return the result
     */
    R compare(Compare compare);

    /**
     * Handles a set membership.
     *
     * @param in the filter
     * @return the result
     */
    R in(In in);

    /**
     * Handles a null test.
     *
     * @param isNull the filter
     * @return the result
     */
    R isNull(IsNull isNull);

    /**
     * Handles a conjunction.
     *
     * @param and the filter
     * @return the result
     */
    R and(And and);

    /**
     * Handles a disjunction.
     *
     * @param or the filter
     * @return the result
     */
    R or(Or or);

    /**
     * Handles a negation.
     *
     * @param not the filter
     * @return the result
     */
    R not(Not not);
  }

  /** The comparison operators. */
  enum Operator {
    /** Equal. */
    EQ("="),
    /** Not equal. */
    NE("!="),
    /** Less than. */
    LT("<"),
    /** Less than or equal. */
    LE("<="),
    /** Greater than. */
    GT(">"),
    /** Greater than or equal. */
    GE(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /**
     * Returns the operator as written in a filter's text.
     *
     * @return e.g. {@code ">="}
     */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * A column compared with a literal.
   *
   * @param column the column's name
   * @param operator the comparison
   * @param value the literal
   */
  record Compare(String column, Operator operator, Literal value) implements Filter {
    /**
     * Validates the parts.
     *
     * @param column the column
     * @param operator the comparison
     * @param value the literal
     */
    public Compare {
      requireColumn(column);
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.compare(this);
    }

    @Override
    public String toString() {
      return column + " " + operator.symbol() + " " + value;
    }
  }

  /**
   * A column whose value is one of a list.
   *
   * @param column the column's name
   * @param values the literals, at least one
   */
  record In(String column, List<Literal> values) implements Filter {
    /**
     * Validates the parts.
     *
     * @param column the column
     * @param values the literals
     * @throws IllegalArgumentException when there are none
     */
    public In {
      requireColumn(column);
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("'" + column + " in (...)' needs at least one value");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.in(this);
    }

    @Override
    public String toString() {
      return column
          + " in ("
          + values.stream().map(Literal::toString).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /**
   * A column without a value.
   *
   * @param column the column's name
   */
  record IsNull(String column) implements Filter {
    /**
     * Validates the column.
     *
     * @param column the column
     */
    public IsNull {
      requireColumn(column);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.isNull(this);
    }

    @Override
    public String toString() {
      return column + " is null";
    }
  }

  /**
   * Every part holds.
   *
   * @param parts the conditions, at least two
   */
  record And(List<Filter> parts) implements Filter {
    /**
     * Validates the parts.
     *
     * @param parts the conditions
     * @throws IllegalArgumentException when there are fewer than two
     */
    public And {
      parts = requireParts("and", parts);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.and(this);
    }

    @Override
    public String toString() {
      return parts.stream().map(Filter::toString).collect(Collectors.joining(" and ", "(", ")"));
    }
  }

  /**
   * At least one part holds.
   *
   * @param parts the conditions, at least two
   */
  record Or(List<Filter> parts) implements Filter {
    /**
     * Validates the parts.
     *
     * @param parts the conditions
     * @throws IllegalArgumentException when there are fewer than two
     */
    public Or {
      parts = requireParts("or", parts);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.or(this);
    }

    @Override
    public String toString() {
      return parts.stream().map(Filter::toString).collect(Collectors.joining(" or ", "(", ")"));
    }
  }

  /**
   * The condition does not hold.
   *
   * @param negated the condition
   */
  record Not(Filter negated) implements Filter {
    /**
     * Validates the part.
     *
     * @param negated the condition
     */
    public Not {
      Objects.requireNonNull(negated, "negated");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.not(this);
    }

    @Override
    public String toString() {
      return "not (" + negated + ")";
    }
  }

  /**
   * Compares a column with a value.
   *
   * @param column the column
   * @param operator the comparison
   * @param value a literal or a Java value {@link Literal#of} accepts
   * @return the filter
   */
  static Filter compare(String column, Operator operator, Object value) {
    return new Compare(column, operator, Literal.of(value));
  }

  /**
   * {@code column = value}.
   *
   * @param column the column
   * @param value a literal or a Java value {@link Literal#of} accepts
   * @return the filter
   */
  static Filter eq(String column, Object value) {
    return compare(column, Operator.EQ, value);
  }

  /**
   * {@code column != value}.
   *
   * @param column the column
   * @param value a literal or a Java value {@link Literal#of} accepts
   * @return the filter
   */
  static Filter ne(String column, Object value) {
    return compare(column, Operator.NE, value);
  }

  /**
   * {@code column < value}.
   *
   * @param column the column
   * @param value a literal or a Java value {@link Literal#of} accepts
   * @return the filter
   */
  static Filter lt(String column, Object value) {
    return compare(column, Operator.LT, value);
  }

  /**
   * {@code column <= value}.
   *
   * @param column the column
   * @param value a literal or a Java value {@link Literal#of} accepts
   * @return the filter
   */
  static Filter le(String column, Object value) {
    return compare(column, Operator.LE, value);
  }

  /**
   * {@code column > value}.
   *
   * @param column the column
   * @param value a literal or a Java value {@link Literal#of} accepts
   * @return the filter
   */
  static Filter gt(String column, Object value) {
    return compare(column, Operator.GT, value);
  }

  /**
   * {@code column >= value}.
   *
   * @param column the column
   * @param value a literal or a Java value {@link Literal#of} accepts
   * @return the filter
   */
  static Filter ge(String column, Object value) {
    return compare(column, Operator.GE, value);
  }

  /**
   * {@code column in (values)}.
   *
   * @param column the column
   * @param values literals or Java values {@link Literal#of} accepts, at least one
   * @return the filter
   */
  static Filter in(String column, Object... values) {
    List<Literal> literals = new ArrayList<>();
    for (Object value : values) {
      literals.add(Literal.of(value));
    }
    return new In(column, literals);
  }

  /**
   * {@code column is null}.
   *
   * @param column the column
   * @return the filter
   */
  static Filter isNull(String column) {
    return new IsNull(column);
  }

  /**
   * Every condition holds.
   *
   * @param parts at least two conditions
   * @return the filter
   */
  static Filter and(Filter... parts) {
    return new And(List.of(parts));
  }

  /**
   * At least one condition holds.
   *
   * @param parts at least two conditions
   * @return the filter
   */
  static Filter or(Filter... parts) {
    return new Or(List.of(parts));
  }

  /**
   * Negates this condition.
   *
   * @return {@code not (this)}
   */
  default Filter not() {
    return new Not(this);
  }

  /**
   * Returns the columns this filter reads, in the order they first appear.
   *
   * @return the column names
   */
  default Set<String> columns() {
    Set<String> names = new LinkedHashSet<>();
    accept(
        new Visitor<Void>() {
          @Override
          public Void compare(Compare compare) {
            names.add(compare.column());
            return null;
          }

          @Override
          public Void in(In in) {
            names.add(in.column());
            return null;
          }

          @Override
          public Void isNull(IsNull isNull) {
            names.add(isNull.column());
            return null;
          }

          @Override
          public Void and(And and) {
            and.parts().forEach(part -> part.accept(this));
            return null;
          }

          @Override
          public Void or(Or or) {
            or.parts().forEach(part -> part.accept(this));
            return null;
          }

          @Override
          public Void not(Not not) {
            return not.negated().accept(this);
          }
        });
    return names;
  }

  private static void requireColumn(String column) {
    Objects.requireNonNull(column, "column");
    if (column.isBlank()) {
      throw new IllegalArgumentException("A filter's column name must not be blank");
    }
  }

  private static List<Filter> requireParts(String operator, List<Filter> parts) {
    List<Filter> copy = List.copyOf(parts);
    if (copy.size() < 2) {
      throw new IllegalArgumentException(
          "'" + operator + "' needs at least two conditions, got " + copy.size());
    }
    return copy;
  }
}
