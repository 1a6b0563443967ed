package io.medallion.core.internal.gold;

import io.medallion.core.internal.iceberg.Commits;
import io.medallion.core.internal.iceberg.TableProperties;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;

/**
 * Commits new gold contents in one commit that records what it consumed: the whole table replaced,
 * or only the files holding changed rows (copy-on-write, never equality deletes, so every reader,
 * Snowflake included, reads the result). The commit validates against the snapshot the run read, so
 * a table another writer changed meanwhile fails as a conflict instead of being overwritten.
 *
 * <pre>{@code
 * Snapshot done = GoldCommit.replaceAll(table, base, files, rows, Map.of("silver.users", 42L));
 * }</pre>
 */
public final class GoldCommit {
  private GoldCommit() {}

  /**
   * Commits the files as the table's only contents.
   *
   * @param table the gold table
   * @param base the snapshot the run read, or null when the table was empty
   * @param files the new data files
   * @param rows how many rows they hold
   * @param consumed the snapshot consumed of each table read, by table name
   * @param notes further snapshot summary entries
   * @return the committed snapshot
   */
  public static Snapshot replaceAll(
      Table table,
      Long base,
      List<DataFile> files,
      long rows,
      Map<String, Long> consumed,
      Map<String, String> notes) {
    return commit(table, base, List.of(), files, rows, consumed, notes, true);
  }

  /**
   * Replaces some data files by others: the files holding rows that changed, by files holding their
   * unchanged rows and the new ones. With no file at all it still records what was consumed.
   *
   * @param table the gold table
   * @param base the snapshot the run read
   * @param removed the data files replaced
   * @param added the new data files
   * @param rows how many rows the new files hold
   * @param consumed the snapshot consumed of each table read, by table name
   * @param notes further snapshot summary entries
   * @return the committed snapshot
   */
  public static Snapshot replaceFiles(
      Table table,
      long base,
      List<DataFile> removed,
      List<DataFile> added,
      long rows,
      Map<String, Long> consumed,
      Map<String, String> notes) {
    return commit(table, base, removed, added, rows, consumed, notes, false);
  }

  private static Snapshot commit(
      Table table,
      Long base,
      List<DataFile> removed,
      List<DataFile> added,
      long rows,
      Map<String, Long> consumed,
      Map<String, String> notes,
      boolean all) {
    Snapshot committed =
        Commits.commit(
            table,
            () -> {
              OverwriteFiles replace = table.newOverwrite();
              if (all) {
                replace.overwriteByRowFilter(Expressions.alwaysTrue());
              }
              if (base != null) {
                replace.validateFromSnapshot(base).validateNoConflictingData();
                replace.validateNoConflictingDeletes();
              }
              removed.forEach(replace::deleteFile);
              added.forEach(replace::addFile);
              consumed.forEach(
                  (name, snapshot) ->
                      replace.set(TableProperties.consumedKey(name), Long.toString(snapshot)));
              notes.forEach(replace::set);
              replace.set(TableProperties.ROWS_WRITTEN, Long.toString(rows));
              return replace;
            });
    GoldCommitHook.committed(table);
    return committed;
  }
}
