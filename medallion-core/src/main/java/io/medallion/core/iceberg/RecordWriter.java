package io.medallion.core.iceberg;

import io.medallion.MedallionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * Streams records into new Parquet data files of one table, one open file per partition, rolling to
 * a new file past the target size. Nothing is visible until the caller commits {@link #finish()}'s
 * files.
 *
 * <pre>{@code
 * try (RecordWriter writer = new RecordWriter(table)) {
 *   writer.write(record);
 *   table.newAppend().appendFile(writer.finish().get(0)).commit();
 * }
 * }</pre>
 */
public final class RecordWriter implements AutoCloseable {
  private static final long TARGET_FILE_BYTES = 256L * 1024 * 1024;
  private static final AtomicInteger TASK_IDS = new AtomicInteger();

  private final Table table;
  private final GenericAppenderFactory appenders;
  private final OutputFileFactory files;
  private final PartitionKey partitionKey;
  private final InternalRecordWrapper wrapper;
  private final Map<PartitionKey, DataWriter<Record>> open = new HashMap<>();
  private final List<DataFile> done = new ArrayList<>();
  private long rows;

  /**
   * Opens a writer for a table's current schema and spec.
   *
   * @param table the table
   */
  public RecordWriter(Table table) {
    this.table = table;
    this.appenders = new GenericAppenderFactory(table.schema(), table.spec());
    this.appenders.setAll(table.properties());
    this.files =
        OutputFileFactory.builderFor(table, TASK_IDS.incrementAndGet(), System.nanoTime())
            .format(FileFormat.PARQUET)
            .build();
    this.partitionKey = new PartitionKey(table.spec(), table.schema());
    this.wrapper = new InternalRecordWrapper(table.schema().asStruct());
  }

  /**
   * Writes one record.
   *
   * @param record a record of the table's schema
   */
  public void write(Record record) {
    partitionKey.partition(wrapper.wrap(record));
    DataWriter<Record> writer = open.get(partitionKey);
    if (writer == null) {
      PartitionKey key = partitionKey.copy();
      writer = newWriter(key);
      open.put(key, writer);
    } else if (writer.length() >= TARGET_FILE_BYTES) {
      PartitionKey key = partitionKey.copy();
      done.add(closeWriter(writer));
      writer = newWriter(key);
      open.put(key, writer);
    }
    writer.write(record);
    rows++;
  }

  /**
   * Returns how many records were written.
   *
   * @return the count
   */
  public long rows() {
    return rows;
  }

  /**
   * Closes every open file and returns all files written.
   *
   * @return the data files, ready to commit
   */
  public List<DataFile> finish() {
    for (DataWriter<Record> writer : open.values()) {
      done.add(closeWriter(writer));
    }
    open.clear();
    return List.copyOf(done);
  }

  /** Closes open files without committing; their files are left for orphan cleanup. */
  @Override
  public void close() {
    for (DataWriter<Record> writer : open.values()) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    open.clear();
  }

  private DataWriter<Record> newWriter(PartitionKey key) {
    return appenders.newDataWriter(
        table.spec().isPartitioned() ? files.newOutputFile(key) : files.newOutputFile(),
        FileFormat.PARQUET,
        table.spec().isPartitioned() ? key : null);
  }

  private static DataFile closeWriter(DataWriter<Record> writer) {
    try {
      writer.close();
      return writer.toDataFile();
    } catch (IOException e) {
      throw new MedallionException("Cannot close data file: " + e.getMessage(), e);
    }
  }
}
