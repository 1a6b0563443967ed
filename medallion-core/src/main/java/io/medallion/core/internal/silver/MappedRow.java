package io.medallion.core.internal.silver;

import io.medallion.quality.FailedRule;
import io.medallion.quality.RowView;
import java.util.List;
import java.util.Map;

/**
 * One record mapped to a silver table's user columns.
 *
 * @param values the typed values, in column order
 * @param typeErrors values that could not be converted, each a {@link FailedRule#typeProblem}
 * @param index column name to position
 */
public record MappedRow(Object[] values, List<FailedRule> typeErrors, Map<String, Integer> index)
    implements RowView {

  @Override
  public Object get(String column) {
    Integer position = index.get(column);
    return position == null ? null : values[position];
  }
}
