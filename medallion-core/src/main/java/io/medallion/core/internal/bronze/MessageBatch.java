package io.medallion.core.internal.bronze;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.internal.exec.Handoff;
import io.medallion.core.internal.iceberg.Commits;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.PinnedOperations;
import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.core.spi.SourceMarker;
import io.medallion.table.BronzeTable;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.util.Utf8;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of messages a streaming source has read, on its way to a bronze table and its
 * dead-letter table. Each message is split into records ({@link MessageReader}); bytes that are not
 * UTF-8 are dead letters written in base64. Dead letters commit first, then bronze, each with the
 * entries its {@link SourceMarker} gives for the table as it is at that moment.
 */
public final class MessageBatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MessageBatch.class);
  private static final String NOT_UTF8 = "message is not UTF-8 (its bytes are kept in base64)";

  private final BronzeTable definition;
  private final Table bronze;
  private final Table deadLetters;
  private final MessageReader reader;
  private final RecordWriter records;
  private final RecordWriter dead;
  private final Record bronzeTemplate;
  private final Record deadTemplate;
  private final SourceValues bronzeValues;
  private final SourceValues deadValues;
  private final String batchId = UUID.randomUUID().toString();
  private final OffsetDateTime ingestedAt;
  private final Sink sink = new Sink();
  private final boolean pipelined;
  private Consumer<Row> writer;
  private Handoff<Row> handoff;
  private long index;
  private long recordsAdded;
  private long deadLettersAdded;
  private boolean open = true;

  /**
   * Opens a batch.
   *
   * @param definition the bronze table
   * @param bronze its table
   * @param deadLetters its dead-letter table
   * @param ingestedAt the batch's ingestion time, in microseconds
   * @param pipelined whether rows are written to Parquet on a second thread while the calling
   *     thread splits messages; false does everything on the calling thread
   */
  public MessageBatch(
      BronzeTable definition,
      Table bronze,
      Table deadLetters,
      OffsetDateTime ingestedAt,
      boolean pipelined) {
    this.definition = definition;
    this.bronze = bronze;
    this.deadLetters = deadLetters;
    this.reader = new MessageReader(definition);
    this.records = new RecordWriter(bronze);
    this.dead = new RecordWriter(deadLetters);
    this.bronzeTemplate = GenericRecord.create(bronze.schema());
    this.deadTemplate = GenericRecord.create(deadLetters.schema());
    this.bronzeValues = new SourceValues(definition.sourceColumns(), bronze.schema());
    this.deadValues = new SourceValues(definition.sourceColumns(), deadLetters.schema());
    this.ingestedAt = ingestedAt;
    this.pipelined = pipelined;
  }

  /**
   * Adds one message: its records go to bronze, what cannot be decoded to the dead letters.
   *
   * @param source the source's name, e.g. the topic
   * @param coordinate where the message is, e.g. {@code orders/3@1200}
   * @param message the raw bytes
   * @param values the source columns' values
   */
  public void add(String source, String coordinate, byte[] message, Object[] values) {
    add(source, coordinate, message, values, true);
  }

  /**
   * Adds a message whose dead letters an earlier batch already committed, though its records did
   * not follow (the process stopped between the two commits): only its records are written.
   *
   * @param source the source's name
   * @param coordinate where the message is
   * @param message the raw bytes
   * @param values the source columns' values
   */
  public void addAgain(String source, String coordinate, byte[] message, Object[] values) {
    add(source, coordinate, message, values, false);
  }

  private void add(
      String source, String coordinate, byte[] message, Object[] values, boolean deadLetters) {
    checkOpen();
    sink.next(source, values, deadLetters);
    if (reader.readSingleObject(message, coordinate, sink)) {
      return;
    }
    if (!Utf8Check.isValid(message)) {
      if (deadLetters) {
        deadLetter(source, coordinate, NOT_UTF8, message, values);
      }
      return;
    }
    reader.read(message, coordinate, sink);
  }

  /**
   * Adds a dead letter the source found itself (a tombstone, a message over its size limit).
   *
   * @param source the source's name
   * @param coordinate where it is
   * @param error why it is not a record
   * @param raw the raw bytes, or null when there are none
   * @param values the source columns' values
   */
  public void deadLetter(
      String source, String coordinate, String error, byte[] raw, Object[] values) {
    checkOpen();
    CharSequence payload = null;
    String encoding = null;
    if (raw != null) {
      boolean text = Utf8Check.isValid(raw);
      payload = text ? new Utf8(raw) : Base64.getEncoder().encodeToString(raw);
      encoding = text ? BronzeTable.UTF_8 : BronzeTable.BASE64;
    }
    deadLettersAdded++;
    writer()
        .accept(
            new Row(
                true,
                source,
                coordinate,
                index++,
                payload,
                error,
                encoding,
                deadValues.convert(values)));
    LOG.warn("{}: dead letter at {}: {}", definition.id(), coordinate, error);
  }

  /**
   * Returns the records written so far.
   *
   * @return the count
   */
  public long records() {
    return recordsAdded;
  }

  /**
   * Returns the dead letters written so far.
   *
   * @return the count
   */
  public long deadLetters() {
    return deadLettersAdded;
  }

  /**
   * Commits the dead letters (when there are any) and then the records, with the markers' entries.
   * The bronze commit is made even without records, so that the marker moves past dead letters.
   *
   * @param deadLetterMarker the marker committed with the dead letters
   * @param bronzeMarker the marker committed with the records
   * @return the batch's counts and bronze snapshot
   * @throws io.medallion.core.spi.MarkerConflictException when a marker refuses; what was not
   *     committed is deleted
   */
  public TableRun commit(SourceMarker deadLetterMarker, SourceMarker bronzeMarker) {
    return commit(deadLetterMarker, bronzeMarker, false);
  }

  /**
   * Commits as {@link #commit(SourceMarker, SourceMarker)} does, committing to the dead-letter
   * table even without dead letters when {@code markDeadLetters} is set, so that both markers move
   * (moving a source's position by hand).
   *
   * @param deadLetterMarker the marker committed with the dead letters
   * @param bronzeMarker the marker committed with the records
   * @param markDeadLetters whether the dead-letter table commits even without dead letters
   * @return the batch's counts and bronze snapshot
   */
  public TableRun commit(
      SourceMarker deadLetterMarker, SourceMarker bronzeMarker, boolean markDeadLetters) {
    checkOpen();
    open = false;
    try {
      drain();
    } catch (RuntimeException e) {
      records.abort();
      dead.abort();
      throw e;
    }
    List<DataFile> deadFiles;
    List<DataFile> recordFiles;
    try {
      deadFiles = dead.finish();
      recordFiles = records.finish();
    } catch (RuntimeException e) {
      records.abort();
      dead.abort();
      throw e;
    }
    try {
      if (!deadFiles.isEmpty() || markDeadLetters) {
        commit(deadLetters, deadFiles, dead.rows(), deadLetterMarker);
        deadFiles = List.of();
      }
      Snapshot landed = commit(bronze, recordFiles, records.rows(), bronzeMarker);
      return new TableRun(
          definition.id(),
          Layer.BRONZE,
          records.rows() + dead.rows(),
          records.rows(),
          dead.rows(),
          0,
          0,
          landed.snapshotId(),
          List.of());
    } catch (RuntimeException e) {
      delete(deadLetters, deadFiles);
      delete(bronze, recordFiles);
      throw e;
    }
  }

  /** Deletes what was written; nothing of the batch becomes visible. */
  public void abort() {
    if (open) {
      open = false;
      try {
        drain();
      } catch (RuntimeException e) {
        LOG.warn("{}: aborting batch {}: {}", definition.id(), batchId, e.getMessage());
      } finally {
        records.abort();
        dead.abort();
      }
    }
  }

  @Override
  public void close() {
    abort();
  }

  private Snapshot commit(Table table, List<DataFile> files, long rows, SourceMarker marker) {
    table.refresh();
    String prefix = marker.keyPrefix();
    if (!prefix.startsWith(SourceMarker.KEY_ROOT)) {
      throw new IllegalArgumentException(
          "source marker prefix " + prefix + " must start with " + SourceMarker.KEY_ROOT);
    }
    return Commits.commit(
        table,
        () -> {
          // The marker reads the version the append commits against, or the append fails.
          Table pinned = PinnedOperations.pin(table);
          Map<String, String> entries = marker.entries(Lineage.sourceMarkers(pinned, prefix));
          AppendFiles append = pinned.newAppend();
          files.forEach(append::appendFile);
          entries.forEach(
              (key, value) -> {
                if (!key.startsWith(prefix)) {
                  throw new IllegalArgumentException(
                      "source marker entry " + key + " does not start with " + prefix);
                }
                append.set(key, value);
              });
          append.set(TableProperties.BATCH_ID, batchId);
          append.set(TableProperties.ROWS_WRITTEN, Long.toString(rows));
          return append;
        });
  }

  private static void delete(Table table, List<DataFile> files) {
    for (DataFile file : files) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException e) {
        LOG.warn("Cannot delete uncommitted {}: {}", file.location(), e.getMessage());
      }
    }
  }

  /** Where rows go: straight to the writers, or through a hand-off started with the first row. */
  private Consumer<Row> writer() {
    if (writer == null) {
      if (pipelined) {
        handoff = Handoff.start("medallion-" + definition.id() + "-append", this::write);
        writer = handoff;
      } else {
        writer = this::write;
      }
    }
    return writer;
  }

  /** Waits until every row handed on is written; rethrows the writing thread's failure. */
  private void drain() {
    if (handoff != null) {
      Handoff<Row> draining = handoff;
      handoff = null;
      draining.close();
    }
  }

  /** Writes one row; on the writing thread when pipelined. */
  private void write(Row row) {
    Record record = (row.dead() ? deadTemplate : bronzeTemplate).copy();
    record.setField(BronzeTable.BATCH_ID, batchId);
    record.setField(BronzeTable.INGESTED_AT, ingestedAt);
    record.setField(BronzeTable.SOURCE_NAME, row.source());
    record.setField(BronzeTable.SOURCE_COORDINATE, row.coordinate());
    record.setField(BronzeTable.RECORD_INDEX, row.index());
    record.setField(BronzeTable.PAYLOAD, row.payload());
    if (row.dead()) {
      record.setField(BronzeTable.ERROR, row.error());
      record.setField(BronzeTable.PAYLOAD_ENCODING, row.encoding());
      deadValues.set(record, row.sourceValues());
      dead.write(record);
    } else {
      bronzeValues.set(record, row.sourceValues());
      records.write(record);
    }
  }

  /**
   * A row on its way to a writer, made on the calling thread.
   *
   * @param dead whether it is a dead letter
   * @param source the source's name
   * @param coordinate where it was
   * @param index its position in the batch
   * @param payload the raw text, base64 for bytes that are not UTF-8, or null
   * @param error why it is a dead letter
   * @param encoding the payload's encoding, for dead letters
   * @param sourceValues the converted source column values
   */
  private record Row(
      boolean dead,
      String source,
      String coordinate,
      long index,
      CharSequence payload,
      String error,
      String encoding,
      Object[] sourceValues) {}

  private void checkOpen() {
    if (!open) {
      throw new MedallionException(
          "batch " + batchId + " of " + definition.id() + " is already committed or aborted");
    }
  }

  /** Writes what the reader finds in the current message. */
  private final class Sink implements RecordSink {
    private String source;
    private Object[] values;
    private boolean deadLetters;

    void next(String messageSource, Object[] messageValues, boolean writeDeadLetters) {
      this.source = messageSource;
      this.values = messageValues;
      this.deadLetters = writeDeadLetters;
    }

    @Override
    public void record(String coordinate, CharSequence payload) {
      recordsAdded++;
      writer()
          .accept(
              new Row(
                  false,
                  source,
                  coordinate,
                  index++,
                  payload,
                  null,
                  null,
                  bronzeValues.convert(values)));
    }

    @Override
    public void deadLetter(String coordinate, String error, String payload) {
      if (!deadLetters) {
        return;
      }
      MessageBatch.this.deadLetter(
          source, coordinate, error, payload.getBytes(StandardCharsets.UTF_8), values);
    }
  }
}
