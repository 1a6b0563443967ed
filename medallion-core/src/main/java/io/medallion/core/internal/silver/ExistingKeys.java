package io.medallion.core.internal.silver;

import io.medallion.MedallionException;
import io.medallion.core.internal.quality.Rows;
import io.medallion.table.Deduplication;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.TypeUtil;

/**
 * The live rows already in silver that have a de-duplication key (deletes applied), each with its
 * data file and position for a positional delete. Read once per batch, as of the snapshot the batch
 * started from.
 */
final class ExistingKeys implements LatestByKey.ExistingRows {
  private final Table silver;
  private final Deduplication dedup;
  private final long snapshot;

  private ExistingKeys(Table silver, Deduplication dedup, long snapshot) {
    this.silver = silver;
    this.dedup = dedup;
    this.snapshot = snapshot;
  }

  /** The existing keyed rows of a table, or null when there is nothing to compare with. */
  static ExistingKeys of(Table silver, Deduplication dedup) {
    if (dedup == null || silver.currentSnapshot() == null) {
      return null;
    }
    return new ExistingKeys(silver, dedup, silver.currentSnapshot().snapshotId());
  }

  @Override
  public void forEach(Consumer<LatestByKey.Existing> sink) {
    String orderColumn = dedup.orderBy();
    List<String> columns = new ArrayList<>(List.of(dedup.key(), SilverTable.LINEAGE_INGESTED_AT));
    if (orderColumn != null) {
      columns.add(orderColumn);
    }
    // Tables from before rows had a fingerprint gain the column empty: their rows compare as new.
    boolean hashed = silver.schema().findField(SilverTable.ROW_HASH) != null;
    if (hashed) {
      columns.add(SilverTable.ROW_HASH);
    }
    Map<String, DataFile> files = new HashMap<>();
    try (CloseableIterable<FileScanTask> tasks =
            silver.newScan().useSnapshot(snapshot).planFiles();
        CloseableIterable<Record> rows =
            IcebergGenerics.read(silver)
                .useSnapshot(snapshot)
                .project(
                    TypeUtil.join(
                        silver.schema().select(columns),
                        new Schema(MetadataColumns.FILE_PATH, MetadataColumns.ROW_POSITION)))
                .build()) {
      tasks.forEach(task -> files.put(task.file().location(), task.file()));
      for (Record existing : rows) {
        Object key = existing.getField(dedup.key());
        if (!Rows.isPresent(key)) {
          continue;
        }
        sink.accept(
            new LatestByKey.Existing(
                key,
                orderColumn == null ? null : Kept.orderKey(existing.getField(orderColumn)),
                Kept.micros(existing.getField(SilverTable.LINEAGE_INGESTED_AT)),
                files.get((String) existing.getField(MetadataColumns.FILE_PATH.name())),
                (Long) existing.getField(MetadataColumns.ROW_POSITION.name()),
                hashed ? (Long) existing.getField(SilverTable.ROW_HASH) : null));
      }
    } catch (IOException e) {
      throw new MedallionException(
          "Cannot scan " + silver.name() + " for existing keys: " + e.getMessage(), e);
    }
  }
}
