package io.medallion.core.internal.gold;

import io.medallion.MedallionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The rows a gold table holds at one snapshot, file by file, so that an incremental run can rewrite
 * only the files whose rows changed. Gold is small next to its source: one row per group.
 *
 * <pre>{@code
 * StoredGold.read(gold, base).ifPresent(stored -> stored.files().forEach(f -> ...));
 * }</pre>
 */
final class StoredGold {
  /** One data file and its rows, each in the table's column order. */
  record StoredFile(DataFile file, List<Object[]> rows) {}

  private final List<StoredFile> files;

  private StoredGold(List<StoredFile> files) {
    this.files = files;
  }

  /**
   * Reads every row of a snapshot.
   *
   * @param table the gold table
   * @param snapshot the snapshot the run read
   * @return the rows, or empty when some file has deletes or is not Parquet (then the caller
   *     recomputes in full)
   */
  static Optional<StoredGold> read(Table table, long snapshot) {
    Schema schema = table.schema();
    int width = schema.columns().size();
    List<StoredFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks =
        table.newScan().useSnapshot(snapshot).planFiles()) {
      for (FileScanTask task : tasks) {
        if (!task.deletes().isEmpty() || task.file().format() != FileFormat.PARQUET) {
          return Optional.empty();
        }
        List<Object[]> rows = new ArrayList<>();
        DataFileRows.read(
            table,
            task.file().location(),
            schema,
            record -> {
              Object[] row = new Object[width];
              for (int i = 0; i < width; i++) {
                row[i] = record.get(i);
              }
              rows.add(row);
            });
        files.add(new StoredFile(task.file(), rows));
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + table.name() + ": " + e.getMessage(), e);
    }
    return Optional.of(new StoredGold(files));
  }

  List<StoredFile> files() {
    return files;
  }
}
