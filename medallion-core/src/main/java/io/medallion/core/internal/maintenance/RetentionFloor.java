package io.medallion.core.internal.maintenance;

import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.core.spi.SourceMarker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Finds the oldest snapshot of a table that must survive expiry, so that incremental processing
 * still works afterwards. Two kinds of snapshot are needed: the one each downstream table has
 * consumed (it reads appends after it, so that snapshot and every later one must exist), and, for
 * the table's own upstreams and sources (Kafka offsets), the newest snapshot carrying each consumed
 * or source marker (a marker is found by walking back from the current snapshot, so the walk must
 * not be cut before it).
 */
final class RetentionFloor {
  private RetentionFloor() {}

  /**
   * Returns the table's main-branch ancestors, newest first, that must be kept.
   *
   * @param table the table
   * @param name its id as text ({@code namespace.name}), as markers name it
   * @param tables every table of the pipeline by id as text
   * @return the pinned ancestors, newest first; empty for a table without snapshots
   */
  static List<Snapshot> pinned(Table table, String name, Map<String, Table> tables) {
    List<Snapshot> ancestors = new ArrayList<>();
    Lineage.ancestors(table).forEach(ancestors::add);
    int oldest = -1;
    for (Map.Entry<String, Table> other : tables.entrySet()) {
      if (!other.getKey().equals(name)) {
        oldest = Math.max(oldest, indexOf(ancestors, Lineage.consumed(other.getValue(), name)));
      }
    }
    oldest = Math.max(oldest, newestMarkerIndex(ancestors, consumedKeys(tables.keySet(), name)));
    return oldest < 0 ? List.of() : List.copyOf(ancestors.subList(0, oldest + 1));
  }

  private static Set<String> consumedKeys(Collection<String> upstreams, String self) {
    Set<String> keys = new HashSet<>();
    for (String upstream : upstreams) {
      if (!upstream.equals(self)) {
        keys.add(TableProperties.consumedKey(upstream));
      }
    }
    return keys;
  }

  /** Index of the oldest snapshot among the newest ones carrying each key present in history. */
  private static int newestMarkerIndex(List<Snapshot> ancestors, Set<String> keys) {
    Set<String> found = new HashSet<>();
    int oldest = -1;
    for (int i = 0; i < ancestors.size(); i++) {
      for (String key : ancestors.get(i).summary().keySet()) {
        boolean marker =
            keys.contains(key)
                || (key.startsWith(TableProperties.SOURCE_PREFIX)
                    && !key.contains(SourceMarker.NOTE));
        if (marker && found.add(key)) {
          oldest = i;
        }
      }
    }
    return oldest;
  }

  private static int indexOf(List<Snapshot> ancestors, Long snapshotId) {
    if (snapshotId == null) {
      return -1;
    }
    for (int i = 0; i < ancestors.size(); i++) {
      if (ancestors.get(i).snapshotId() == snapshotId) {
        return i;
      }
    }
    return -1;
  }
}
