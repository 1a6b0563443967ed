package io.medallion.core.internal.maintenance;

import io.medallion.MedallionException;
import io.medallion.core.internal.iceberg.RecordWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;

/**
 * Merges a table's small data files, partition by partition, in one rewrite commit. Only files that
 * no delete applies to are merged: their rows are exactly the file's rows, and the positional
 * deletes that silver writes keep pointing at the files they were written for. The rewrite is an
 * Iceberg {@code replace} snapshot, which incremental readers skip, so downstream tables neither
 * miss nor re-read a row. A concurrent commit that deletes from a merged file fails the rewrite,
 * never the other commit.
 */
final class SmallFileCompaction {
  /** The files to merge, grouped by partition, and the snapshot they were planned on. */
  record Plan(long snapshotId, List<List<DataFile>> groups) {
    int files() {
      return groups.stream().mapToInt(List::size).sum();
    }
  }

  private SmallFileCompaction() {}

  static Plan plan(Table table, long smallFileBytes, int minFiles) {
    Snapshot current = table.currentSnapshot();
    if (current == null || smallFileBytes == 0) {
      return new Plan(-1, List.of());
    }
    Map<String, List<DataFile>> byPartition = new LinkedHashMap<>();
    try (CloseableIterable<FileScanTask> tasks =
        table.newScan().useSnapshot(current.snapshotId()).planFiles()) {
      for (FileScanTask task : tasks) {
        DataFile file = task.file();
        if (task.deletes().isEmpty()
            && file.format() == FileFormat.PARQUET
            && file.fileSizeInBytes() < smallFileBytes) {
          String partition =
              file.specId()
                  + "/"
                  + table.specs().get(file.specId()).partitionToPath(file.partition());
          byPartition.computeIfAbsent(partition, k -> new ArrayList<>()).add(file);
        }
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot plan the files of " + table.name(), e);
    }
    List<List<DataFile>> groups = new ArrayList<>();
    for (List<DataFile> files : byPartition.values()) {
      if (files.size() >= minFiles) {
        groups.add(List.copyOf(files));
      }
    }
    return new Plan(current.snapshotId(), groups);
  }

  /**
   * Rewrites the planned files and commits the rewrite.
   *
   * @return the number of files written
   */
  static int apply(Table table, Plan plan) {
    if (plan.groups().isEmpty()) {
      return 0;
    }
    List<DataFile> written = new ArrayList<>();
    List<DataFile> merged = new ArrayList<>();
    try (RecordWriter writer = new RecordWriter(table)) {
      for (List<DataFile> group : plan.groups()) {
        for (DataFile file : group) {
          copyRows(table, file, writer);
          merged.add(file);
        }
      }
      written.addAll(writer.finish());
    }
    RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(plan.snapshotId());
    merged.forEach(rewrite::deleteFile);
    written.forEach(rewrite::addFile);
    try {
      rewrite.commit();
    } catch (RuntimeException e) {
      written.forEach(file -> table.io().deleteFile(file.location()));
      throw e;
    }
    return written.size();
  }

  private static void copyRows(Table table, DataFile file, RecordWriter writer) {
    try (CloseableIterable<Record> rows =
        Parquet.read(table.io().newInputFile(file.location()))
            .project(table.schema())
            .createReaderFunc(
                fileSchema -> GenericParquetReaders.buildReader(table.schema(), fileSchema))
            .build()) {
      rows.forEach(writer::write);
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + file.location() + ": " + e.getMessage(), e);
    }
  }
}
