package io.medallion.core;

import io.medallion.Layer;
import io.medallion.TableId;
import java.util.ArrayList;
import java.util.List;

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
 * @param skipped source parts an ingestion skipped because an earlier batch loaded them
 */
public record TableRun(
    TableId table,
    Layer layer,
    long read,
    long written,
    long quarantined,
    long duplicates,
    long replaced,
    long snapshotId,
    List<Skipped> skipped) {

  /**
   * Copies the skipped parts.
   *
   * @param table the table
   * @param layer its layer
   * @param read upstream rows read
   * @param written rows written
   * @param quarantined rows quarantined
   * @param duplicates rows dropped as duplicates
   * @param replaced rows replaced
   * @param snapshotId the committed snapshot, or -1
   * @param skipped source parts skipped
   */
  public TableRun {
    skipped = List.copyOf(skipped);
  }

  /**
   * A source part that an ingestion did not load again, as Snowflake's COPY skips files its load
   * metadata lists.
   *
   * <pre>{@code
   * run.skipped().get(0).toString(); // "skipped users.json: already loaded in snapshot 42"
   * }</pre>
   *
   * @param source the part's name
   * @param snapshotId the bronze snapshot that loaded it
   */
  public record Skipped(String source, long snapshotId) {
    @Override
    public String toString() {
      return "skipped " + source + ": already loaded in snapshot " + snapshotId;
    }
  }

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
    return new TableRun(table, layer, 0, 0, 0, 0, 0, -1, List.of());
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
        later.committed() ? later.snapshotId : snapshotId,
        concat(skipped, later.skipped));
  }

  private static List<Skipped> concat(List<Skipped> first, List<Skipped> second) {
    List<Skipped> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
