package io.medallion.core.internal.silver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.internal.iceberg.Commits;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.quality.FailedRule;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.TypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores quarantined rows again under a silver table's current rules and moves those that now pass
 * to silver, exactly once. Silver commits first, recording the quarantine snapshot it replayed;
 * quarantine then deletes the moved rows (positional deletes), recording the silver snapshot. A
 * crash between the two leaves a silver commit without its quarantine commit; the next replay
 * finishes it first, deleting exactly the rows that silver commit added.
 *
 * <pre>{@code
 * TableRun moved = runtime.replayQuarantine(usersWithRelaxedRules);
 * }</pre>
 */
public final class QuarantineReplay {
  /** Silver snapshot-summary key: the quarantine snapshot a replay read. */
  public static final String REPLAYED_QUARANTINE = "medallion.replay.quarantine-snapshot";

  /** Quarantine snapshot-summary key: the silver snapshot whose replayed rows it removed. */
  public static final String REPLAYED_INTO_SILVER = "medallion.replay.silver-snapshot";

  private static final Logger LOG = LoggerFactory.getLogger(QuarantineReplay.class);

  private final TableStore store;
  private final SilverBatch.Context context;

  QuarantineReplay(TableStore store, SilverBatch.Context context) {
    this.store = store;
    this.context = context;
  }

