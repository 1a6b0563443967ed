package io.medallion.core.internal.bronze;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.exec.Handoff;
import io.medallion.core.internal.iceberg.Commits;
import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.spi.JsonSource;
import io.medallion.table.BronzeTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one batch of raw records to a bronze table, streaming, and undecodable input to its
 * dead-letter table. Every record read ends up in one of the two. Dead letters are committed first,
 * then bronze, both carrying the batch id in their snapshot summary; the bronze commit also lists
 * the source parts it loaded, so that loading them again is skipped (see {@link JsonSource}).
 */
public final class BronzeIngestor {
  private static final Logger LOG = LoggerFactory.getLogger(BronzeIngestor.class);
  private static final long PROGRESS_EVERY = 100_000;

  /** Records between two calls of an ingestion's progress listener: often, yet cheap. */
  private static final long NOTIFY_EVERY = 1_000;

  private final TableStore store;
  private final Clock clock;
  private final boolean pipelined;

  /**
   * Creates an ingestor.
   *
   * @param store the tables
   * @param clock the clock stamping {@code ingested_at}
   * @param pipelined whether input is read and split into records on the calling thread while
   *     another thread writes them; false does everything on the calling thread
   */
  public BronzeIngestor(TableStore store, Clock clock, boolean pipelined) {
    this.store = store;
    this.clock = clock;
    this.pipelined = pipelined;
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
    return ingest(definition, source, null);
  }

  /**
   * Ingests every part of a source as one batch, handing each record to {@code tap} once it is
   * written, in batch order, on the thread that writes bronze.
   *
   * @param definition the bronze table
   * @param source the input
   * @param tap receives each record written, or null; it must not throw
   * @return what was written: {@code written} records and {@code quarantined} dead letters, and the
   *     parts skipped because an earlier batch loaded them
   */
  public TableRun ingest(BronzeTable definition, JsonSource source, Consumer<IngestedRecord> tap) {
    return ingest(definition, source, tap, null);
  }

