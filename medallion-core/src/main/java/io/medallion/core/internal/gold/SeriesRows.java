package io.medallion.core.internal.gold;

import io.medallion.schema.ColumnType;
import io.medallion.table.Cohort;
import io.medallion.table.GapFill;
import io.medallion.table.GoldTable;
import io.medallion.table.Measure;
import io.medallion.table.TimeBucket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a time-series table's aggregated groups into its rows. The groups arrive sorted by key, so
 * each series (one value of the other grouping columns, and of the cohort) is a run of groups with
 * its periods ascending; each series is completed alone: gaps filled, then the cumulative count and
 * the series columns computed over its periods.
 *
 * <p>A group whose period is unknown (the bucketed column, or a cohort column, is null) is written
 * first in its series with its measures, and with no period-dependent values (cumulative counts and
 * series columns are null): it belongs to no period.
 */
final class SeriesRows {
  private final GoldTable definition;
  private final TimeBucket.Unit unit;
  private final Cohort cohort;
  private final int seriesKeyWidth;
  private final boolean[] integralSums;
  private final SeriesCalculator calculator;
  private final GroupState empty;

  SeriesRows(GoldTable definition) {
    this.definition = definition;
    this.cohort = definition.cohort().orElse(null);
    this.unit =
        cohort != null
            ? cohort.unit()
            : definition.timeBucket().map(TimeBucket::unit).orElseThrow();
    this.seriesKeyWidth = definition.groupBy().size() + (cohort == null ? 0 : 1);
    List<Measure> measures = definition.measures();
    this.integralSums = new boolean[measures.size()];
    for (int i = 0; i < measures.size(); i++) {
      integralSums[i] =
          definition.columns().get(axisWidth() + definition.groupBy().size() + i).type()
              == ColumnType.LONG;
    }
    this.calculator = new SeriesCalculator(definition);
    this.empty = new GroupState(measures);
  }

  /**
   * Writes every row.
   *
   * @param ordered the groups sorted by key: the series key, then the period's first day
   * @param out receives each row's values in the table's column order
   */
  void write(List<Map.Entry<List<Object>, GroupState>> ordered, Consumer<Object[]> out) {
    long last = Long.MIN_VALUE;
    long first = Long.MAX_VALUE;
    for (Map.Entry<List<Object>, GroupState> group : ordered) {
      LocalDate period = (LocalDate) group.getKey().get(seriesKeyWidth);
      if (period != null) {
        long number = Periods.number(period, unit);
        first = Math.min(first, number);
        last = Math.max(last, number);
      }
    }
    int start = 0;
    while (start < ordered.size()) {
      List<Object> seriesKey = ordered.get(start).getKey().subList(0, seriesKeyWidth);
      int end = start + 1;
      while (end < ordered.size()
          && ordered.get(end).getKey().subList(0, seriesKeyWidth).equals(seriesKey)) {
        end++;
      }
      writeSeries(seriesKey, ordered.subList(start, end), first, last, out);
      start = end;
    }
  }

  private void writeSeries(
      List<Object> seriesKey,
      List<Map.Entry<List<Object>, GroupState>> groups,
      long tableFirst,
      long tableLast,
      Consumer<Object[]> out) {
    List<Long> periods = new ArrayList<>();
    List<GroupState> states = new ArrayList<>();
    for (Map.Entry<List<Object>, GroupState> group : groups) {
      LocalDate period = (LocalDate) group.getKey().get(seriesKeyWidth);
      if (period == null) {
        out.accept(row(seriesKey, null, measures(group.getValue(), null), null));
      } else {
        periods.add(Periods.number(period, unit));
        states.add(group.getValue());
      }
    }
    if (periods.isEmpty()) {
      return;
    }
    GapFill fill = definition.gapFill().orElse(null);
    long[] numbers;
    GroupState[] filled;
    if (fill == null) {
      numbers = periods.stream().mapToLong(Long::longValue).toArray();
      filled = states.toArray(GroupState[]::new);
    } else {
      long from = Math.min(fillFrom(seriesKey, fill, tableFirst), periods.get(0));
      long to = fill.declared() ? Math.max(tableLast, number(fill.to())) : tableLast;
      numbers = new long[Math.toIntExact(to - from + 1)];
      filled = new GroupState[numbers.length];
      int next = 0;
      for (int i = 0; i < numbers.length; i++) {
        numbers[i] = from + i;
        boolean present = next < periods.size() && periods.get(next) == numbers[i];
        filled[i] = present ? states.get(next++) : empty;
      }
    }
    Object[][] measures = new Object[numbers.length][];
    long running = 0;
    for (int i = 0; i < numbers.length; i++) {
      running += filled[i].rows();
      measures[i] = measures(filled[i], running);
    }
    Object[][] series = calculator.compute(numbers, measures);
    for (int i = 0; i < numbers.length; i++) {
      out.accept(row(seriesKey, numbers[i], measures[i], series[i]));
    }
  }

  /** A cohort starts at its own first period; a time bucket at the table's (or declared) first. */
  private long fillFrom(List<Object> seriesKey, GapFill fill, long tableFirst) {
    if (cohort != null) {
      return number((LocalDate) seriesKey.get(seriesKeyWidth - 1));
    }
    return fill.declared() ? Math.min(tableFirst, number(fill.from())) : tableFirst;
  }

  private long number(LocalDate day) {
    return Periods.number(Groups.truncate(day, unit), unit);
  }

  private Object[] measures(GroupState state, Long running) {
    List<Measure> measures = definition.measures();
    Object[] values = new Object[measures.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          measures.get(i).function() == Measure.Function.CUMULATIVE_COUNT
              ? running
              : state.result(i, integralSums[i]);
    }
    return values;
  }

  private Object[] row(List<Object> seriesKey, Long period, Object[] measures, Object[] series) {
    int groupBy = definition.groupBy().size();
    Object[] row = new Object[definition.columns().size()];
    for (int i = 0; i < groupBy; i++) {
      row[i] = seriesKey.get(i);
    }
    if (cohort == null) {
      row[groupBy] = period == null ? null : Periods.start(period, unit);
    } else {
      LocalDate cohortStart = (LocalDate) seriesKey.get(groupBy);
      row[groupBy] = cohortStart;
      row[groupBy + 1] =
          period == null ? null : Math.toIntExact(period - Periods.number(cohortStart, unit));
    }
    int offset = groupBy + axisWidth();
    System.arraycopy(measures, 0, row, offset, measures.length);
    if (series != null) {
      System.arraycopy(series, 0, row, offset + measures.length, series.length);
    }
    return row;
  }

  private int axisWidth() {
    return cohort == null ? 1 : 2;
  }
}
