package io.medallion.read;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A typed constant in a {@link Filter}. The kind decides which columns it can be compared with:
 * text with string columns, whole numbers with integer, long, decimal and double columns, decimals
 * with decimal and double columns, reals with double columns, flags with boolean columns, days with
 * date columns and instants with timestamp columns.
 *
 * <pre>{@code
 * Literal country = Literal.of("FR");
 * Literal since = Literal.of(Instant.parse("2024-01-01T00:00:00Z"));
 * }</pre>
 */
public sealed interface Literal
    permits Literal.Text,
        Literal.Whole,
        Literal.Decimal,
        Literal.Real,
        Literal.Flag,
        Literal.Day,
        Literal.Moment {

  /**
   * Calls the visitor's method for this kind.
   *
   * @param visitor the visitor
   * @param <R> the result type
   * @return the visitor's result
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * Returns the value as Java holds it.
   *
   * @return a String, Long, BigDecimal, Double, Boolean, LocalDate or Instant
   */
  Object value();

  /**
   * Handles each kind of literal; adding a kind breaks every visitor until it handles it.
   *
   * @param <R> the result type
   */
  interface Visitor<R> {
    /**
     * Handles text.
     *
     * @param text the literal
     * @return the result
     */
    R text(Text text);

    /**
     * Handles a whole number.
     *
     * @param whole the literal
     * @return the result
     */
    R whole(Whole whole);

    /**
     * Handles an exact decimal.
     *
     * @param decimal the literal
     * @return the result
     */
    R decimal(Decimal decimal);

    /**
     * Handles a floating-point number.
     *
     * @param real the literal
     * @return the result
     */
    R real(Real real);

    /**
     * Handles a boolean.
     *
     * @param flag the literal
     * @return the result
     */
    R flag(Flag flag);

    /**
     * Handles a calendar day.
     *
     * @param day the literal
     * @return the result
     */
    R day(Day day);

    /**
     * Handles an instant.
     *
     * @param moment the literal
     * @return the result
     */
    R moment(Moment moment);
  }

  /**
   * Text.
   *
   * @param value the text
   */
  record Text(String value) implements Literal {
    /**
     * Validates the value.
     *
     * @param value the text
     */
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.text(this);
    }

    @Override
    public String toString() {
      return "'" + value.replace("'", "''") + "'";
    }
  }

  /**
   * A whole number.
   *
   * @param value the number
   */
  record Whole(Long value) implements Literal {
    /**
     * Validates the value.
     *
     * @param value the number
     */
    public Whole {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.whole(this);
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /**
   * An exact decimal number.
   *
   * @param value the number
   */
  record Decimal(BigDecimal value) implements Literal {
    /**
     * Validates the value.
     *
     * @param value the number
     */
    public Decimal {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.decimal(this);
    }

    @Override
    public String toString() {
      return value.toPlainString();
    }
  }

  /**
   * A floating-point number.
   *
   * @param value the number, finite
   */
  record Real(Double value) implements Literal {
    /**
     * Validates the value.
     *
     * @param value the number
     * @throws IllegalArgumentException when it is NaN or infinite
     */
    public Real {
      Objects.requireNonNull(value, "value");
      if (value.isNaN() || value.isInfinite()) {
        throw new IllegalArgumentException("A real literal must be finite, got " + value);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.real(this);
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /**
   * A boolean.
   *
   * @param value the flag
   */
  record Flag(Boolean value) implements Literal {
    /**
     * Validates the value.
     *
     * @param value the flag
     */
    public Flag {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.flag(this);
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /**
   * A calendar day.
   *
   * @param value the day
   */
  record Day(LocalDate value) implements Literal {
    /**
     * Validates the value.
     *
     * @param value the day
     */
    public Day {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.day(this);
    }

    @Override
    public String toString() {
      return "date '" + value + "'";
    }
  }

  /**
   * An instant, compared with timestamp columns.
   *
   * @param value the instant
   */
  record Moment(Instant value) implements Literal {
    /**
     * Validates the value.
     *
     * @param value the instant
     */
    public Moment {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.moment(this);
    }

    @Override
    public String toString() {
      return "timestamp '" + value + "'";
    }
  }

  /**
   * Creates a literal from a Java value.
   *
   * <pre>{@code
   * Literal.of(42);          // Whole
   * Literal.of("FR");        // Text
   * Literal.of(LocalDate.of(2024, 1, 31)); // Day
   * }</pre>
   *
   * @param value a String, Integer, Long, BigDecimal, Double, Float, Boolean, LocalDate, Instant or
   *     OffsetDateTime
   * @return the literal of the matching kind
   * @throws IllegalArgumentException naming the value's class and the classes allowed
   */
  static Literal of(Object value) {
    Objects.requireNonNull(value, "value: compare with null through Filter.isNull");
    if (value instanceof Literal literal) {
      return literal;
    } else if (value instanceof String text) {
      return new Text(text);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return new Whole(((Number) value).longValue());
    } else if (value instanceof BigDecimal decimal) {
      return new Decimal(decimal);
    } else if (value instanceof Double || value instanceof Float) {
      return new Real(((Number) value).doubleValue());
    } else if (value instanceof Boolean flag) {
      return new Flag(flag);
    } else if (value instanceof LocalDate day) {
      return new Day(day);
    } else if (value instanceof Instant instant) {
      return new Moment(instant);
    } else if (value instanceof OffsetDateTime time) {
      return new Moment(time.toInstant());
    }
    throw new IllegalArgumentException(
        "Cannot use a "
            + value.getClass().getName()
            + " as a filter literal: give a String, Integer, Long, BigDecimal, Double, Boolean,"
            + " LocalDate, Instant or OffsetDateTime");
  }
}