  /**
   * Replays a silver table's quarantine.
   *
   * @param definition the silver table with its current rules
   * @return {@code read} quarantined rows scored, {@code written} rows moved to silver, {@code
   *     quarantined} rows still failing, {@code duplicates} moved rows that lost to a later row
   */
  public TableRun replay(SilverTable definition) {
    Table silver = store.load(definition.id());
    Table quarantine = store.load(definition.quarantineId());
    finishPendingDeletes(silver, quarantine);
    quarantine.refresh();
    Snapshot quarantined = quarantine.currentSnapshot();
    if (quarantined == null) {
      return TableRun.unchanged(definition.id(), Layer.SILVER);
    }
    // Rows still failing stay where they are: a replay writes no quarantine.
    SilverBatch batch =
        new SilverBatch(context, definition, silver, quarantine, false, List.of(), null, false);
    Map<String, DataFile> files = dataFiles(quarantine);
    Replacements moved = new Replacements();
    long read = 0;
    long movedRows = 0;
    long sequence = 0;
    try (CloseableIterable<Record> rows = liveRows(quarantine)) {
      for (Record row : rows) {
        read++;
        if (!replayable(row)) {
          continue;
        }
        SourceRow source =
            new SourceRow(
                null,
                null,
                (String) row.getField(SilverTable.LINEAGE_BATCH_ID),
                (OffsetDateTime) row.getField(SilverTable.LINEAGE_INGESTED_AT),
                (String) row.getField(SilverTable.LINEAGE_COORDINATE),
                sequence++);
        MappedRow typed = batch.mapper().restore(parse((String) row.getField(SilverTable.RECORD)));
        if (batch.route(source, typed)) {
          movedRows++;
          moved.deleteExisting(
              files.get((String) row.getField(MetadataColumns.FILE_PATH.name())),
              (Long) row.getField(MetadataColumns.ROW_POSITION.name()));
        }
      }
    } catch (IOException e) {
      batch.abort();
      throw new MedallionException("Cannot read " + quarantine.name() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      batch.abort();
      throw e;
    }
    if (movedRows == 0) {
      batch.abort();
      return new TableRun(definition.id(), Layer.SILVER, read, 0, read, 0, 0, -1, List.of());
    }
    TableRun run =
        batch.commit(Map.of(REPLAYED_QUARANTINE, Long.toString(quarantined.snapshotId()))).run();
    deleteFromQuarantine(quarantine, moved, run.snapshotId());
    LOG.info(
        "{}: replayed {} quarantined rows, moved {} to silver", definition.id(), read, movedRows);
    return new TableRun(
        definition.id(),
        Layer.SILVER,
        read,
        run.written(),
        read - movedRows,
        run.duplicates(),
        run.replaced(),
        run.snapshotId(),
        List.of());
  }

  /** Completes a replay whose silver commit has no matching quarantine commit. */
  private void finishPendingDeletes(Table silver, Table quarantine) {
    Snapshot replay = latestWith(silver, REPLAYED_QUARANTINE);
    if (replay == null
        || hasMarker(quarantine, REPLAYED_INTO_SILVER, Long.toString(replay.snapshotId()))) {
      return;
    }
    Set<RowIdentity> added = new HashSet<>();
    Schema identity =
        silver.schema().select(SilverTable.LINEAGE_BATCH_ID, SilverTable.LINEAGE_COORDINATE);
    for (DataFile file : Lineage.addedDataFiles(silver, replay)) {
      try (CloseableIterable<Record> rows = ExistingRows.read(silver, file, identity)) {
        for (Record row : rows) {
          added.add(new RowIdentity((String) row.get(0), (String) row.get(1)));
        }
      } catch (IOException e) {
        throw new MedallionException("Cannot read " + file.location() + ": " + e.getMessage(), e);
      }
    }
    Map<String, DataFile> files = dataFiles(quarantine);
    Replacements pending = new Replacements();
    try (CloseableIterable<Record> rows = liveRows(quarantine)) {
      for (Record row : rows) {
        RowIdentity key =
            new RowIdentity(
                (String) row.getField(SilverTable.LINEAGE_BATCH_ID),
                (String) row.getField(SilverTable.LINEAGE_COORDINATE));
        if (added.contains(key)) {
          pending.deleteExisting(
              files.get((String) row.getField(MetadataColumns.FILE_PATH.name())),
              (Long) row.getField(MetadataColumns.ROW_POSITION.name()));
        }
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + quarantine.name() + ": " + e.getMessage(), e);
    }
    LOG.warn(
        "{}: finishing an interrupted replay of silver snapshot {}: removing {} moved rows",
        quarantine.name(),
        replay.snapshotId(),
        pending.replaced());
    deleteFromQuarantine(quarantine, pending, replay.snapshotId());
  }

  /**
   * Deletes the moved rows by position. Rows added to the quarantine meanwhile do not conflict (a
   * lost race is retried); a compaction that rewrote a file holding moved rows does, and the next
   * replay finishes the move from the marker.
   */
  private static void deleteFromQuarantine(
      Table quarantine, Replacements deletes, long silverSnapshot) {
    Snapshot base = quarantine.currentSnapshot();
    List<String> referenced = deletes.referencedFiles();
    List<DeleteFile> written = deletes.write(quarantine, Map.of());
    Commits.commit(
        quarantine,
        () -> {
          RowDelta delta = quarantine.newRowDelta();
          written.forEach(delta::addDeletes);
          if (base != null) {
            delta.validateFromSnapshot(base.snapshotId());
          }
          delta.validateDataFilesExist(referenced);
          delta.validateNoConflictingDeleteFiles();
          delta.set(REPLAYED_INTO_SILVER, Long.toString(silverSnapshot));
          return delta;
        });
  }

  /** The quarantine's live data files by location. */
  private static Map<String, DataFile> dataFiles(Table quarantine) {
    Map<String, DataFile> files = new HashMap<>();
    try (CloseableIterable<FileScanTask> tasks = quarantine.newScan().planFiles()) {
      tasks.forEach(task -> files.put(task.file().location(), task.file()));
    } catch (IOException e) {
      throw new MedallionException("Cannot plan " + quarantine.name() + ": " + e.getMessage(), e);
    }
    return files;
  }

  /**
   * The quarantine's live rows with their data file and position, deleted rows excluded, streamed:
   * memory holds one row at a time.
   */
  private static CloseableIterable<Record> liveRows(Table quarantine) {
    Schema projection =
        TypeUtil.join(
            quarantine.schema(),
            new Schema(MetadataColumns.FILE_PATH, MetadataColumns.ROW_POSITION));
    return IcebergGenerics.read(quarantine).project(projection).build();
  }

  /**
   * A row rejected because a value could not be typed, or its payload not parsed, kept no typed
   * value to score again (it was stored as null); it stays until its bronze record is fixed.
   */
  private static boolean replayable(Record row) {
    return row.getField(SilverTable.RECORD) != null
        && SilverRecords.failures(row.getField(SilverTable.REASONS)).stream()
            .allMatch(FailedRule::replayable);
  }

  private JsonNode parse(String record) {
    try {
      return context.json().readTree(record);
    } catch (JsonProcessingException e) {
      throw new MedallionException("Cannot read a quarantined record: " + e.getMessage(), e);
    }
  }

  private static Snapshot latestWith(Table table, String key) {
    table.refresh();
    for (Snapshot snapshot : Lineage.ancestors(table)) {
      if (snapshot.summary().containsKey(key)) {
        return snapshot;
      }
    }
    return null;
  }

  private static boolean hasMarker(Table table, String key, String value) {
    table.refresh();
    for (Snapshot snapshot : Lineage.ancestors(table)) {
      if (value.equals(snapshot.summary().get(key))) {
        return true;
      }
    }
    return false;
  }
}
