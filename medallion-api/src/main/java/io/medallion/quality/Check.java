package io.medallion.quality;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The condition a {@link Rule} tests, as data, so it can be printed, stored and compared.
 *
 * <pre>{@code
 * Check check = new Check.InRange("age", 0, 120);
 * check.columns(); // [age]
 * }</pre>
 */
public sealed interface Check
    permits Check.NotNull, Check.Matches, Check.InRange, Check.AllowedValues, Check.Custom {

  /**
   * Returns the columns the check reads.
   *
   * @return the column names
   */
  List<String> columns();

  /**
   * Returns a short human-readable statement of the condition.
   *
   * @return e.g. {@code "age between 0 and 120"}
   */
  String describe();

  /**
   * The column must be present and, for text, not blank.
   *
   * @param column the column
   */
  record NotNull(String column) implements Check {
    /**
     * Validates the check.
     *
     * @param column the column
     */
    public NotNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    public String describe() {
      return column + " is present";
    }
  }

  /**
   * The column's text must match a regular expression entirely.
   *
   * @param column the column
   * @param pattern the compiled pattern (compiled once, when the rule is defined)
   */
  record Matches(String column, Pattern pattern) implements Check {
    /**
     * Validates the check.
     *
     * @param column the column
     * @param pattern the pattern
     */
    public Matches {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    public String describe() {
      return column + " matches /" + pattern.pattern() + "/";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Matches that
          && column.equals(that.column)
          && pattern.pattern().equals(that.pattern.pattern());
    }

    @Override
    public int hashCode() {
      return Objects.hash(column, pattern.pattern());
    }
  }

  /**
   * The column's number (or date/timestamp year) must lie within inclusive bounds.
   *
   * @param column the column
   * @param min the lowest allowed value
   * @param max the highest allowed value
   */
  record InRange(String column, double min, double max) implements Check {
    /**
     * Validates the bounds.
     *
     * @param column the column
     * @param min the lowest allowed value
     * @param max the highest allowed value
     */
    public InRange {
      Objects.requireNonNull(column, "column");
      if (!(min <= max)) {
        throw new IllegalArgumentException(
            "Invalid range for '" + column + "': min " + min + " must be <= max " + max);
      }
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    public String describe() {
      return column + " between " + format(min) + " and " + format(max);
    }

    private static String format(double value) {
      return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
  }

  /**
   * The column's text must be one of a set of values.
   *
   * @param column the column
   * @param allowed the allowed values
   */
  record AllowedValues(String column, Set<String> allowed) implements Check {
    /**
     * Validates the check.
     *
     * @param column the column
     * @param allowed the allowed values
     */
    public AllowedValues {
      Objects.requireNonNull(column, "column");
      allowed = Set.copyOf(allowed);
      if (allowed.isEmpty()) {
        throw new IllegalArgumentException("Allowed values for '" + column + "' must not be empty");
      }
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    public String describe() {
      return column + " in " + new java.util.TreeSet<>(allowed);
    }
  }

  /**
   * A named user-supplied predicate over several columns. The name is what is stored and printed.
   *
   * @param name the predicate's name, e.g. {@code "registered_after_birth"}
   * @param inputs the columns it reads
   * @param predicate the condition
   */
  record Custom(String name, List<String> inputs, RowPredicate predicate) implements Check {
    /**
     * Validates the check.
     *
     * @param name the name
     * @param inputs the columns read
     * @param predicate the condition
     */
    public Custom {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(predicate, "predicate");
      inputs = List.copyOf(inputs);
    }

    @Override
    public List<String> columns() {
      return inputs;
    }

    @Override
    public String describe() {
      return name + inputs;
    }
  }
}