  /**
   * Ingests as {@link #ingest(BronzeTable, JsonSource, Consumer)} does, telling {@code progress}
   * the records written so far after every thousand, on the thread that writes bronze.
   *
   * @param definition the bronze table
   * @param source the input
   * @param tap receives each record written, or null; it must not throw
   * @param progress receives the records written so far, or null; it must not throw
   * @return what was written, as the other ingest methods return it
   */
  public TableRun ingest(
      BronzeTable definition,
      JsonSource source,
      Consumer<IngestedRecord> tap,
      LongConsumer progress) {
    Table bronze = ensure(definition);
    Loading loading = new Loading(definition, source, LoadHistory.of(bronze));
    Table deadLetters = store.ensure(TableLayouts.deadLetter(definition));
    String batchId = UUID.randomUUID().toString();
    // Microseconds, as Iceberg stores them: a record handed on is then equal to one read back.
    OffsetDateTime ingestedAt =
        OffsetDateTime.now(clock)
            .withOffsetSameInstant(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MICROS);
    try (RecordWriter records = new RecordWriter(bronze);
        RecordWriter dead = new RecordWriter(deadLetters)) {
      Writer writer =
          new Writer(bronze, deadLetters, records, dead, batchId, ingestedAt, tap, progress);
      try {
        feed(definition, loading, writer);
      } catch (RuntimeException e) {
        records.abort();
        dead.abort();
        throw e;
      }
      long deadSnapshot = commit(deadLetters, dead, batchId);
      long bronzeSnapshot = commit(bronze, records, batchId, loading.loaded);
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
          bronzeSnapshot >= 0 ? bronzeSnapshot : deadSnapshot,
          loading.skipped);
    }
  }

  /** Reads every part into the writer, on two threads when pipelined: splitting, writing. */
  private void feed(BronzeTable definition, Loading loading, Writer writer) {
    if (!pipelined) {
      loading.readParts(writer::write);
      return;
    }
    try (Handoff<Raw> handoff = Handoff.start("medallion-" + definition.id(), writer::write)) {
      loading.readParts(handoff);
    }
  }

  /** Reads a source's parts, skipping those loaded before, and notes what it loaded. */
  private static final class Loading {
    private final BronzeTable definition;
    private final JsonSource source;
    private final LoadHistory history;
    private final JsonRecordReader reader;
    private final List<LoadedPart> loaded = new ArrayList<>();
    private final List<TableRun.Skipped> skipped = new ArrayList<>();

    Loading(BronzeTable definition, JsonSource source, LoadHistory history) {
      this.definition = definition;
      this.source = source;
      this.history = history;
      this.reader = JsonRecordReader.of(definition);
    }

    void readParts(Consumer<Raw> out) {
      for (JsonSource.Part part : source.parts()) {
        try {
          OptionalLong loadedIn = source.isForced() ? OptionalLong.empty() : loadedBefore(part);
          if (loadedIn.isPresent()) {
            TableRun.Skipped skip = new TableRun.Skipped(part.name(), loadedIn.getAsLong());
            LOG.info("{}: {}", definition.id(), skip);
            skipped.add(skip);
          } else {
            read(part, new PartSink(part.name(), out));
          }
        } catch (IOException e) {
          throw new MedallionException(
              "Cannot read source " + part.name() + ": " + e.getMessage(), e);
        }
      }
    }

    /**
     * Finds the batch that loaded a part before. A file is hashed up front only when a file of its
     * path and size was loaded before; otherwise it is hashed while it is read.
     */
    private OptionalLong loadedBefore(JsonSource.Part part) throws IOException {
      Optional<Path> file = part.file();
      if (file.isPresent()) {
        String path = LoadedPart.source(file.get());
        boolean likely = history.loadedLike(path, LoadedPart.sizePrefix(Files.size(file.get())));
        return likely ? history.snapshotOf(LoadedPart.hash(file.get())) : OptionalLong.empty();
      }
      return part.identity()
          .map(identity -> history.snapshotOf(LoadedPart.identified(part.name(), identity)))
          .orElse(OptionalLong.empty());
    }

    private void read(JsonSource.Part part, RecordSink sink) throws IOException {
      try (InputStream input = part.open()) {
        Optional<Path> file = part.file();
        if (file.isPresent()) {
          LoadedPart.Hashing hashing = new LoadedPart.Hashing(input);
          reader.read(hashing, sink);
          hashing.drain();
          loaded.add(hashing.loaded(file.get()));
        } else {
          reader.read(input, sink);
          part.identity()
              .ifPresent(identity -> loaded.add(LoadedPart.identified(part.name(), identity)));
        }
      }
    }
  }

  /**
   * One unit of input, split but not yet written.
   *
   * @param part the source part it came from
   * @param coordinate where in the part
   * @param error why it is a dead letter, or null for a record
   * @param payload the raw text
   */
  private record Raw(String part, String coordinate, String error, CharSequence payload) {}

  /** Tags the reader's events with their part. */
  private record PartSink(String part, Consumer<Raw> out) implements RecordSink {
    @Override
    public void record(String coordinate, CharSequence payload) {
      out.accept(new Raw(part, coordinate, null, payload));
    }

    @Override
    public void deadLetter(String coordinate, String error, String payload) {
      out.accept(new Raw(part, coordinate, error, payload));
    }
  }

  private static long commit(Table table, RecordWriter writer, String batchId) {
    return commit(table, writer, batchId, List.of());
  }

  /**
   * Commits what a writer wrote, with the parts loaded listed in the summary; a batch whose parts
   * held only dead letters still commits (no files), so that it is not loaded again.
   */
  private static long commit(
      Table table, RecordWriter writer, String batchId, List<LoadedPart> loaded) {
    List<org.apache.iceberg.DataFile> files = writer.finish();
    if (files.isEmpty() && loaded.isEmpty()) {
      return -1;
    }
    long rows = writer.rows();
    // An append stays valid whoever committed meanwhile: Commits retries it when it loses a race.
    return Commits.commit(
            table,
            () -> {
              AppendFiles append = table.newAppend();
              files.forEach(append::appendFile);
              LoadHistory.record(append, loaded);
              append.set(TableProperties.BATCH_ID, batchId);
              append.set(TableProperties.ROWS_WRITTEN, Long.toString(rows));
              return append;
            })
        .snapshotId();
  }

  /** Turns split input into bronze and dead-letter rows. */
  private static final class Writer {
    private final Record bronzeTemplate;
    private final Record deadTemplate;
    private final RecordWriter records;
    private final RecordWriter dead;
    private final String batchId;
    private final OffsetDateTime ingestedAt;
    private final Consumer<IngestedRecord> tap;
    private final LongConsumer progress;
    private long index;

    Writer(
        Table bronze,
        Table deadLetters,
        RecordWriter records,
        RecordWriter dead,
        String batchId,
        OffsetDateTime ingestedAt,
        Consumer<IngestedRecord> tap,
        LongConsumer progress) {
      this.bronzeTemplate = GenericRecord.create(bronze.schema());
      this.deadTemplate = GenericRecord.create(deadLetters.schema());
      this.records = records;
      this.dead = dead;
      this.batchId = batchId;
      this.ingestedAt = ingestedAt;
      this.tap = tap;
      this.progress = progress;
    }

    void write(Raw raw) {
      if (raw.error() != null) {
        Record row = deadTemplate.copy();
        fill(row, raw);
        row.setField(BronzeTable.ERROR, raw.error());
        row.setField(BronzeTable.PAYLOAD_ENCODING, BronzeTable.UTF_8);
        dead.write(row);
        LOG.warn("Dead letter at {} {}: {}", raw.part(), raw.coordinate(), raw.error());
        return;
      }
      Record row = bronzeTemplate.copy();
      long recordIndex = fill(row, raw);
      records.write(row);
      if (tap != null) {
        tap.accept(
            new IngestedRecord(
                batchId, ingestedAt, raw.part(), raw.coordinate(), recordIndex, raw.payload()));
      }
      if (records.rows() % PROGRESS_EVERY == 0) {
        LOG.info("{}: {} records so far", raw.part(), records.rows());
      }
      if (progress != null && records.rows() % NOTIFY_EVERY == 0) {
        progress.accept(records.rows());
      }
    }

    /** Fills the metadata and payload; returns the row's index in the batch. */
    private long fill(Record row, Raw raw) {
      row.setField(BronzeTable.BATCH_ID, batchId);
      row.setField(BronzeTable.INGESTED_AT, ingestedAt);
      row.setField(BronzeTable.SOURCE_NAME, raw.part());
      row.setField(BronzeTable.SOURCE_COORDINATE, raw.coordinate());
      row.setField(BronzeTable.RECORD_INDEX, index);
      row.setField(BronzeTable.PAYLOAD, raw.payload());
      return index++;
    }
  }
}
