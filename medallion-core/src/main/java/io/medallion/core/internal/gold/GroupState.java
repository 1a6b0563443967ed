package io.medallion.core.internal.gold;

import io.medallion.table.Measure;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The running aggregates of one group; memory is one slot per measure (a set for distincts). */
final class GroupState {
  private final List<Measure> measures;
  private final long[] counts;
  private final double[] sums;
  private final long[] longSums;
  private final Object[] extremes;
  private final Set<?>[] distincts;
  private final Object[] known;
  private long rows;

  GroupState(List<Measure> measures) {
    this(measures, null, 0);
  }

  private GroupState(List<Measure> measures, Object[] known, long rows) {
    this.measures = measures;
    this.known = known;
    this.rows = rows;
    int n = measures.size();
    this.counts = new long[n];
    this.sums = new double[n];
    this.longSums = new long[n];
    this.extremes = new Object[n];
    this.distincts = new Set<?>[n];
  }

  /**
   * A group whose results are already known, as a gold table stores them: an incremental run keeps
   * the groups no change touched.
   *
   * @param measures the table's measures
   * @param results each measure's value (cumulative counts are recomputed from the rows)
   * @param rows the group's row count
   * @return the state; adding rows to it is not allowed
   */
  static GroupState known(List<Measure> measures, Object[] results, long rows) {
    return new GroupState(measures, results.clone(), rows);
  }

  @SuppressWarnings("unchecked")
  void add(Object[] inputs) {
    if (known != null) {
      throw new IllegalStateException("a group with known results takes no rows");
    }
    rows++;
    for (int i = 0; i < measures.size(); i++) {
      Object value = inputs[i];
      Measure.Function function = measures.get(i).function();
      if (value == null
          || function == Measure.Function.COUNT
          || function == Measure.Function.CUMULATIVE_COUNT) {
        continue;
      }
      counts[i]++;
      switch (function) {
        case COUNT_DISTINCT -> {
          if (distincts[i] == null) {
            distincts[i] = new HashSet<>();
          }
          ((Set<Object>) distincts[i]).add(value);
        }
        case SUM, AVG -> {
          if (value instanceof Integer || value instanceof Long) {
            longSums[i] += ((Number) value).longValue();
          }
          sums[i] += ((Number) value).doubleValue();
        }
        case MIN -> {
          if (extremes[i] == null || ((Comparable<Object>) value).compareTo(extremes[i]) < 0) {
            extremes[i] = value;
          }
        }
        case MAX -> {
          if (extremes[i] == null || ((Comparable<Object>) value).compareTo(extremes[i]) > 0) {
            extremes[i] = value;
          }
        }
        default -> throw new IllegalStateException("Unexpected measure " + function);
      }
    }
  }

  long rows() {
    return rows;
  }

  /** The measure's value; cumulative counts are filled in by the caller. */
  Object result(int i, boolean integralSum) {
    Measure.Function function = measures.get(i).function();
    if (known != null
        && function != Measure.Function.COUNT
        && function != Measure.Function.CUMULATIVE_COUNT) {
      return known[i];
    }
    return switch (measures.get(i).function()) {
      case COUNT, CUMULATIVE_COUNT -> rows;
      case COUNT_DISTINCT -> distincts[i] == null ? 0L : (long) distincts[i].size();
      // A filled gap (no rows) sums to 0; a group whose values are all null has no sum.
      case SUM ->
          counts[i] == 0 && rows > 0 ? null : integralSum ? (Object) longSums[i] : (Object) sums[i];
      case AVG -> counts[i] == 0 ? null : sums[i] / counts[i];
      case MIN, MAX -> extremes[i];
    };
  }
}
