package io.medallion.core.silver;

import io.medallion.core.iceberg.RecordWriter;
import io.medallion.core.iceberg.TableProperties;
import io.medallion.quality.FailedRule;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Table;

/**
 * The rows a batch rejects, written to new quarantine data files as they come. A batch that re-does
 * a range whose quarantine commit already landed counts its rejects but writes none.
 */
final class QuarantineRows {
  private final Table quarantine;
  private final SilverRecords records;
  private final boolean write;
  private RecordWriter writer;
  private long count;

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
    if (writer == null) {
      writer = new RecordWriter(quarantine);
    }
    writer.write(records.quarantine(source, row, score, reasons));
  }

  long count() {
    return count;
  }

  /** Commits the rows written, if any, with the summary entries given. */
  void commit(Map<String, String> summary, Commits commits) {
    if (writer == null) {
      return;
    }
    // A row delta, not an append, so that it can check nobody else added rows meanwhile: two
    // runtimes processing the same range would otherwise both quarantine its rejects.
    RowDelta append = quarantine.newRowDelta();
    writer.finish().forEach(append::addRows);
    Commits.validateNoneAddedSince(append, quarantine.currentSnapshot());
    summary.forEach(append::set);
    append.set(TableProperties.ROWS_WRITTEN, Long.toString(count));
    commits.commitAlone(append, quarantine);
    writer = null;
  }

  /** Deletes the files written. */
  void abort() {
    if (writer != null) {
      writer.abort();
      writer = null;
    }
  }
}
