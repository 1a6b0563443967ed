package io.medallion.core.internal.silver;

import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.core.internal.quality.ColumnMeasures;
import io.medallion.core.internal.quality.RowQuality;
import io.medallion.core.internal.quality.Rows;
import io.medallion.schema.Column;
import io.medallion.table.Deduplication;
import io.medallion.table.SilverTable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.Table;

/**
 * The rows a batch keeps for silver, de-duplicated by key: within the batch as they come, and
 * against the rows already in silver when the batch settles. A row identical to the stored row of
 * its key (same {@link RowHash}) does not replace it.
 *
 * <p>Rows are written to new data files as they are kept, so memory holds one small entry per key
 * (its order value, ingestion and file position), not the rows. A later row that wins over an
 * earlier one of the same batch is written and the earlier one gets a positional delete in the same
 * commit (deletes apply to data files of their own sequence number).
 */
final class KeptRows {
  private final Table silver;
  private final SilverRecords records;
  private final Deduplication dedup;
  private final int keyIndex;
  private final int orderIndex;
  private final LatestByKey latest;
  private final DatasetRows datasetRows;
  private final Replacements replacements = new Replacements();
  private final RowHash hashes = new RowHash();
  private RecordWriter writer;
  private long kept;
  private long duplicates;

  /**
   * What the batch did to silver once settled.
   *
   * @param written rows added to silver
   * @param duplicates rows that lost to a later row of their key, in the batch or in silver
   * @param replaced existing rows replaced
   */
  record Settled(long written, long duplicates, long replaced) {}

  KeptRows(
      SilverTable definition,
      List<Column> columns,
      Table silver,
      SilverRecords records,
      int keysInMemory,
      Path spillDirectory) {
    this.silver = silver;
    this.records = records;
    this.dedup = definition.deduplication().orElse(null);
    this.keyIndex = dedup == null ? -1 : indexOf(columns, dedup.key());
    this.orderIndex =
        dedup == null || dedup.orderBy() == null ? -1 : indexOf(columns, dedup.orderBy());
    this.datasetRows =
        DatasetRows.of(definition.datasetRules(), columns, keysInMemory, spillDirectory);
    this.latest = new LatestByKey(keysInMemory, spillDirectory);
  }

  /** Keeps a row: writes it unless an earlier row of its key in this batch is later. */
  void keep(SourceRow source, MappedRow row, RowQuality quality) {
    Object key = keyIndex < 0 ? null : row.values()[keyIndex];
    long hash = hashes.of(row.values(), quality.outcomes());
    // A blank key identifies nothing: such rows are kept as they come, like null keys.
    if (!Rows.isPresent(key)) {
      write(source, row, quality, hash);
      datasetRows.addUnkeyed(row);
      kept++;
      return;
    }
    Object order = orderIndex < 0 ? null : Kept.orderKey(row.values()[orderIndex]);
    long ingested = Kept.micros(source.ingestedAt());
    Kept previous = latest.get(key);
    if (previous != null) {
      duplicates++;
      if (!Kept.isLater(order, ingested, source.sequence(), previous)) {
        return;
      }
      replacements.deleteIncoming(previous.path(), previous.position());
    } else {
      kept++;
    }
    RecordWriter.Location location = write(source, row, quality, hash);
    latest.put(
        key,
        new Kept(
            order,
            ingested,
            source.sequence(),
            location.path(),
            location.position(),
            hash,
            datasetRows.valuesOf(row)));
  }

  /**
   * Settles every key against the rows already in silver (reading them once) and across spills.
   *
   * @return the counts
   */
  Settled settle() {
    long merged =
        latest.resolve(ExistingKeys.of(silver, dedup), orderIndex >= 0, replacements, datasetRows);
    long superseded = replacements.superseded();
    return new Settled(
        kept - merged - superseded, duplicates + merged + superseded, replacements.replaced());
  }

  /** What dataset rules measured over the kept rows, once settled. */
  ColumnMeasures datasetMeasures() {
    return datasetRows.measures();
  }

  /** Commits the rows written and the deletes with the summary entries given. */
  void commit(Map<String, String> summary, long written) {
    List<String> existingFiles = replacements.referencedFiles();
    Map<String, DataFile> added = new HashMap<>();
    if (writer != null) {
      writer.finish().forEach(file -> added.put(file.location(), file));
      writer = null;
    }
    for (DataFile emptied : replacements.dropEmptied(added)) {
      // Every row lost (say, a re-ingested batch identical to silver): the table stays as it is.
      silver.io().deleteFile(emptied.location());
    }
    List<DeleteFile> deletes = replacements.write(silver, added);
    BatchCommits.commitAlone(
        silver,
        delta -> {
          added.values().forEach(delta::addRows);
          deletes.forEach(delta::addDeletes);
          delta.validateNoConflictingDeleteFiles();
          // Rows are deleted by position: a compaction that rewrote their file must fail this
          // commit.
          delta.validateDataFilesExist(existingFiles);
          summary.forEach(delta::set);
          delta.set(TableProperties.ROWS_WRITTEN, Long.toString(written));
        });
  }

  /** The silver snapshot after {@link #commit}. */
  long snapshotId() {
    return silver.currentSnapshot().snapshotId();
  }

  /** Deletes the files written and the spilled keys. */
  void abort() {
    if (writer != null) {
      writer.abort();
      writer = null;
    }
    close();
  }

  /** Deletes the spilled keys and dataset measures. */
  void close() {
    latest.close();
    datasetRows.close();
  }

  private RecordWriter.Location write(
      SourceRow source, MappedRow row, RowQuality quality, long hash) {
    if (writer == null) {
      writer = new RecordWriter(silver);
    }
    return writer.write(records.silver(source, row, quality, hash));
  }

  private static int indexOf(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("No column " + name);
  }
}
