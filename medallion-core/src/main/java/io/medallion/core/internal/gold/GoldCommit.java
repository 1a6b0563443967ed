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
 * Replaces a whole gold table with new files in one commit that records what it consumed. The
 * commit validates against the snapshot the run read, so a table another writer changed meanwhile
 * fails as a conflict instead of being overwritten.
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
    return Commits.commit(
        table,
        () -> {
          OverwriteFiles replace =
              table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
          if (base != null) {
            replace.validateFromSnapshot(base).validateNoConflictingData();
          }
          files.forEach(replace::addFile);
          consumed.forEach(
              (name, snapshot) ->
                  replace.set(TableProperties.consumedKey(name), Long.toString(snapshot)));
          notes.forEach(replace::set);
          replace.set(TableProperties.ROWS_WRITTEN, Long.toString(rows));
          return replace;
        });
  }
}
