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
    permits Check.NotNull,
        Check.Matches,
        Check.InRange,
        Check.AllowedValues,
        Check.Length,
        Check.NotInFuture,
        Check.ValidEmail,
        Check.ValidPhone,
        Check.AfterBirth,
        Check.MatchesDerived,
        Check.InLookup,
        Check.Custom {

  /**
   * Returns the columns the check reads.
   *
   * @return the column names
   */
  List<String> columns();

  /**
   * Returns the dimension the check measures.
   *
   * @return completeness for presence checks, consistency for cross-field checks, else validity
   */
  default Dimension dimension() {
    return Dimension.VALIDITY;
  }

  /**
   * Returns a short human-readable statement of the condition.
   *
   * @return e.g. {@code "age between 0 and 120"}
   */
  String describe();

  /**
   * Calls the visitor's method for this kind of check. A new kind of check adds a method to {@link
   * Visitor}, so every evaluator fails to compile until it handles it.
   *
   * @param visitor the visitor
   * @param <R> what the visitor returns
   * @return the visitor's result
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of check, so that handling every kind is checked by the compiler.
   *
   * <pre>{@code
   * String kind = check.accept(new Check.Visitor<String>() { ... });
   * }</pre>
   *
   * @param <R> what each method returns
   */
  interface Visitor<R> {
    /**
     * Handles a presence check.
     *
     * @param check the check
     * @return the result
     */
    R visitNotNull(NotNull check);

    /**
     * Handles a regular-expression check.
     *
     * @param check the check
     * @return the result
     */
    R visitMatches(Matches check);

    /**
     * Handles a range check.
     *
     * @param check the check
     * @return the result
     */
    R visitInRange(InRange check);

    /**
     * Handles an allowed-values check.
     *
     * @param check the check
     * @return the result
     */
    R visitAllowedValues(AllowedValues check);

    /**
     * Handles a length check.
     *
     * @param check the check
     * @return the result
     */
    R visitLength(Length check);

    /**
     * Handles a not-in-the-future check.
     *
     * @param check the check
     * @return the result
     */
    R visitNotInFuture(NotInFuture check);

    /**
     * Handles an email check.
     *
     * @param check the check
     * @return the result
     */
    R visitValidEmail(ValidEmail check);

    /**
     * Handles a phone check.
     *
     * @param check the check
     * @return the result
     */
    R visitValidPhone(ValidPhone check);

    /**
     * Handles an event-after-birth check.
     *
     * @param check the check
     * @return the result
     */
    R visitAfterBirth(AfterBirth check);

    /**
     * Handles a comparison with a derived value.
     *
     * @param check the check
     * @return the result
     */
    R visitMatchesDerived(MatchesDerived check);

    /**
     * Handles a lookup-table check.
     *
     * @param check the check
     * @return the result
     */
    R visitInLookup(InLookup check);

    /**
     * Handles a user predicate.
     *
     * @param check the check
     * @return the result
     */
    R visitCustom(Custom check);
  }

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
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNotNull(this);
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    public String describe() {
      return column + " is present";
    }

    @Override
    public Dimension dimension() {
      return Dimension.COMPLETENESS;
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
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitMatches(this);
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
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitInRange(this);
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    public String describe() {
      return column + " between " + format(min) + " and " + format(max);
    }

    static String format(double value) {
      if (Double.isInfinite(value)) {
        return value > 0 ? "infinity" : "-infinity";
      }
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
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAllowedValues(this);
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
   * The column's text length (in characters) must lie within inclusive bounds.
   *
   * @param column the column
   * @param min the shortest allowed length
   * @param max the longest allowed length
   */
  record Length(String column, int min, int max) implements Check {
    /**
     * Validates the bounds.
     *
     * @param column the column
     * @param min the shortest allowed length
     * @param max the longest allowed length
     */
    public Length {
      Objects.requireNonNull(column, "column");
      if (min < 0 || min > max) {
        throw new IllegalArgumentException(
            "Invalid length bounds for '"
                + column
                + "': need 0 <= min <= max, got "
                + min
                + ".."
                + max);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitLength(this);
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    public String describe() {
      return column + " length between " + min + " and " + max;
    }
  }

  /**
   * The column's date or timestamp must not lie after the run's time.
   *
   * @param column the column
   */
  record NotInFuture(String column) implements Check {
    /**
     * Validates the check.
     *
     * @param column the column
     */
    public NotInFuture {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNotInFuture(this);
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    public String describe() {
      return column + " is not in the future";
    }
  }

  /**
   * The column must hold a deliverable-looking email address: practical RFC 5321/5322 syntax, a
   * valid domain with a known top-level domain, not a disposable domain, and (when the runtime
   * enables DNS look-ups) a domain with mail servers.
   *
   * @param column the column
   */
  record ValidEmail(String column) implements Check {
    /**
     * Validates the check.
     *
     * @param column the column
     */
    public ValidEmail {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitValidEmail(this);
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    public String describe() {
      return column + " is a valid email address";
    }
  }

  /**
   * The column must hold a phone number valid for the region in another column (libphonenumber),
   * optionally of given types.
   *
   * @param column the phone column
   * @param regionColumn the column holding an ISO 3166 region code, e.g. a nationality
   * @param types allowed types ({@code "mobile"}, {@code "fixed_line"}, ...); empty allows any
   */
  record ValidPhone(String column, String regionColumn, Set<String> types) implements Check {
    /**
     * Validates the check.
     *
     * @param column the phone column
     * @param regionColumn the region column
     * @param types allowed types
     */
    public ValidPhone {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(regionColumn, "regionColumn");
      types = Set.copyOf(types);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitValidPhone(this);
    }

    @Override
    public List<String> columns() {
      return List.of(column, regionColumn);
    }

    @Override
    public String describe() {
      return column
          + " is a valid phone number for the region in "
          + regionColumn
          + (types.isEmpty() ? "" : " of type " + new java.util.TreeSet<>(types));
    }
  }

  /**
   * An event (e.g. a registration) must come at least a minimum number of years after birth.
   *
   * @param eventColumn the event's date or timestamp
   * @param birthColumn the birth date or timestamp
   * @param minYears the minimum age at the event
   */
  record AfterBirth(String eventColumn, String birthColumn, int minYears) implements Check {
    /**
     * Validates the check.
     *
     * @param eventColumn the event column
     * @param birthColumn the birth column
     * @param minYears the minimum age at the event
     */
    public AfterBirth {
      Objects.requireNonNull(eventColumn, "eventColumn");
      Objects.requireNonNull(birthColumn, "birthColumn");
      if (minYears < 0) {
        throw new IllegalArgumentException("Invalid minimum age " + minYears + ": expected >= 0");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAfterBirth(this);
    }

    @Override
    public List<String> columns() {
      return List.of(eventColumn, birthColumn);
    }

    @Override
    public String describe() {
      return eventColumn + " at least " + minYears + " years after " + birthColumn;
    }

    @Override
    public Dimension dimension() {
      return Dimension.CONSISTENCY;
    }
  }

  /**
   * A column must agree with a value derived from other columns of the row: the column minus the
   * derived value must lie within inclusive bounds. For example a stated age may lag the years
   * since the birth date by up to ten: {@code age - years_since(born_at)} between -10 and 0.
   *
   * @param column the numeric column checked
   * @param function how the value is derived
   * @param arguments the columns the function reads, as many as it takes
   * @param minDifference the lowest allowed {@code column - derived}
   * @param maxDifference the highest allowed {@code column - derived}
   */
  record MatchesDerived(
      String column,
      DerivedValue function,
      List<String> arguments,
      double minDifference,
      double maxDifference)
      implements Check {
    /**
     * Validates the check.
     *
     * @param column the column
     * @param function the function
     * @param arguments its columns
     * @param minDifference the lowest difference
     * @param maxDifference the highest difference
     */
    public MatchesDerived {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(function, "function");
      arguments = List.copyOf(arguments);
      if (arguments.size() != function.arity()) {
        throw new IllegalArgumentException(
            "Function "
                + function.label()
                + " takes "
                + function.arity()
                + " column(s), got "
                + arguments);
      }
      if (!(minDifference <= maxDifference)) {
        throw new IllegalArgumentException(
            "Invalid tolerance for '"
                + column
                + "': min difference "
                + minDifference
                + " must be <= max difference "
                + maxDifference);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitMatchesDerived(this);
    }

    @Override
    public List<String> columns() {
      List<String> all = new java.util.ArrayList<>(arguments.size() + 1);
      all.add(column);
      all.addAll(arguments);
      return List.copyOf(all);
    }

    /**
     * Returns the derived value in words.
     *
     * @return e.g. {@code "years_since(born_at)"}
     */
    public String derived() {
      return function.label() + "(" + String.join(", ", arguments) + ")";
    }

    @Override
    public String describe() {
      return column
          + " - "
          + derived()
          + " between "
          + InRange.format(minDifference)
          + " and "
          + InRange.format(maxDifference);
    }

    @Override
    public Dimension dimension() {
      return Dimension.CONSISTENCY;
    }
  }

  /**
   * A column's value must be among those a lookup table allows for another column's value: a
   * country must be one the nationality maps to, a postcode must have its country's format. Keys
   * the table does not know skip the check.
   *
   * @param column the column checked
   * @param keyColumn the column whose value selects what is allowed
   * @param table the lookup table
   */
  record InLookup(String column, String keyColumn, LookupTable table) implements Check {
    /**
     * Validates the check.
     *
     * @param column the column
     * @param keyColumn the key column
     * @param table the table
     */
    public InLookup {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(keyColumn, "keyColumn");
      Objects.requireNonNull(table, "table");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitInLookup(this);
    }

    @Override
    public List<String> columns() {
      return List.of(column, keyColumn);
    }

    @Override
    public String describe() {
      return column + " allowed for " + keyColumn + " by " + table.name();
    }

    @Override
    public Dimension dimension() {
      return Dimension.CONSISTENCY;
    }
  }

  /**
   * A named user-supplied predicate over several columns. The name is what is stored and printed.
   *
   * @param name the predicate's name, e.g. {@code "registered_after_birth"}
   * @param inputs the columns it reads
   * @param predicate the condition
   * @param dimension what it measures; cross-field predicates are usually consistency
   */
  record Custom(String name, List<String> inputs, RowPredicate predicate, Dimension dimension)
      implements Check {
    /**
     * Validates the check.
     *
     * @param name the name
     * @param inputs the columns read
     * @param predicate the condition
     * @param dimension what it measures
     */
    public Custom {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(predicate, "predicate");
      Objects.requireNonNull(dimension, "dimension");
      inputs = List.copyOf(inputs);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCustom(this);
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
