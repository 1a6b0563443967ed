package io.medallion.core.internal.iceberg;

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
import org.apache.iceberg.encryption.EncryptedOutputFile;
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
  private final Map<PartitionKey, OpenFile> open = new HashMap<>();
  private final List<DataFile> done = new ArrayList<>();
  private long rows;

  /**
   * Where a written row is, for a positional delete in the same commit.
   *
   * @param path the data file's location
   * @param position the row's position in it, from 0
   */
  public record Location(String path, long position) {}

  /** A data file being written, with what a positional delete needs to point into it. */
  private static final class OpenFile {
    private final DataWriter<Record> writer;
    private final String path;
    private long rows;

    OpenFile(DataWriter<Record> writer, String path) {
      this.writer = writer;
      this.path = path;
    }
  }

  /**
   * Opens a writer for a table's current schema and partitioning.
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
   * Writes one record to the file of its partition.
   *
   * @param record a record of the table's schema
   * @return the file and position it was written at
   */
  public Location write(Record record) {
    partitionKey.partition(wrapper.wrap(record));
    OpenFile file = open.get(partitionKey);
    if (file == null) {
      PartitionKey key = partitionKey.copy();
      file = newFile(key);
      open.put(key, file);
    } else if (file.writer.length() >= TARGET_FILE_BYTES) {
      PartitionKey key = partitionKey.copy();
      done.add(closeFile(file));
      file = newFile(key);
      open.put(key, file);
    }
    file.writer.write(record);
    rows++;
    return new Location(file.path, file.rows++);
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
   * Closes every open file.
   *
   * @return the data files written, to be committed by the caller
   */
  public List<DataFile> finish() {
    for (OpenFile file : open.values()) {
      done.add(closeFile(file));
    }
    open.clear();
    return List.copyOf(done);
  }

  /** Closes and deletes every file written: for a batch that will not be committed. */
  public void abort() {
    List<String> written = new ArrayList<>();
    done.forEach(file -> written.add(file.location()));
    open.values().forEach(file -> written.add(file.path));
    close();
    done.clear();
    written.forEach(path -> table.io().deleteFile(path));
  }

  @Override
  public void close() {
    for (OpenFile file : open.values()) {
      try {
        file.writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    open.clear();
  }

  private OpenFile newFile(PartitionKey key) {
    EncryptedOutputFile output =
        table.spec().isPartitioned() ? files.newOutputFile(key) : files.newOutputFile();
    return new OpenFile(
        appenders.newDataWriter(
            output, FileFormat.PARQUET, table.spec().isPartitioned() ? key : null),
        output.encryptingOutputFile().location());
  }

  private static DataFile closeFile(OpenFile file) {
    try {
      file.writer.close();
      return file.writer.toDataFile();
    } catch (IOException e) {
      throw new MedallionException("Cannot close data file: " + e.getMessage(), e);
    }
  }
}
