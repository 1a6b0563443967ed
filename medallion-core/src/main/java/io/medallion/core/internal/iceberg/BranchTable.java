package io.medallion.core.internal.iceberg;

import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.DeleteFiles;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.ReplacePartitions;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;

/**
 * A table seen through one of its branches: the branch's head is its current snapshot (so scans,
 * lineage look-ups and commit checks follow the branch), and every snapshot update commits to the
 * branch. Until the branch exists it shows the main branch, and the first commit creates the branch
 * from main's head, as Iceberg does for any commit to a missing branch. Other engines see the same
 * branch, since it is an ordinary Iceberg ref.
 *
 * <pre>{@code
 * Table audit = BranchTable.of(catalog.loadTable(id), "audit-20261203T174900Z-3f2a9c1d");
 * audit.newAppend().appendFile(file).commit(); // lands on the branch, main is untouched
 * }</pre>
 */
public final class BranchTable extends BaseTable {
  /** The branch read and written. */
  private final String branch;

  private BranchTable(Table table, String branch) {
    super(((HasTableOperations) table).operations(), table.name());
    this.branch = branch;
  }

  /**
   * Returns a table whose reads and writes use a branch.
   *
   * @param table a catalog table (every catalog's tables expose their operations)
   * @param branch the branch, created by the first commit if missing
   * @return the branch view; refreshing it refreshes the table it was made from
   */
  public static Table of(Table table, String branch) {
    return new BranchTable(table, branch);
  }

  /**
   * Returns the branch this view reads and writes.
   *
   * @return the branch name
   */
  public String branch() {
    return branch;
  }

  @Override
  public Snapshot currentSnapshot() {
    SnapshotRef ref = refs().get(branch);
    return ref == null ? super.currentSnapshot() : snapshot(ref.snapshotId());
  }

  @Override
  public AppendFiles newAppend() {
    return super.newAppend().toBranch(branch);
  }

  @Override
  public AppendFiles newFastAppend() {
    return super.newFastAppend().toBranch(branch);
  }

  @Override
  public RowDelta newRowDelta() {
    return super.newRowDelta().toBranch(branch);
  }

  @Override
  public OverwriteFiles newOverwrite() {
    return super.newOverwrite().toBranch(branch);
  }

  @Override
  public RewriteFiles newRewrite() {
    return super.newRewrite().toBranch(branch);
  }

  @Override
  public DeleteFiles newDelete() {
    return super.newDelete().toBranch(branch);
  }

  @Override
  public ReplacePartitions newReplacePartitions() {
    return super.newReplacePartitions().toBranch(branch);
  }
}
