package io.medallion.maintenance;

import io.medallion.TableId;
import java.util.List;
import java.util.Objects;

/**
 * What maintenance did (or, in a dry run, would do) to one table.
 *
 * <pre>{@code
 * TableMaintenance done = report.table(TableId.of("bronze", "users"));
 * done.snapshotsExpired(); // ids of the snapshots expired
 * }</pre>
 *
 * @param table the table
 * @param snapshotsExpired ids of the snapshots expired
 * @param snapshotsPinned how many snapshots past the age limit were kept because a downstream table
 *     resumes from them
 * @param orphanFiles files under the table's location that no snapshot or metadata file references
 * @param filesCompacted small data files merged away
 * @param filesWritten data files their rows were merged into
 */
public record TableMaintenance(
    TableId table,
    List<Long> snapshotsExpired,
    int snapshotsPinned,
    List<String> orphanFiles,
    int filesCompacted,
    int filesWritten) {

  /**
   * Copies the lists.
   *
   * @param table the table
   * @param snapshotsExpired expired snapshot ids
   * @param snapshotsPinned snapshots kept for downstream tables
   * @param orphanFiles unreferenced files
   * @param filesCompacted files merged away
   * @param filesWritten files written
   */
  public TableMaintenance {
    Objects.requireNonNull(table, "table");
    snapshotsExpired = List.copyOf(snapshotsExpired);
    orphanFiles = List.copyOf(orphanFiles);
  }
}
