package io.medallion.core.internal.gold;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * An Iceberg filter keeping at least the rows whose leading columns hold one of some keys: each
 * column within the values the keys give it, when they are few and of a type Iceberg literals take.
 * It may keep other rows too (the columns are filtered one by one); the caller checks each row's
 * key. Partitions and file statistics then skip the files that cannot hold a key.
 *
 * <pre>{@code
 * Expression where = KeyFilter.of(List.of("user_id"), List.of(List.of("u1"), List.of("u2")));
 * }</pre>
 */
public final class KeyFilter {
  /** Past this many distinct values an IN list costs more to evaluate than it prunes. */
  private static final int MAX_VALUES = 1000;

  private KeyFilter() {}

  /**
   * Builds the filter.
   *
   * @param columns the key columns, in the keys' order
   * @param keys the keys, each at least as long as {@code columns}
   * @return the filter; always true when it cannot narrow anything
   */
  public static Expression of(List<String> columns, Collection<List<Object>> keys) {
    Expression where = Expressions.alwaysTrue();
    for (int i = 0; i < columns.size(); i++) {
      where = Expressions.and(where, values(columns.get(i), column(keys, i)));
    }
    return where;
  }

  /**
   * The distinct values of one position of the keys.
   *
   * @param keys the keys
   * @param index the position
   * @return the values, null included when a key holds it
   */
  static Set<Object> column(Collection<List<Object>> keys, int index) {
    Set<Object> values = new LinkedHashSet<>();
    for (List<Object> key : keys) {
      values.add(key.get(index));
    }
    return values;
  }

  private static Expression values(String column, Set<Object> values) {
    if (values.size() > MAX_VALUES) {
      return Expressions.alwaysTrue();
    }
    List<Object> present = new ArrayList<>();
    for (Object value : values) {
      if (value == null) {
        continue;
      }
      if (!(value instanceof CharSequence
          || value instanceof Integer
          || value instanceof Long
          || value instanceof Boolean
          || value instanceof BigDecimal)) {
        return Expressions.alwaysTrue();
      }
      present.add(value);
    }
    // Iceberg evaluates IN on a null value as an error, and AND and OR from the left: the null
    // check comes first.
    Expression in =
        present.isEmpty()
            ? Expressions.alwaysFalse()
            : Expressions.and(Expressions.notNull(column), Expressions.in(column, present));
    return values.contains(null) ? Expressions.or(Expressions.isNull(column), in) : in;
  }
}
