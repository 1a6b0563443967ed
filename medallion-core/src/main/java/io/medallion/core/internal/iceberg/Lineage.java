package io.medallion.core.internal.iceberg;

import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Reads which upstream snapshot a table has consumed: every medallion commit records it in the
 * snapshot summary, in the same atomic commit as the data, so the newest ancestor carrying the key
 * is the truth even after a crash.
 */
public final class Lineage {
  private Lineage() {}

  /**
   * Returns the source-marker entries under a prefix as the newest snapshot holding any of them
   * recorded them (see {@link io.medallion.core.spi.SourceMarker}).
   *
   * @param table the table, as loaded or refreshed by the caller
   * @param prefix the source's key prefix
   * @return the entries, empty when no snapshot in the table's history has one
   */
  public static Map<String, String> sourceMarkers(Table table, String prefix) {
    for (Snapshot snapshot : ancestors(table)) {
      Map<String, String> entries = new TreeMap<>();
      snapshot
          .summary()
          .forEach(
              (key, value) -> {
                if (key.startsWith(prefix)) {
                  entries.put(key, value);
                }
              });
      if (!entries.isEmpty()) {
        return entries;
      }
    }
    return Map.of();
  }

  /**
   * Returns the upstream snapshot a table has consumed.
   *
   * @param table the downstream table
   * @param upstream the upstream table's qualified name
   * @return the snapshot id, or null when nothing was consumed yet
   */
  public static Long consumed(Table table, String upstream) {
    String key = TableProperties.consumedKey(upstream);
    for (Snapshot snapshot : ancestors(table)) {
      String value = snapshot.summary().get(key);
      if (value != null) {
        return Long.parseLong(value);
      }
    }
    return null;
  }

  /**
   * Returns the table's current snapshot and its ancestors, newest first.
   *
   * @param table the table, refreshed by the caller when it matters
   * @return the snapshots; empty for a table without snapshots
   */
  public static Iterable<Snapshot> ancestors(Table table) {
    Snapshot current = table.currentSnapshot();
    return current == null
        ? java.util.List.of()
        : SnapshotUtil.ancestorsOf(current.snapshotId(), table::snapshot);
  }

  /**
   * Tells whether snapshot {@code later} comes after {@code earlier} in a table's history.
   *
   * @param table the table
   * @param later a snapshot id
   * @param earlier a snapshot id, or null for "before the first snapshot"
   * @return true when {@code later} descends from {@code earlier} and differs from it
   */
  public static boolean isAfter(Table table, long later, Long earlier) {
    if (earlier == null) {
      return true;
    }
    return later != earlier && SnapshotUtil.isAncestorOf(table, later, earlier);
  }

  /**
   * Returns the data files a snapshot added, read from its manifests.
   *
   * @param table the table the snapshot belongs to
   * @param snapshot one of its snapshots
   * @return the added data files
   */
  public static Iterable<DataFile> addedDataFiles(Table table, Snapshot snapshot) {
    return SnapshotChanges.builderFor(table).snapshot(snapshot).build().addedDataFiles();
  }
}
