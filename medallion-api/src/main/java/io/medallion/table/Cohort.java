package io.medallion.table;

import java.util.Locale;
import java.util.Objects;

/**
 * A gold grouping by cohort: each row's cohort is the period of one date or timestamp column (e.g.
 * the registration month), and its place in the cohort is the number of periods from that start to
 * the period of another column (e.g. months since registration when an event happened).
 *
 * <pre>{@code
 * Cohort cohort = new Cohort("registration_month", TimeBucket.Unit.MONTH, "registered_at",
 *     "months_since", "ordered_at");
 * }</pre>
 *
 * @param name the output column holding the cohort's first day (a date)
 * @param unit the period size, for the cohort and the periods since
 * @param cohortColumn the date or timestamp column that places a row in its cohort
 * @param periodsSinceName the output column counting periods since the cohort start (an int)
 * @param periodColumn the date or timestamp column whose period is counted from the cohort start
 */
public record Cohort(
    String name,
    TimeBucket.Unit unit,
    String cohortColumn,
    String periodsSinceName,
    String periodColumn) {

  /**
   * Checks that every part is present.
   *
   * @param name the cohort column
   * @param unit the period size
   * @param cohortColumn the column placing a row in its cohort
   * @param periodsSinceName the periods-since column
   * @param periodColumn the column counted from the cohort start
   */
  public Cohort {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(cohortColumn, "cohortColumn");
    Objects.requireNonNull(periodsSinceName, "periodsSinceName");
    Objects.requireNonNull(periodColumn, "periodColumn");
  }

  @Override
  public String toString() {
    String fn = unit.name().toLowerCase(Locale.ROOT);
    return name
        + " = "
        + fn
        + "("
        + cohortColumn
        + "), "
        + periodsSinceName
        + " = "
        + fn
        + "s from "
        + name
        + " to "
        + fn
        + "("
        + periodColumn
        + ")";
  }
}
