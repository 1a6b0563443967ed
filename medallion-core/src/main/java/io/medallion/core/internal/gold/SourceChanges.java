package io.medallion.core.internal.gold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DeleteSchemaUtil;
import org.apache.iceberg.util.SnapshotUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What changed in a source table between the snapshot a gold table consumed and the current one, as
 * silver writes it: rows appended, and rows removed through positional deletes. The live rows at
 * the head are the live rows at the consumed snapshot, plus every row of the data files added in
 * between, minus every row a positional delete added in between points at; a row added and removed
 * in the range is in both and cancels out.
 *
 * <p>Anything else makes the change set unknown, and the caller recomputes in full: no consumed
 * snapshot, one that expired or is not an ancestor of the head, equality deletes, data or delete
 * files removed by a commit that changes data, a file not in Parquet. A {@code replace} commit
 * (compaction) changes no data and is skipped: its rewritten files hold rows already counted, and a
 * later delete pointing into them removes a row that was live.
 *
 * <pre>{@code
 * SourceChanges.between(silver, consumed, silver.currentSnapshot())
 *     .ifPresent(changes -> changes.added(projection, row -> ...));
 * }</pre>
 */
public final class SourceChanges {
  private static final Logger LOG = LoggerFactory.getLogger(SourceChanges.class);

  private final Table table;
  private final List<DataFile> added;
  private final List<DeleteFile> deletes;

  private SourceChanges(Table table, List<DataFile> added, List<DeleteFile> deletes) {
    this.table = table;
    this.added = added;
    this.deletes = deletes;
  }

  /**
   * Lists the changes after a consumed snapshot up to a head.
   *
   * @param table the source table
   * @param consumed the snapshot consumed, or null when nothing was
   * @param head the snapshot to bring the consumer up to
   * @return the changes, or empty when they are not appends and positional deletes only
   */
  public static Optional<SourceChanges> between(Table table, Long consumed, Snapshot head) {
    if (consumed == null
        || table.snapshot(consumed) == null
        || !SnapshotUtil.isAncestorOf(table, head.snapshotId(), consumed)) {
      LOG.info(
          "{}: snapshot {} is not in the history of {}", table.name(), consumed, head.snapshotId());
      return Optional.empty();
    }
    List<DataFile> added = new ArrayList<>();
    List<DeleteFile> deletes = new ArrayList<>();
    for (Snapshot snapshot : SnapshotUtil.ancestorsBetween(table, head.snapshotId(), consumed)) {
      String operation = snapshot.operation();
      if (DataOperations.REPLACE.equals(operation)) {
        continue;
      }
      SnapshotChanges changes = SnapshotChanges.builderFor(table).snapshot(snapshot).build();
      String refused = refusal(operation, changes);
      if (refused != null) {
        LOG.info("{}: snapshot {} {}", table.name(), snapshot.snapshotId(), refused);
        return Optional.empty();
      }
      changes.addedDataFiles().forEach(added::add);
      changes.addedDeleteFiles().forEach(deletes::add);
    }
    return Optional.of(new SourceChanges(table, added, deletes));
  }

  /** Why a snapshot's changes cannot be followed, or null when they can. */
  private static String refusal(String operation, SnapshotChanges changes) {
    if (!DataOperations.APPEND.equals(operation)
        && !DataOperations.OVERWRITE.equals(operation)
        && !DataOperations.DELETE.equals(operation)) {
      return "is a '" + operation + "' commit";
    }
    if (changes.removedDataFiles().iterator().hasNext()
        || changes.removedDeleteFiles().iterator().hasNext()) {
      return "removed whole files";
    }
    for (DataFile file : changes.addedDataFiles()) {
      if (file.format() != FileFormat.PARQUET) {
        return "added a " + file.format() + " data file";
      }
    }
    for (DeleteFile file : changes.addedDeleteFiles()) {
      if (file.content() != FileContent.POSITION_DELETES || file.format() != FileFormat.PARQUET) {
        return "added " + file.content() + " in " + file.format();
      }
    }
    return null;
  }

  /**
   * Tells whether nothing was added or removed.
   *
   * @return true for no change
   */
  public boolean isEmpty() {
    return added.isEmpty() && deletes.isEmpty();
  }

  /**
   * How many rows the added data files hold.
   *
   * @return the count, from the files' metadata
   */
  public long addedRows() {
    return added.stream().mapToLong(DataFile::recordCount).sum();
  }

  /**
   * Streams every row of the added data files.
   *
   * @param projection the columns to read
   * @param row receives each row
   * @return the rows read
   */
  public long added(Schema projection, Consumer<Record> row) {
    long read = 0;
    for (DataFile file : added) {
      read += DataFileRows.read(table, file.location(), projection, row);
    }
    return read;
  }

  /**
   * Streams every row the added positional deletes point at, read from its data file.
   *
   * @param projection the columns to read
   * @param row receives each row
   * @return the rows read
   */
  public long removed(Schema projection, Consumer<Record> row) {
    Schema withPosition = DataFileRows.withPosition(projection);
    int position = withPosition.columns().size() - 1;
    long read = 0;
    for (Map.Entry<String, long[]> target : deletedPositions().entrySet()) {
      long[] positions = target.getValue();
      int[] next = {0};
      DataFileRows.read(
          table,
          target.getKey(),
          withPosition,
          record -> {
            long at = (Long) record.get(position);
            while (next[0] < positions.length && positions[next[0]] < at) {
              next[0]++;
            }
            if (next[0] < positions.length && positions[next[0]] == at) {
              row.accept(record);
            }
          });
      read += positions.length;
    }
    return read;
  }

  /** The positions deleted, sorted and distinct, by data file location. */
  private Map<String, long[]> deletedPositions() {
    Schema pathPos = DeleteSchemaUtil.pathPosSchema();
    Map<String, PositionList> byFile = new HashMap<>();
    for (DeleteFile file : deletes) {
      DataFileRows.read(
          table,
          file.location(),
          pathPos,
          record ->
              byFile
                  .computeIfAbsent(
                      (String) record.getField(MetadataColumns.DELETE_FILE_PATH.name()),
                      path -> new PositionList())
                  .add((Long) record.getField(MetadataColumns.DELETE_FILE_POS.name())));
    }
    Map<String, long[]> sorted = new HashMap<>(byFile.size() * 2);
    byFile.forEach((path, positions) -> sorted.put(path, positions.sortedDistinct()));
    return sorted;
  }

  /** A growable list of primitive positions: a run may delete millions. */
  private static final class PositionList {
    private long[] values = new long[16];
    private int size;

    void add(long position) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = position;
    }

    long[] sortedDistinct() {
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      return Arrays.stream(sorted).distinct().toArray();
    }
  }
}
