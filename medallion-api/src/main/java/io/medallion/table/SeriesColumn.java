package io.medallion.table;

import java.util.Locale;
import java.util.Objects;

/**
 * A gold column computed over the periods of a time series from one of the table's measures: a
 * rolling window, a change from the previous period, or a running total. Values are computed per
 * group of the other grouping columns, in period order.
 *
 * <pre>{@code
 * SeriesColumn weekly = new SeriesColumn("avg_7d", SeriesColumn.Kind.ROLLING_AVG, "users", 7);
 * }</pre>
 *
 * @param name the output column
 * @param kind what is computed
 * @param measure the name of a measure of the same table
 * @param periods the window length for rolling kinds (the current period and the {@code periods -
 *     1} before it); 1 for the other kinds
 */
public record SeriesColumn(String name, Kind kind, String measure, int periods) {

  /** What a series column computes. Periods whose measure has no value are skipped. */
  public enum Kind {
    /** Periods in the window whose measure has a value. */
    ROLLING_COUNT,
    /** Sum of the measure over the window. */
    ROLLING_SUM,
    /** Mean of the measure over the window's periods that have a value. */
    ROLLING_AVG,
    /** This period's measure minus the previous period's; null when either has no value. */
    CHANGE,
    /**
     * The change divided by the previous period's measure (0.25 is 25% more); null when either has
     * no value or the previous one is 0.
     */
    CHANGE_RATIO,
    /** Sum of the measure over this and every earlier period. */
    RUNNING_TOTAL;

    /**
     * Tells whether the kind reads a window of several periods.
     *
     * @return true for the rolling kinds
     */
    public boolean rolling() {
      return this == ROLLING_COUNT || this == ROLLING_SUM || this == ROLLING_AVG;
    }
  }

  /**
   * Checks that every part is present; the periods are checked with the table, where every problem
   * is collected.
   *
   * @param name the output column
   * @param kind what is computed
   * @param measure the measure read
   * @param periods the window length
   */
  public SeriesColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(measure, "measure");
  }

  @Override
  public String toString() {
    String fn = kind.name().toLowerCase(Locale.ROOT);
    return name + " = " + fn + "(" + measure + (kind.rolling() ? ", " + periods : "") + ")";
  }
}
