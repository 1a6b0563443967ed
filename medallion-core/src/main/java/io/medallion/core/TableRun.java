package io.medallion.core;

import io.medallion.Layer;
import io.medallion.TableId;

/**
 * What one run did to one table. For silver, {@code read = written + quarantined + duplicates}.
 *
 * <pre>{@code
 * TableRun users = result.table(TableId.of("silver", "users"));
 * assert users.read() == users.written() + users.quarantined() + users.duplicates();
 * }</pre>
 *
 * @param table the table
 * @param layer its layer
 * @param read upstream rows (or input records) read
 * @param written rows written to the table
 * @param quarantined rows sent to quarantine (silver) or dead letters (bronze)
 * @param duplicates rows dropped because a later record of the same key won
 * @param replaced existing rows replaced by newer ones (silver) or rewritten (gold)
 * @param snapshotId the committed snapshot, or -1 when nothing was committed
 */
public record TableRun(
    TableId table,
    Layer layer,
    long read,
    long written,
    long quarantined,
    long duplicates,
    long replaced,
    long snapshotId) {

  /**
   * Tells whether the run committed a snapshot to the table.
   *
   * @return true when something was committed
   */
  public boolean committed() {
    return snapshotId >= 0;
  }

  /**
   * Returns an entry for a table the run left as it was.
   *
   * @param table the table
   * @param layer its layer
   * @return the entry, with zero counts and no snapshot
   */
  public static TableRun unchanged(TableId table, Layer layer) {
    return new TableRun(table, layer, 0, 0, 0, 0, 0, -1);
  }

  /**
   * Adds the counts of a later pass over the same table.
   *
   * @param later the later pass
   * @return the combined entry, with the later snapshot when it committed one
   */
  public TableRun plus(TableRun later) {
    return new TableRun(
        table,
        layer,
        read + later.read,
        written + later.written,
        quarantined + later.quarantined,
        duplicates + later.duplicates,
        replaced + later.replaced,
        later.committed() ? later.snapshotId : snapshotId);
  }
}
