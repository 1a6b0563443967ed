package io.medallion.core.internal.gold;

import io.medallion.table.Cohort;
import io.medallion.table.GoldTable;
import io.medallion.table.Measure;
import io.medallion.table.TimeBucket;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.Record;

/**
 * The groups of a gold table, one state per key: the grouping columns' values, then the time
 * bucket's first day, or the cohort's first day and the first day of the period counted from it.
 */
final class Groups {
  private final List<String> groupBy;
  private final TimeBucket bucket;
  private final Cohort cohort;
  private final List<Measure> measures;
  private final int keyWidth;
  private final Object[] inputs;
  private final Map<List<Object>, GroupState> states = new HashMap<>();

  Groups(GoldTable definition) {
    this.groupBy = definition.groupBy();
    this.bucket = definition.timeBucket().orElse(null);
    this.cohort = definition.cohort().orElse(null);
    this.measures = definition.measures();
    this.keyWidth = groupBy.size() + (bucket == null ? 0 : 1) + (cohort == null ? 0 : 2);
    this.inputs = new Object[measures.size()];
  }

  /**
   * Adds a source row to its group.
   *
   * @param row a row holding at least the columns the table reads
   */
  void add(Record row) {
    add(keyOf(row), row);
  }

  /**
   * Adds a source row to a group whose key the caller already took with {@link #keyOf}.
   *
   * @param key the row's group key
   * @param row a row holding at least the columns the table reads
   */
  void add(List<Object> key, Record row) {
    for (int i = 0; i < measures.size(); i++) {
      String column = measures.get(i).column();
      inputs[i] = column == null ? null : row.getField(column);
    }
    states.computeIfAbsent(key, k -> new GroupState(measures)).add(inputs);
  }

  /**
   * Puts a group whose state is already known, replacing any state of that key.
   *
   * @param key the group key
   * @param state its state
   */
  void put(List<Object> key, GroupState state) {
    states.put(key, state);
  }

  /**
   * Removes a group.
   *
   * @param key the group key
   */
  void remove(List<Object> key) {
    states.remove(key);
  }

  /**
   * The state of a group.
   *
   * @param key the group key
   * @return the state, or null when the group has no rows
   */
  GroupState get(List<Object> key) {
    return states.get(key);
  }

  /**
   * The group a source row belongs to.
   *
   * @param row a row holding at least the grouping, bucket and cohort columns
   * @return its key
   */
  List<Object> keyOf(Record row) {
    Object[] key = new Object[keyWidth];
    for (int i = 0; i < groupBy.size(); i++) {
      key[i] = row.getField(groupBy.get(i));
    }
    if (bucket != null) {
      key[groupBy.size()] = truncate(row.getField(bucket.sourceColumn()), bucket.unit());
    }
    if (cohort != null) {
      LocalDate start = truncate(row.getField(cohort.cohortColumn()), cohort.unit());
      key[groupBy.size()] = start;
      // Without a cohort start there are no periods since it: one undated group.
      key[groupBy.size() + 1] =
          start == null ? null : truncate(row.getField(cohort.periodColumn()), cohort.unit());
    }
    return Arrays.asList(key);
  }

  /**
   * Returns the groups sorted by key, nulls first in each position.
   *
   * @return the groups
   */
  List<Map.Entry<List<Object>, GroupState>> sorted() {
    List<Map.Entry<List<Object>, GroupState>> ordered = new ArrayList<>(states.entrySet());
    ordered.sort(Map.Entry.comparingByKey(Groups::compareKeys));
    return ordered;
  }

  /**
   * The first day of the day, month or year a date or timestamp (in its own offset) falls in.
   *
   * @param value a {@link LocalDate}, an {@link OffsetDateTime}, or null
   * @param unit the bucket size
   * @return the first day, or null for a null value
   */
  static LocalDate truncate(Object value, TimeBucket.Unit unit) {
    LocalDate date =
        value instanceof OffsetDateTime timestamp
            ? timestamp.toLocalDate()
            : value instanceof LocalDate day ? day : null;
    if (date == null) {
      return null;
    }
    return switch (unit) {
      case DAY -> date;
      case MONTH -> date.withDayOfMonth(1);
      case YEAR -> date.withDayOfYear(1);
    };
  }

  @SuppressWarnings("unchecked")
  private static int compareKeys(List<Object> left, List<Object> right) {
    Comparator<Object> nullsFirst =
        Comparator.nullsFirst((a, b) -> ((Comparable<Object>) a).compareTo(b));
    for (int i = 0; i < left.size(); i++) {
      int c = nullsFirst.compare(left.get(i), right.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
