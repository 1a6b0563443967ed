package io.medallion.core.internal.silver;

import io.medallion.MedallionException;
import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.quality.FailedRule;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows a batch rejects, written to new quarantine data files as they come. A batch that re-does
 * a range whose quarantine commit already landed counts its rejects but writes none.
 *
 * <p>The same record is never quarantined twice: a reject identical (same {@link RowHash}) to one
 * written earlier in the batch or to a row already in quarantine (a re-ingested record) gets a
 * positional delete in the commit that adds it. It is written all the same, because crash recovery
 * reads the rows a quarantine commit added to know which rows were rejected. Memory holds one entry
 * per distinct reject of the batch. Rejects without typed values (payloads that did not parse) have
 * no fingerprint and are always written.
 */
final class QuarantineRows {
  private static final Logger LOG = LoggerFactory.getLogger(QuarantineRows.class);
  private static final byte[] NO_OUTCOMES = new byte[0];

  private final Table quarantine;
  private final SilverRecords records;
  private final boolean write;
  private final RowHash hashes = new RowHash();
  private final Map<Long, RecordWriter.Location> written = new HashMap<>();
  private final Replacements repeats = new Replacements();
  private RecordWriter writer;
  private long count;
  private long alreadyQuarantined;

  QuarantineRows(Table quarantine, SilverRecords records, boolean write) {
    this.quarantine = quarantine;
    this.records = records;
    this.write = write;
  }

  /**
   * Rejects a row.
   *
   * @param row its typed values, or null when its payload did not parse
   */
  void reject(SourceRow source, MappedRow row, double score, List<FailedRule> reasons) {
    count++;
    if (!write) {
      return;
    }
    Long hash = row == null ? null : hashes.of(row.values(), NO_OUTCOMES);
    if (writer == null) {
      writer = new RecordWriter(quarantine);
    }
    RecordWriter.Location location =
        writer.write(records.quarantine(source, row, score, reasons, hash));
    if (hash == null) {
      return;
    }
    if (written.containsKey(hash)) {
      alreadyQuarantined++;
      repeats.deleteIncoming(location.path(), location.position());
    } else {
      written.put(hash, location);
    }
  }

  /** How many rows were rejected, including those already in quarantine. */
  long count() {
    return count;
  }

  /** Commits the rows written, if any, with the summary entries given. */
  void commit(Map<String, String> summary) {
    if (writer == null) {
      return;
    }
    deleteRepeatsOfStoredRows();
    // A row delta, not an append, so that it can check nobody else added rows meanwhile: two
    // runtimes processing the same range would otherwise both quarantine its rejects.
    Map<String, DataFile> added = new HashMap<>();
    for (DataFile file : writer.finish()) {
      added.put(file.location(), file);
    }
    List<DeleteFile> deletes = repeats.write(quarantine, added);
    long rows = count - alreadyQuarantined;
    BatchCommits.commitAlone(
        quarantine,
        append -> {
          added.values().forEach(append::addRows);
          deletes.forEach(append::addDeletes);
          summary.forEach(append::set);
          append.set(TableProperties.ROWS_WRITTEN, Long.toString(rows));
        });
    writer = null;
    if (alreadyQuarantined > 0) {
      LOG.info(
          "{}: {} rejected rows were already quarantined and were not added again",
          quarantine.name(),
          alreadyQuarantined);
    }
  }

  /** Deletes the rows written that quarantine already holds, reading its fingerprints once. */
  private void deleteRepeatsOfStoredRows() {
    if (written.isEmpty() || quarantine.currentSnapshot() == null) {
      return;
    }
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(quarantine)
            .useSnapshot(quarantine.currentSnapshot().snapshotId())
            .select(SilverTable.ROW_HASH)
            .build()) {
      for (Record row : rows) {
        RecordWriter.Location repeat = written.remove((Long) row.getField(SilverTable.ROW_HASH));
        if (repeat != null) {
          alreadyQuarantined++;
          repeats.deleteIncoming(repeat.path(), repeat.position());
        }
      }
    } catch (IOException e) {
      throw new MedallionException(
          "Cannot read " + quarantine.name() + " for rows already quarantined: " + e.getMessage(),
          e);
    }
  }

  /** Deletes the files written. */
  void abort() {
    if (writer != null) {
      writer.abort();
      writer = null;
    }
  }
}
