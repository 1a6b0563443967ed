package io.medallion.core.internal.gold;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.TableId;
import io.medallion.core.TableRun;
import io.medallion.core.internal.iceberg.Commits;
import io.medallion.core.internal.iceberg.TableProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.types.Types;

/**
 * The rows of some keys in a gold table that holds rows per key (a dimension's members, a fact
 * table's grain): read with where each one is, and replaced in one commit by positional deletes of
 * the old rows and a new file of the new ones. Never equality deletes: Snowflake cannot read them.
 *
 * <pre>{@code
 * Map<List<Object>, List<KeyedRows.Stored>> held = KeyedRows.read(dim, base, List.of("user_id"), keys);
 * KeyedRows.commit(dim, base, deleted, newFiles, rows, consumed, notes);
 * }</pre>
 */
public final class KeyedRows {
  private KeyedRows() {}

  /**
   * Returns what a run that replaced some keys' rows did.
   *
   * @param table the gold table
   * @param read the source rows read
   * @param written the rows written
   * @param replaced the old rows deleted
   * @param committed the snapshot {@link #commit} made
   * @return the run's counts
   */
  public static TableRun replaced(
      TableId table, long read, long written, long replaced, Snapshot committed) {
    return new TableRun(
        table, Layer.GOLD, read, written, 0, 0, replaced, committed.snapshotId(), List.of());
  }

  /**
   * A row the table holds and where.
   *
   * @param path its data file
   * @param position its position in the file
   * @param values its values in the order the reader asked for
   */
  public record Stored(String path, long position, Object[] values) {}

  /**
   * Reads the live rows of some keys.
   *
   * @param table the gold table
   * @param snapshot the snapshot the run read
   * @param keyColumns the columns holding the key
   * @param keys the keys wanted
   * @param columns the columns each row's values are read from, in this order
   * @return the rows of each key found
   */
  public static Map<List<Object>, List<Stored>> read(
      Table table,
      long snapshot,
      List<String> keyColumns,
      Set<List<Object>> keys,
      List<String> columns) {
    Schema schema = table.schema();
    List<Types.NestedField> fields = new ArrayList<>(schema.columns());
    int width = fields.size();
    fields.add(MetadataColumns.FILE_PATH);
    fields.add(MetadataColumns.ROW_POSITION);
    Map<List<Object>, List<Stored>> found = new HashMap<>();
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(table)
            .useSnapshot(snapshot)
            .project(new Schema(fields))
            .where(KeyFilter.of(keyColumns, keys))
            .build()) {
      for (Record row : rows) {
        Object[] key = new Object[keyColumns.size()];
        for (int i = 0; i < key.length; i++) {
          key[i] = row.getField(keyColumns.get(i));
        }
        List<Object> businessKey = Arrays.asList(key);
        if (!keys.contains(businessKey)) {
          continue;
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = row.getField(columns.get(i));
        }
        found
            .computeIfAbsent(businessKey, k -> new ArrayList<>(1))
            .add(new Stored(row.get(width).toString(), (Long) row.get(width + 1), values));
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + table.name() + ": " + e.getMessage(), e);
    }
    return found;
  }

  /**
   * Commits new rows and the deletion of old ones, validated against the snapshot the run read.
   *
   * @param table the gold table
   * @param base the snapshot the run read
   * @param deleted the rows to delete
   * @param added the new data files
   * @param consumed the snapshot consumed of each table read, by table name
   * @param notes further snapshot summary entries
   * @return the committed snapshot
   */
  public static Snapshot commit(
      Table table,
      long base,
      List<Stored> deleted,
      List<DataFile> added,
      Map<String, Long> consumed,
      Map<String, String> notes) {
    List<DeleteFile> deletes = writeDeletes(table, base, deleted);
    long rows = added.stream().mapToLong(DataFile::recordCount).sum();
    Snapshot committed =
        Commits.commit(
            table,
            () -> {
              RowDelta delta =
                  table
                      .newRowDelta()
                      .validateFromSnapshot(base)
                      .validateNoConflictingDataFiles()
                      .validateNoConflictingDeleteFiles();
              added.forEach(delta::addRows);
              deletes.forEach(delta::addDeletes);
              consumed.forEach(
                  (name, snapshot) ->
                      delta.set(TableProperties.consumedKey(name), Long.toString(snapshot)));
              notes.forEach(delta::set);
              delta.set(TableProperties.ROWS_WRITTEN, Long.toString(rows));
              return delta;
            });
    GoldCommitHook.committed(table);
    return committed;
  }

  /** One position-delete file per data file, in that file's partition and spec. */
  private static List<DeleteFile> writeDeletes(Table table, long base, List<Stored> deleted) {
    Map<String, List<Long>> byFile = new TreeMap<>();
    for (Stored row : deleted) {
      byFile.computeIfAbsent(row.path(), path -> new ArrayList<>()).add(row.position());
    }
    if (byFile.isEmpty()) {
      return List.of();
    }
    Map<String, DataFile> files = dataFiles(table, base, byFile.keySet());
    OutputFileFactory outputs =
        OutputFileFactory.builderFor(table, 0, System.nanoTime())
            .format(FileFormat.PARQUET)
            .build();
    List<DeleteFile> written = new ArrayList<>();
    PositionDelete<Record> delete = PositionDelete.create();
    for (Map.Entry<String, List<Long>> target : byFile.entrySet()) {
      DataFile file = files.get(target.getKey());
      PartitionSpec spec = table.specs().get(file.specId());
      GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), spec);
      PositionDeleteWriter<Record> writer =
          factory.newPosDeleteWriter(
              spec.isPartitioned()
                  ? outputs.newOutputFile(spec, file.partition())
                  : outputs.newOutputFile(),
              FileFormat.PARQUET,
              file.partition());
      long[] positions = target.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      try (writer) {
        for (long position : positions) {
          writer.write(delete.set(file.location(), position, null));
        }
      } catch (IOException e) {
        throw new MedallionException(
            "Cannot write deletes for " + file.location() + ": " + e.getMessage(), e);
      }
      written.add(writer.toDeleteFile());
    }
    return written;
  }

  private static Map<String, DataFile> dataFiles(Table table, long base, Set<String> paths) {
    Map<String, DataFile> files = new HashMap<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(base).planFiles()) {
      for (FileScanTask task : tasks) {
        if (paths.contains(task.file().location())) {
          files.put(task.file().location(), task.file());
        }
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot plan " + table.name() + ": " + e.getMessage(), e);
    }
    return files;
  }
}
