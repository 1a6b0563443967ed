package io.medallion.core.internal.gold;

import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.table.GoldTable;
import io.medallion.table.Measure;
import io.medallion.table.SeriesColumn;
import java.util.List;

/**
 * Computes a table's series columns over one group's periods, in period order. A value at a period
 * depends only on the measures of that period and the {@code window - 1} periods before it (rolling
 * windows, changes) or on a running sum up to it (running totals), never on later periods: a
 * recomputation can start at the first period that changed, from the sums before it and the rows of
 * the window before it.
 *
 * <p>Windows count calendar periods, not rows: without gap filling, a period that has no row is
 * absent from the windows around it and makes the next period's change null.
 */
final class SeriesCalculator {
  private final List<SeriesColumn> columns;
  private final int[] measureIndex;
  private final boolean[] integral;

  SeriesCalculator(GoldTable definition) {
    this.columns = definition.seriesColumns();
    List<Measure> measures = definition.measures();
    List<Column> measureColumns =
        definition
            .columns()
            .subList(
                definition.columns().size() - columns.size() - measures.size(),
                definition.columns().size() - columns.size());
    this.measureIndex = new int[columns.size()];
    this.integral = new boolean[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      String measure = columns.get(c).measure();
      for (int m = 0; m < measures.size(); m++) {
        if (measures.get(m).name().equals(measure)) {
          measureIndex[c] = m;
          ColumnType type = measureColumns.get(m).type();
          integral[c] = type == ColumnType.INT || type == ColumnType.LONG;
        }
      }
    }
  }

  /**
   * Computes every series column for one group.
   *
   * @param periods the period numbers, ascending and distinct
   * @param measures each period's measure values, in the table's measure order
   * @return each period's series values, in the table's series column order
   */
  Object[][] compute(long[] periods, Object[][] measures) {
    Object[][] out = new Object[periods.length][columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      Number[] values = new Number[periods.length];
      for (int i = 0; i < periods.length; i++) {
        values[i] = (Number) measures[i][measureIndex[c]];
      }
      SeriesColumn column = columns.get(c);
      switch (column.kind()) {
        case ROLLING_COUNT, ROLLING_SUM, ROLLING_AVG ->
            rolling(column, integral[c], periods, values, out, c);
        case CHANGE, CHANGE_RATIO -> change(column.kind(), integral[c], periods, values, out, c);
        case RUNNING_TOTAL -> runningTotal(integral[c], values, out, c);
      }
    }
    return out;
  }

  /**
   * Sums over a window are differences of running sums, so a window of any length costs the same
   * per period.
   */
  private static void rolling(
      SeriesColumn column,
      boolean integral,
      long[] periods,
      Number[] values,
      Object[][] out,
      int c) {
    int n = periods.length;
    long[] longSums = new long[n + 1];
    double[] doubleSums = new double[n + 1];
    int[] counts = new int[n + 1];
    for (int i = 0; i < n; i++) {
      Number value = values[i];
      longSums[i + 1] = longSums[i] + (value == null || !integral ? 0 : value.longValue());
      doubleSums[i + 1] = doubleSums[i] + (value == null || integral ? 0 : value.doubleValue());
      counts[i + 1] = counts[i] + (value == null ? 0 : 1);
    }
    int left = 0;
    for (int i = 0; i < n; i++) {
      while (periods[left] <= periods[i] - column.periods()) {
        left++;
      }
      long count = counts[i + 1] - counts[left];
      long longSum = longSums[i + 1] - longSums[left];
      double sum = integral ? longSum : doubleSums[i + 1] - doubleSums[left];
      out[i][c] =
          switch (column.kind()) {
            case ROLLING_COUNT -> count;
            case ROLLING_SUM -> count == 0 ? null : integral ? (Object) longSum : (Object) sum;
            default -> count == 0 ? null : sum / count;
          };
    }
  }

  private static void change(
      SeriesColumn.Kind kind,
      boolean integral,
      long[] periods,
      Number[] values,
      Object[][] out,
      int c) {
    for (int i = 1; i < periods.length; i++) {
      Number previous = periods[i - 1] == periods[i] - 1 ? values[i - 1] : null;
      Number current = values[i];
      if (previous == null || current == null) {
        continue;
      }
      double difference =
          integral
              ? current.longValue() - previous.longValue()
              : current.doubleValue() - previous.doubleValue();
      if (kind == SeriesColumn.Kind.CHANGE) {
        out[i][c] = integral ? (Object) (current.longValue() - previous.longValue()) : difference;
      } else if (previous.doubleValue() != 0) {
        out[i][c] = difference / previous.doubleValue();
      }
    }
  }

  private static void runningTotal(boolean integral, Number[] values, Object[][] out, int c) {
    long longTotal = 0;
    double total = 0;
    boolean any = false;
    for (int i = 0; i < values.length; i++) {
      Number value = values[i];
      if (value != null) {
        any = true;
        longTotal += integral ? value.longValue() : 0;
        total += integral ? 0 : value.doubleValue();
      }
      out[i][c] = !any ? null : integral ? (Object) longTotal : (Object) total;
    }
  }
}
