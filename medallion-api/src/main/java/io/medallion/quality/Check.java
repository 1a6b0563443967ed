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
        Check.AgeMatchesBirthDate,
        Check.AfterBirth,
        Check.CountryMatchesNationality,
        Check.PostcodeMatchesCountry,
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
   * A stated age must agree with the birth date: it may lag the years since birth by at most a
   * tolerance (feeds state the age when the record was made).
   *
   * @param ageColumn the stated age
   * @param birthColumn the birth date or timestamp
   * @param toleranceYears how many years the stated age may lag
   */
  record AgeMatchesBirthDate(String ageColumn, String birthColumn, int toleranceYears)
      implements Check {
    /**
     * Validates the check.
     *
     * @param ageColumn the stated age
     * @param birthColumn the birth date
     * @param toleranceYears the allowed lag
     */
    public AgeMatchesBirthDate {
      Objects.requireNonNull(ageColumn, "ageColumn");
      Objects.requireNonNull(birthColumn, "birthColumn");
      if (toleranceYears < 0) {
        throw new IllegalArgumentException(
            "Invalid tolerance " + toleranceYears + " years: expected >= 0");
      }
    }

    @Override
    public List<String> columns() {
      return List.of(ageColumn, birthColumn);
    }

    @Override
    public String describe() {
      return ageColumn
          + " agrees with "
          + birthColumn
          + " (lag up to "
          + toleranceYears
          + " years)";
    }

    @Override
    public Dimension dimension() {
      return Dimension.CONSISTENCY;
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
   * A country name must be the country of an ISO 3166 nationality code (English names, as {@link
   * java.util.Locale} knows them, plus common aliases).
   *
   * @param countryColumn the country name
   * @param nationalityColumn the two-letter nationality or region code
   */
  record CountryMatchesNationality(String countryColumn, String nationalityColumn)
      implements Check {
    /**
     * Validates the check.
     *
     * @param countryColumn the country column
     * @param nationalityColumn the nationality column
     */
    public CountryMatchesNationality {
      Objects.requireNonNull(countryColumn, "countryColumn");
      Objects.requireNonNull(nationalityColumn, "nationalityColumn");
    }

    @Override
    public List<String> columns() {
      return List.of(countryColumn, nationalityColumn);
    }

    @Override
    public String describe() {
      return countryColumn + " is the country of " + nationalityColumn;
    }

    @Override
    public Dimension dimension() {
      return Dimension.CONSISTENCY;
    }
  }

  /**
   * A postcode must have the format of the country given by a region code (for the countries
   * medallion knows; others are skipped).
   *
   * @param postcodeColumn the postcode
   * @param regionColumn the two-letter region or nationality code
   */
  record PostcodeMatchesCountry(String postcodeColumn, String regionColumn) implements Check {
    /**
     * Validates the check.
     *
     * @param postcodeColumn the postcode column
     * @param regionColumn the region column
     */
    public PostcodeMatchesCountry {
      Objects.requireNonNull(postcodeColumn, "postcodeColumn");
      Objects.requireNonNull(regionColumn, "regionColumn");
    }

    @Override
    public List<String> columns() {
      return List.of(postcodeColumn, regionColumn);
    }

    @Override
    public String describe() {
      return postcodeColumn + " has the postcode format of " + regionColumn;
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
    public List<String> columns() {
      return inputs;
    }

    @Override
    public String describe() {
      return name + inputs;
    }
  }
}
