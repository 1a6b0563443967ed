package io.medallion.table;

import io.medallion.quality.RowView;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How a derived silver column is computed from columns defined before it, as data.
 *
 * <pre>{@code
 * silver.derive("generation", ColumnType.STRING, Derivation.generation("born_at"));
 * silver.derive("tenure", ColumnType.STRING, Derivation.tenure("registered_at"));
 * }</pre>
 */
public sealed interface Derivation
    permits Derivation.Generation,
        Derivation.Tenure,
        Derivation.YearsSince,
        Derivation.EmailDomain,
        Derivation.Coalesce,
        Derivation.MatchesFlag,
        Derivation.Completeness,
        Derivation.Custom {

  /**
   * Returns the columns the derivation reads.
   *
   * @return the column names
   */
  List<String> inputs();

  /**
   * Returns a short description, e.g. {@code "generation(born_at)"}.
   *
   * @return the description
   */
  String describe();

  /**
   * The generation from a birth date: Silent (before 1946), Boomer (1946-1964), GenX (1965-1980),
   * Millennial (1981-1996), GenZ (1997-2012), Alpha (2013 on).
   *
   * @param birthColumn a date or timestamp column
   * @return the derivation (a string)
   */
  static Derivation generation(String birthColumn) {
    return new Generation(birthColumn);
  }

  /**
   * The tenure category from a registration instant, as of the run: {@code new} (under 2 years),
   * {@code established} (under 10), else {@code veteran}.
   *
   * @param registeredColumn a date or timestamp column
   * @return the derivation (a string)
   */
  static Derivation tenure(String registeredColumn) {
    return new Tenure(registeredColumn);
  }

  /**
   * Whole years from a date to the run's date, e.g. an age from a birth date.
   *
   * @param dateColumn a date or timestamp column
   * @return the derivation (an int)
   */
  static Derivation yearsSince(String dateColumn) {
    return new YearsSince(dateColumn);
  }

  /**
   * The domain of an email address: the text after the last {@code @}, lower-cased.
   *
   * @param emailColumn the email column
   * @return the derivation (a string)
   */
  static Derivation emailDomain(String emailColumn) {
    return new EmailDomain(emailColumn);
  }

  /**
   * A column's value, or when it is null, another derivation's.
   *
   * @param column the preferred column
   * @param fallback computed when the column is null
   * @return the derivation
   */
  static Derivation coalesce(String column, Derivation fallback) {
    return new Coalesce(column, fallback);
  }

  /**
   * Whether a column's text matches a regular expression entirely (null when the column is null).
   *
   * @param column the column
   * @param regex the regular expression, compiled once here
   * @return the derivation (a boolean)
   */
  static Derivation matches(String column, String regex) {
    return new MatchesFlag(column, Pattern.compile(regex));
  }

  /**
   * The share of the given columns that are present (not null, not blank), in [0, 1].
   *
   * @param columns the columns that should be present
   * @return the derivation (a double)
   */
  static Derivation completeness(List<String> columns) {
    return new Completeness(columns);
  }

  /**
   * The value of the first of the columns that is present (not null, not blank text).
   *
   * <pre>{@code
   * silver.derive("user_id", ColumnType.STRING,
   *     Derivation.firstPresent(List.of("login_uuid", "national_key", "email_birth_uuid")));
   * }</pre>
   *
   * @param columns the columns in order of preference, all of the derived column's type
   * @return the derivation (null when none is present)
   */
  static Derivation firstPresent(List<String> columns) {
    List<String> inputs = List.copyOf(columns);
    return new Custom("first_present", inputs, row -> RowKeys.firstPresent(row, inputs));
  }

  /**
   * The name of the first of the columns that is present; with {@link #firstPresent} on the same
   * columns it records where a value came from.
   *
   * <pre>{@code
   * silver.derive("key_source", ColumnType.STRING,
   *     Derivation.firstPresentColumn(List.of("login_uuid", "national_key", "email_birth_uuid")));
   * }</pre>
   *
   * @param columns the columns in order of preference
   * @return the derivation (a string; null when none is present)
   */
  static Derivation firstPresentColumn(List<String> columns) {
    List<String> inputs = List.copyOf(columns);
    return new Custom(
        "first_present_column", inputs, row -> RowKeys.firstPresentColumn(row, inputs));
  }

  /**
   * The columns' values as text without surrounding space, joined by a separator; null unless every
   * column is present.
   *
   * <pre>{@code
   * silver.derive("national_key", ColumnType.STRING,
   *     Derivation.joined(":", "national_id_type", "national_id")); // "SSN:123-45-6789"
   * }</pre>
   *
   * @param separator put between the values
   * @param columns the columns, in order
   * @return the derivation (a string)
   */
  static Derivation joined(String separator, String... columns) {
    Objects.requireNonNull(separator, "separator");
    List<String> inputs = List.of(columns);
    return new Custom("joined", inputs, row -> RowKeys.joined(row, separator, inputs));
  }

  /**
   * A name-based (version 3) UUID of the columns' values, {@link java.util.UUID#nameUUIDFromBytes}:
   * the same values give the same UUID on every run and machine. Values are normalized first: text
   * stripped and lower-cased, timestamps as their UTC instant. Null unless every column is present.
   *
   * <pre>{@code
   * silver.derive("email_birth_uuid", ColumnType.STRING, Derivation.nameUuid("email", "born_at"));
   * }</pre>
   *
   * @param columns the columns that identify the row, in order
   * @return the derivation (a string)
   */
  static Derivation nameUuid(String... columns) {
    List<String> inputs = List.of(columns);
    return new Custom("name_uuid", inputs, row -> RowKeys.nameUuid(row, inputs));
  }

  /**
   * A named user function of earlier columns.
   *
   * @param name the function's name, shown in descriptions
   * @param inputs the columns it reads
   * @param function computes the value; must return the column's Java type or null
   * @return the derivation
   */
  static Derivation custom(String name, List<String> inputs, Function<RowView, Object> function) {
    return new Custom(name, inputs, function);
  }

  /**
   * See {@link Derivation#generation}.
   *
   * @param birthColumn the birth date column
   */
  record Generation(String birthColumn) implements Derivation {
    /**
     * Validates the derivation.
     *
     * @param birthColumn the birth date column
     */
    public Generation {
      Objects.requireNonNull(birthColumn, "birthColumn");
    }

    @Override
    public List<String> inputs() {
      return List.of(birthColumn);
    }

    @Override
    public String describe() {
      return "generation(" + birthColumn + ")";
    }
  }

  /**
   * See {@link Derivation#tenure}.
   *
   * @param registeredColumn the registration column
   */
  record Tenure(String registeredColumn) implements Derivation {
    /**
     * Validates the derivation.
     *
     * @param registeredColumn the registration column
     */
    public Tenure {
      Objects.requireNonNull(registeredColumn, "registeredColumn");
    }

    @Override
    public List<String> inputs() {
      return List.of(registeredColumn);
    }

    @Override
    public String describe() {
      return "tenure(" + registeredColumn + ")";
    }
  }

  /**
   * See {@link Derivation#yearsSince}.
   *
   * @param dateColumn the date column
   */
  record YearsSince(String dateColumn) implements Derivation {
    /**
     * Validates the derivation.
     *
     * @param dateColumn the date column
     */
    public YearsSince {
      Objects.requireNonNull(dateColumn, "dateColumn");
    }

    @Override
    public List<String> inputs() {
      return List.of(dateColumn);
    }

    @Override
    public String describe() {
      return "years_since(" + dateColumn + ")";
    }
  }

  /**
   * See {@link Derivation#emailDomain}.
   *
   * @param emailColumn the email column
   */
  record EmailDomain(String emailColumn) implements Derivation {
    /**
     * Validates the derivation.
     *
     * @param emailColumn the email column
     */
    public EmailDomain {
      Objects.requireNonNull(emailColumn, "emailColumn");
    }

    @Override
    public List<String> inputs() {
      return List.of(emailColumn);
    }

    @Override
    public String describe() {
      return "email_domain(" + emailColumn + ")";
    }
  }

  /**
   * See {@link Derivation#coalesce}.
   *
   * @param column the preferred column
   * @param fallback the derivation used when it is null
   */
  record Coalesce(String column, Derivation fallback) implements Derivation {
    /**
     * Validates the derivation.
     *
     * @param column the preferred column
     * @param fallback the fallback
     */
    public Coalesce {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public List<String> inputs() {
      List<String> all = new java.util.ArrayList<>(fallback.inputs());
      all.add(0, column);
      return List.copyOf(all);
    }

    @Override
    public String describe() {
      return "coalesce(" + column + ", " + fallback.describe() + ")";
    }
  }

  /**
   * See {@link Derivation#matches}.
   *
   * @param column the column
   * @param pattern the compiled pattern
   */
  record MatchesFlag(String column, Pattern pattern) implements Derivation {
    /**
     * Validates the derivation.
     *
     * @param column the column
     * @param pattern the pattern
     */
    public MatchesFlag {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public List<String> inputs() {
      return List.of(column);
    }

    @Override
    public String describe() {
      return "matches(" + column + ", /" + pattern.pattern() + "/)";
    }
  }

  /**
   * See {@link Derivation#completeness}.
   *
   * @param columns the columns that should be present
   */
  record Completeness(List<String> columns) implements Derivation {
    /**
     * Validates the derivation.
     *
     * @param columns the columns
     */
    public Completeness {
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("Completeness needs at least one column");
      }
    }

    @Override
    public List<String> inputs() {
      return columns;
    }

    @Override
    public String describe() {
      return "completeness" + columns;
    }
  }

  /**
   * See {@link Derivation#custom}.
   *
   * @param name the function's name
   * @param inputs the columns read
   * @param function the function
   */
  record Custom(String name, List<String> inputs, Function<RowView, Object> function)
      implements Derivation {
    /**
     * Validates the derivation.
     *
     * @param name the name
     * @param inputs the columns read
     * @param function the function
     */
    public Custom {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(function, "function");
      inputs = List.copyOf(inputs);
    }

    @Override
    public String describe() {
      return name + inputs;
    }
  }
}
