package io.medallion.core.internal.gold.dimension;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Orders and names business keys for output and messages. */
final class DimensionRows {
  @SuppressWarnings("unchecked")
  private static final Comparator<Object> NULLS_FIRST =
      Comparator.nullsFirst((a, b) -> ((Comparable<Object>) a).compareTo(b));

  private DimensionRows() {}

  /** The keys in ascending order, nulls first, so that rows are written in a stable order. */
  static List<List<Object>> sorted(Collection<List<Object>> keys) {
    List<List<Object>> sorted = new ArrayList<>(keys);
    sorted.sort(DimensionRows::compare);
    return sorted;
  }

  private static int compare(List<Object> left, List<Object> right) {
    for (int i = 0; i < left.size(); i++) {
      int c = NULLS_FIRST.compare(left.get(i), right.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** E.g. {@code user_id=u1} or {@code country=CH, city=null}. */
  static String describeKey(List<String> columns, List<Object> values) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(columns.get(i)).append('=').append(values.get(i));
    }
    return text.toString();
  }
}
