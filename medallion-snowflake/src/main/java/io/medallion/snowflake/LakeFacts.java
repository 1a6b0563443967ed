package io.medallion.snowflake;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * The facts of every table of a pipeline, read from the lake's catalog: metadata only, plus the
 * current snapshot's file list (the manifests, never the data).
 *
 * <pre>{@code
 * LakeFacts facts = LakeFacts.read(runtime, pipeline);
 * SnowflakePlan plan = layer.toBuilder().facts(facts).build().plan();
 * }</pre>
 */
public final class LakeFacts {
  private final Map<TableId, TableFacts> tables;

  private LakeFacts(Map<TableId, TableFacts> tables) {
    this.tables = Map.copyOf(tables);
  }

  /**
   * Wraps facts gathered elsewhere, e.g. in a test.
   *
   * @param facts the facts, one per table
   * @return the lake facts
   */
  public static LakeFacts of(List<TableFacts> facts) {
    Map<TableId, TableFacts> byId = new LinkedHashMap<>();
    facts.forEach(f -> byId.put(f.id(), f));
    return new LakeFacts(byId);
  }

  /**
   * Reads the facts of the pipeline's tables that exist in the lake.
   *
   * @param runtime an open runtime on the lake
   * @param pipeline the pipeline
   * @return the facts; tables not created yet have none
   */
  public static LakeFacts read(MedallionRuntime runtime, Pipeline pipeline) {
    Map<TableId, TableFacts> byId = new LinkedHashMap<>();
    for (TableDefinition definition : pipeline.tables()) {
      if (runtime.exists(definition.id())) {
        byId.put(definition.id(), facts(definition.id(), runtime.table(definition.id())));
      }
    }
    return new LakeFacts(byId);
  }

  /**
   * Returns the facts of one table.
   *
   * @param id the table
   * @return the facts, or empty when the table was not read
   */
  public Optional<TableFacts> table(TableId id) {
    return Optional.ofNullable(tables.get(id));
  }

  static TableFacts facts(TableId id, Table table) {
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    Snapshot current = table.currentSnapshot();
    List<String> dataFiles = new ArrayList<>();
    Set<String> deleteFiles = new HashSet<>();
    if (current != null) {
      try (CloseableIterable<FileScanTask> tasks =
          table.newScan().useSnapshot(current.snapshotId()).planFiles()) {
        for (FileScanTask task : tasks) {
          dataFiles.add(task.file().location());
          task.deletes().forEach(delete -> deleteFiles.add(delete.location()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the data files of " + id, e);
      }
    }
    List<Long> equalityDeletes = new ArrayList<>();
    for (Snapshot snapshot : table.snapshots()) {
      String added = snapshot.summary().get(SnapshotSummary.ADDED_EQ_DELETES_PROP);
      if (added != null && Long.parseLong(added) > 0) {
        equalityDeletes.add(snapshot.snapshotId());
      }
    }
    List<String> unmapped = new ArrayList<>();
    for (Types.NestedField column : table.schema().columns()) {
      if (IcebergTypes.snowflakeType(column.type()).isEmpty()) {
        unmapped.add(column.name() + ": " + column.type());
      }
    }
    return new TableFacts(
        id,
        metadata.formatVersion(),
        table.location(),
        metadata.metadataFileLocation(),
        Optional.ofNullable(current).map(Snapshot::snapshotId),
        current == null ? 0 : current.timestampMillis(),
        dataFiles,
        deleteFiles.size(),
        equalityDeletes,
        unmapped);
  }
}
