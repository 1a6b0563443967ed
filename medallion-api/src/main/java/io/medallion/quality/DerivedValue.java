package io.medallion.quality;

/**
 * A value the engine derives from columns of a row, for {@link Check.MatchesDerived}. Dates are
 * taken from date or timestamp columns; "the run's date" is the date the run started, so one run is
 * internally consistent.
 *
 * <pre>{@code
 * Rule age = Rule.matchesDerived("age", DerivedValue.YEARS_SINCE, List.of("born_at"), -10, 0);
 * }</pre>
 */
public enum DerivedValue {
  /** Whole years from a date (the one argument) to the run's date. */
  YEARS_SINCE("years_since", 1),
  /** Whole years from the first date argument to the second. */
  YEARS_BETWEEN("years_between", 2);

  private final String label;
  private final int arity;

  DerivedValue(String label, int arity) {
    this.label = label;
    this.arity = arity;
  }

  /**
   * Returns the name shown in descriptions.
   *
   * @return e.g. {@code "years_since"}
   */
  public String label() {
    return label;
  }

  /**
   * Returns how many columns the function reads.
   *
   * @return the number of arguments
   */
  public int arity() {
    return arity;
  }
}
