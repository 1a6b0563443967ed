package io.medallion.core.internal.silver;

import io.medallion.MedallionException;
import io.medallion.TableId;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.ValidationException;

/** How a silver table's batch commits: alone, or not at all. */
final class Commits {
  private final TableId table;

  Commits(TableId table) {
    this.table = table;
  }

  /**
   * Fails the commit if data files were added since the snapshot the batch started from (the table
   * as it was refreshed before reading upstream), or since the table began.
   */
  static void validateNoneAddedSince(RowDelta delta, Snapshot base) {
    if (base != null) {
      delta.validateFromSnapshot(base.snapshotId());
    }
    delta.validateNoConflictingDataFiles();
  }

  /** Commits, turning a lost race with another runtime into a message that says what to do. */
  void commitAlone(RowDelta delta, Table target) {
    try {
      delta.commit();
    } catch (ValidationException e) {
      throw new MedallionException(
          "Cannot commit "
              + table
              + ": another runtime committed rows to "
              + target.name()
              + " while this run processed the same upstream range; this run committed nothing"
              + " there, run again to process what is still new ("
              + e.getMessage()
              + ")",
          e);
    }
  }
}
