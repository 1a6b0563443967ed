package io.medallion.core.internal.silver;

import java.util.function.Consumer;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * How a silver or quarantine batch commits: alone, or not at all. The batch's row delta fails its
 * validation when data files were added since the snapshot the batch started from (the table as it
 * was refreshed before reading upstream), or since the table began: two runtimes processing the
 * same range would otherwise both add its rows. A commit that lost a race to a change that leaves
 * the validation holding is retried by {@link io.medallion.core.internal.iceberg.Commits}; one
 * whose validation fails is a {@link io.medallion.core.CommitConflictException} that says to run
 * again.
 */
final class BatchCommits {
  private BatchCommits() {}

  /**
   * Commits a batch to its table, validated against the table as the batch found it.
   *
   * @param target the silver or quarantine table, not refreshed since the batch started
   * @param batch adds the batch's files, further validations and summary entries to a fresh delta;
   *     called once per attempt
   * @return the snapshot the commit made
   */
  static Snapshot commitAlone(Table target, Consumer<RowDelta> batch) {
    Snapshot base = target.currentSnapshot();
    return io.medallion.core.internal.iceberg.Commits.commit(
        target,
        () -> {
          RowDelta delta = target.newRowDelta();
          if (base != null) {
            delta.validateFromSnapshot(base.snapshotId());
          }
          delta.validateNoConflictingDataFiles();
          batch.accept(delta);
          return delta;
        });
  }
}
