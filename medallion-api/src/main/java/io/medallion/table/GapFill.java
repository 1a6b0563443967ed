package io.medallion.table;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which periods a gold time series fills with empty rows: every period with no source rows between
 * the first and the last period becomes a row whose counts and sums are 0 (averages, minimums and
 * maximums have no value). A declared range widens that span; periods outside it are still kept.
 *
 * <pre>{@code
 * GapFill observed = GapFill.OBSERVED;
 * GapFill year = GapFill.range(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
 * }</pre>
 *
 * @param from a date in the first period filled, or null for the first period with rows
 * @param to a date in the last period filled, or null for the last period with rows
 */
public record GapFill(LocalDate from, LocalDate to) {
  /** Fill between the first and the last period that have rows. */
  public static final GapFill OBSERVED = new GapFill(null, null);

  /**
   * Checks that the range has both ends or neither.
   *
   * @param from a date in the first period filled, or null
   * @param to a date in the last period filled, or null
   */
  public GapFill {
    if ((from == null) != (to == null)) {
      throw new IllegalArgumentException(
          "GapFill needs both ends of its range or neither, got from " + from + " and to " + to);
    }
  }

  /**
   * Fills at least the periods from one date to another (both included, each in its period).
   *
   * @param from a date in the first period to fill
   * @param to a date in the last period to fill
   * @return the gap fill
   */
  public static GapFill range(LocalDate from, LocalDate to) {
    return new GapFill(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
  }

  /**
   * Tells whether the range was declared rather than taken from the rows.
   *
   * @return true when both ends are given
   */
  public boolean declared() {
    return from != null;
  }

  @Override
  public String toString() {
    return from == null ? "fill gaps" : "fill gaps from " + from + " to " + to;
  }
}
