package io.medallion.core.internal.bronze;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * What earlier batches loaded into a bronze table. Each bronze commit lists the source parts it
 * loaded in its snapshot summary, in the same atomic commit as their rows, so a part loaded again
 * is recognised from snapshot summaries alone, which the table metadata already holds: no data file
 * is read. Expiring a snapshot forgets what it loaded.
 */
final class LoadHistory {
  private static final String PREFIX = "medallion.loaded.";
  private static final String SOURCE = ".source";
  private static final String FINGERPRINT = ".fingerprint";

  /** Source, then fingerprint, to the first snapshot that loaded it. */
  private final Map<String, Map<String, Long>> loaded = new HashMap<>();

  private LoadHistory() {}

  /**
   * Reads what a bronze table's snapshots loaded.
   *
   * @param bronze the table
   * @return its history
   */
  static LoadHistory of(Table bronze) {
    LoadHistory history = new LoadHistory();
    for (Snapshot snapshot : bronze.snapshots()) {
      Map<String, String> summary = snapshot.summary();
      for (int i = 0; summary.containsKey(PREFIX + i + SOURCE); i++) {
        history
            .loaded
            .computeIfAbsent(summary.get(PREFIX + i + SOURCE), source -> new HashMap<>())
            .merge(summary.get(PREFIX + i + FINGERPRINT), snapshot.snapshotId(), Math::min);
      }
    }
    return history;
  }

  /**
   * Returns the snapshot that loaded a part.
   *
   * @param part the part's source and fingerprint
   * @return the snapshot id, or empty when no batch loaded it
   */
  OptionalLong snapshotOf(LoadedPart part) {
    Long snapshot = loaded.getOrDefault(part.source(), Map.of()).get(part.fingerprint());
    return snapshot == null ? OptionalLong.empty() : OptionalLong.of(snapshot);
  }

  /**
   * Tells whether a batch loaded something from this source whose fingerprint starts so, e.g. a
   * file of the same size, before paying for a content hash.
   */
  boolean loadedLike(String source, String fingerprintPrefix) {
    return loaded.getOrDefault(source, Map.of()).keySet().stream()
        .anyMatch(fingerprint -> fingerprint.startsWith(fingerprintPrefix));
  }

  /**
   * Lists loaded parts in a commit's snapshot summary.
   *
   * @param append the bronze commit
   * @param parts what it loads
   */
  static void record(AppendFiles append, List<LoadedPart> parts) {
    for (int i = 0; i < parts.size(); i++) {
      append.set(PREFIX + i + SOURCE, parts.get(i).source());
      append.set(PREFIX + i + FINGERPRINT, parts.get(i).fingerprint());
    }
  }
}
