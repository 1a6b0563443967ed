package io.medallion.core.internal.observe;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.iceberg.TableLayout;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.schema.Column;
import io.medallion.schema.PartitionField;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * A log table (run log, alert log) a runtime appends to, loaded once and kept. An append needs no
 * fresh view of it (a commit that finds the table moved is retried on the newer version), and
 * loading it again for each run would, while the object store is down, add Iceberg's metadata read
 * retries (a minute and more) to every failing run before its failure reaches the caller.
 *
 * <pre>{@code
 * LogTableHandle runLog = new LogTableHandle(store, RunLogTable.LAYOUT);
 * runLog.append(table -> RunLogTable.append(table, rows));
 * }</pre>
 */
public final class LogTableHandle {
  private final TableStore store;
  private final TableLayout layout;
  private volatile Table table;

  /**
   * Returns the layout of a log table: in the metrics layer, partitioned by the day of a time
   * column, belonging to no pipeline.
   *
   * @param id the table
   * @param columns its columns
   * @param dayColumn the time column whose day partitions it
   * @param kind the table's {@link TableProperties#LAYER} value, e.g. {@code run_log}
   * @param comment what one row is
   * @return the layout
   */
  public static TableLayout layout(
      TableId id, List<Column> columns, String dayColumn, String kind, String comment) {
    return new TableLayout(
        id,
        Layer.METRICS,
        columns,
        List.of(PartitionField.day(dayColumn)),
        Map.of(
            TableProperties.LAYER,
            kind,
            TableLayouts.COMMENT,
            comment,
            TableLayouts.SOURCE,
            "medallion runtimes"),
        Map.of());
  }

  /**
   * Appends to a table of a runtime's catalog, creating it on first use.
   *
   * @param store the runtime's tables
   * @param layout the log table's layout
   */
  public LogTableHandle(TableStore store, TableLayout layout) {
    this.store = store;
    this.layout = layout;
  }

  /**
   * Hands the table to an append, creating or loading it first when needed.
   *
   * @param append writes and commits rows
   * @throws RuntimeException what the append or the catalog threw; a table dropped since it was
   *     loaded is created again by the next call
   */
  public void append(Consumer<Table> append) {
    try {
      Table loaded = table;
      if (loaded == null) {
        loaded = store.ensure(layout);
        table = loaded;
      }
      append.accept(loaded);
    } catch (NoSuchTableException e) {
      table = null;
      throw e;
    }
  }
}
