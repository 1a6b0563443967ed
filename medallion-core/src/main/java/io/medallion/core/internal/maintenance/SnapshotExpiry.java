package io.medallion.core.internal.maintenance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.ExpireSnapshots;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Chooses and expires a table's old snapshots: older than the age limit, not among the newest kept,
 * not pinned by incremental processing and not reachable from any other branch or tag.
 */
final class SnapshotExpiry {
  /** The snapshots chosen, and how many past the age limit were kept because they are pinned. */
  record Plan(List<Long> expired, int pinnedPastAge) {}

  private SnapshotExpiry() {}

  static Plan plan(Table table, List<Snapshot> pinned, int retainLast, long olderThanMillis) {
    Set<Long> keep = new HashSet<>();
    int kept = 0;
    for (Snapshot ancestor : SnapshotUtil.currentAncestors(table)) {
      if (kept++ < retainLast) {
        keep.add(ancestor.snapshotId());
      }
    }
    for (SnapshotRef ref : table.refs().values()) {
      if (ref.isTag()) {
        keep.add(ref.snapshotId());
      } else if (ref.snapshotId() != currentId(table)) {
        SnapshotUtil.ancestorIds(table.snapshot(ref.snapshotId()), table::snapshot)
            .forEach(keep::add);
      }
    }
    List<Long> expired = new ArrayList<>();
    int pinnedPastAge = 0;
    Set<Long> pinnedIds = new HashSet<>();
    pinned.forEach(s -> pinnedIds.add(s.snapshotId()));
    for (Snapshot snapshot : table.snapshots()) {
      if (snapshot.timestampMillis() >= olderThanMillis || keep.contains(snapshot.snapshotId())) {
        continue;
      }
      if (pinnedIds.contains(snapshot.snapshotId())) {
        pinnedPastAge++;
      } else {
        expired.add(snapshot.snapshotId());
      }
    }
    return new Plan(expired, pinnedPastAge);
  }

  /** Expires the planned snapshots and deletes the files only they referenced. */
  static void apply(Table table, Plan plan) {
    if (plan.expired().isEmpty()) {
      return;
    }
    // Iceberg also expires, by default, whatever its own age retention (history.expire.*) does
    // not keep, pinned or not: an age of 0 leaves only the snapshots planned here.
    ExpireSnapshots expire = table.expireSnapshots().expireOlderThan(0L);
    plan.expired().forEach(expire::expireSnapshotId);
    expire.commit();
  }

  private static long currentId(Table table) {
    Snapshot current = table.currentSnapshot();
    return current == null ? -1 : current.snapshotId();
  }
}
