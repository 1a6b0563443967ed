package io.medallion.core.bronze;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.catalog.TableLayouts;
import io.medallion.core.iceberg.RecordWriter;
import io.medallion.core.iceberg.TableProperties;
import io.medallion.core.iceberg.TableStore;
import io.medallion.table.BronzeTable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one batch of raw records to a bronze table, streaming, and undecodable input to its
 * dead-letter table. Every input byte ends up in one of the two. Dead letters are committed first,
 * then bronze, both carrying the batch id in their snapshot summary.
 */
public final class BronzeIngestor {
  private static final Logger LOG = LoggerFactory.getLogger(BronzeIngestor.class);
  private static final long PROGRESS_EVERY = 100_000;

  private final TableStore store;
  private final Clock clock;

  /**
   * Creates an ingestor.
   *
   * @param store the tables
   * @param clock the clock stamping {@code ingested_at}
   */
  public BronzeIngestor(TableStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Creates a bronze table and its dead-letter table if they do not exist.
   *
   * @param definition the bronze table
   * @return the bronze table
   */
  public Table ensure(BronzeTable definition) {
    store.ensure(TableLayouts.deadLetter(definition));
    return store.ensure(TableLayouts.bronze(definition));
  }

  /**
   * Ingests every part of a source as one batch.
   *
   * @param definition the bronze table
   * @param source the input
   * @return what was written: {@code written} records and {@code quarantined} dead letters
   */
  public TableRun ingest(BronzeTable definition, JsonSource source) {
    Table bronze = ensure(definition);
    Table deadLetters = store.load(definition.deadLetterId());
    String batchId = UUID.randomUUID().toString();
    OffsetDateTime ingestedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    JsonRecordReader reader = new JsonRecordReader(definition.maxRecordBytes());
    try (RecordWriter records = new RecordWriter(bronze);
        RecordWriter dead = new RecordWriter(deadLetters)) {
      Writer sink = new Writer(bronze, deadLetters, records, dead, batchId, ingestedAt);
      for (JsonSource.Part part : source.parts()) {
        sink.part = part.name();
        try (InputStream input = part.open()) {
          reader.read(input, sink);
        } catch (IOException e) {
          throw new MedallionException(
              "Cannot read source " + part.name() + ": " + e.getMessage(), e);
        }
      }
      long deadSnapshot = commit(deadLetters, dead, batchId);
      long bronzeSnapshot = commit(bronze, records, batchId);
      LOG.info(
          "{}: batch {} ingested {} records, {} dead letters",
          definition.id(),
          batchId,
          records.rows(),
          dead.rows());
      return new TableRun(
          definition.id(),
          Layer.BRONZE,
          records.rows() + dead.rows(),
          records.rows(),
          dead.rows(),
          0,
          0,
          bronzeSnapshot >= 0 ? bronzeSnapshot : deadSnapshot);
    }
  }

  private static long commit(Table table, RecordWriter writer, String batchId) {
    List<org.apache.iceberg.DataFile> files = writer.finish();
    if (files.isEmpty()) {
      return -1;
    }
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    append.set(TableProperties.BATCH_ID, batchId);
    append.set(TableProperties.ROWS_WRITTEN, Long.toString(writer.rows()));
    append.commit();
    return table.currentSnapshot().snapshotId();
  }

  /** Turns reader events into bronze and dead-letter rows. */
  private static final class Writer implements RecordSink {
    private final Record bronzeTemplate;
    private final Record deadTemplate;
    private final RecordWriter records;
    private final RecordWriter dead;
    private final String batchId;
    private final OffsetDateTime ingestedAt;
    private String part;
    private long index;

    Writer(
        Table bronze,
        Table deadLetters,
        RecordWriter records,
        RecordWriter dead,
        String batchId,
        OffsetDateTime ingestedAt) {
      this.bronzeTemplate = GenericRecord.create(bronze.schema());
      this.deadTemplate = GenericRecord.create(deadLetters.schema());
      this.records = records;
      this.dead = dead;
      this.batchId = batchId;
      this.ingestedAt = ingestedAt;
    }

    @Override
    public void record(String coordinate, String payload) {
      Record row = bronzeTemplate.copy();
      fill(row, coordinate);
      row.setField(BronzeTable.PAYLOAD, payload);
      records.write(row);
      if (records.rows() % PROGRESS_EVERY == 0) {
        LOG.info("{}: {} records so far", part, records.rows());
      }
    }

    @Override
    public void deadLetter(String coordinate, String error, String payload) {
      Record row = deadTemplate.copy();
      fill(row, coordinate);
      row.setField(BronzeTable.ERROR, error);
      row.setField(BronzeTable.PAYLOAD, payload);
      dead.write(row);
      LOG.warn("Dead letter at {} {}: {}", part, coordinate, error);
    }

    private void fill(Record row, String coordinate) {
      row.setField(BronzeTable.BATCH_ID, batchId);
      row.setField(BronzeTable.INGESTED_AT, ingestedAt);
      row.setField(BronzeTable.SOURCE_NAME, part);
      row.setField(BronzeTable.SOURCE_COORDINATE, coordinate);
      row.setField(BronzeTable.RECORD_INDEX, index++);
    }
  }
}
