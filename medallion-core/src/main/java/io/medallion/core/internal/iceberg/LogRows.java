package io.medallion.core.internal.iceberg;

import io.medallion.MedallionException;
import io.medallion.TableId;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The rows of a log table (run log, alert log, metrics history): appended a batch at a time in one
 * commit, and scanned back. An append stays valid whoever committed meanwhile, so {@link Commits}
 * retries it when it loses a race with another runtime.
 *
 * <pre>{@code
 * LogRows.append(table, entries, (entry, row) -> row.setField("run_id", entry.runId()), Map.of());
 * LogRows.scan(table, "table_name", users, RunLogTable::entry, rows::add);
 * }</pre>
 */
public final class LogRows {
  private LogRows() {}

  /**
   * Writes the rows and commits them.
   *
   * @param table the table
   * @param values the values, one row each
   * @param fill sets a row's fields from its value; the row starts with every field null
   * @param summary entries for the snapshot summary
   * @param <T> a value
   */
  public static <T> void append(
      Table table, Collection<T> values, BiConsumer<T, Record> fill, Map<String, String> summary) {
    try (RecordWriter writer = new RecordWriter(table)) {
      Record template = GenericRecord.create(table.schema());
      for (T value : values) {
        Record row = template.copy();
        fill.accept(value, row);
        writer.write(row);
      }
      List<DataFile> files = writer.finish();
      Commits.commit(
          table,
          () -> {
            AppendFiles append = table.newAppend();
            files.forEach(append::appendFile);
            summary.forEach(append::set);
            return append;
          });
    }
  }

  /**
   * Reads the rows, all or those of one table, unordered.
   *
   * @param table the log table
   * @param tableColumn the column naming the table a row is about
   * @param of the table whose rows to read, or null for every row
   * @param value turns a row into its value
   * @param each receives every value
   * @param <T> a value
   */
  public static <T> void scan(
      Table table, String tableColumn, TableId of, Function<Record, T> value, Consumer<T> each) {
    table.refresh();
    if (table.currentSnapshot() == null) {
      return;
    }
    Expression filter =
        of == null ? Expressions.alwaysTrue() : Expressions.equal(tableColumn, of.toString());
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).where(filter).build()) {
      for (Record row : rows) {
        each.accept(value.apply(row));
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + table.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads back a value a log row stores by its label, such as a status or a kind.
   *
   * @param table the log table, named in the error
   * @param row the row
   * @param column the column holding the label
   * @param values every value there is
   * @param label each value's label
   * @param <E> the values' type
   * @return the value with the row's label
   * @throws MedallionException naming the table, column and label when no value has it: the row was
   *     written by a newer version
   */
  public static <E> E labelled(
      TableId table, Record row, String column, E[] values, Function<E, String> label) {
    Object stored = row.getField(column);
    for (E value : values) {
      if (label.apply(value).equals(stored)) {
        return value;
      }
    }
    throw new MedallionException(
        "A row of "
            + table
            + " has "
            + column
            + " '"
            + stored
            + "', which this version of medallion does not know; read it with a newer version");
  }
}
