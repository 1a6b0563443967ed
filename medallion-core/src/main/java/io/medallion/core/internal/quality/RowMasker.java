package io.medallion.core.internal.quality;

import io.medallion.quality.RowView;
import io.medallion.schema.Column;
import io.medallion.table.SilverTable;
import java.util.List;
import java.util.Map;

/**
 * Masks the values of a row for report samples.
 *
 * <pre>{@code
 * RowMasker masker = new SampleMasking();
 * Map<String, String> shown = masker.mask(users, columns, row);
 * }</pre>
 */
@FunctionalInterface
public interface RowMasker {
  /**
   * Masks a row.
   *
   * @param table the silver table, which says which columns may be shown
   * @param columns the user columns
   * @param row the typed row
   * @return column name to masked text
   */
  Map<String, String> mask(SilverTable table, List<Column> columns, RowView row);
}
