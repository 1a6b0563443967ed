package io.medallion.core;

import io.medallion.core.internal.bronze.MessageBatch;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.spi.SourceMarker;
import io.medallion.table.BronzeTable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.iceberg.Table;

/**
 * Appends messages a streaming source has read (Kafka records, queue messages) to a bronze table,
 * committing with them what the source consumed. Each message is split into records as files are
 * (one JSON object, or the records of an envelope); what cannot be decoded goes to the dead-letter
 * table, with bytes that are not UTF-8 kept in base64. The source fills the table's {@link
 * BronzeTable#sourceColumns() source columns}. Obtained from {@link
 * MedallionRuntime#bronzeAppender(BronzeTable)}; use it from one thread. With the runtime's
 * parallelism at 2, a batch writes Parquet on a second thread while the caller splits messages.
 *
 * <pre>{@code
 * BronzeAppender appender = runtime.bronzeAppender(raw);
 * Map<String, String> resumeFrom = appender.recorded("medallion.source.acme-queue.");
 * try (BronzeAppender.Batch batch = appender.newBatch()) {
 *   batch.add("orders", "orders@1200", messageBytes, new Object[] {1200L});
 *   batch.commit(deadLetterMarker, bronzeMarker);
 * }
 * }</pre>
 */
public final class BronzeAppender {
  private final BronzeTable definition;
  private final Table bronze;
  private final Table deadLetters;
  private final Clock clock;
  private final boolean pipelined;

  BronzeAppender(
      BronzeTable definition, Table bronze, Table deadLetters, Clock clock, boolean pipelined) {
    this.definition = definition;
    this.bronze = bronze;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.pipelined = pipelined;
  }

  /**
   * Returns the bronze table this appender writes.
   *
   * @return the definition
   */
  public BronzeTable definition() {
    return definition;
  }

  /**
   * Starts a batch; nothing of it is visible until {@link Batch#commit}.
   *
   * @return the batch, stamped with the current time as its ingestion time
   */
  public Batch newBatch() {
    OffsetDateTime now =
        OffsetDateTime.now(clock)
            .withOffsetSameInstant(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MICROS);
    return new Batch(new MessageBatch(definition, bronze, deadLetters, now, pipelined));
  }

  /**
   * Returns the source-marker entries the bronze table recorded last under a prefix: where a source
   * resumes.
   *
   * @param keyPrefix the source's {@link SourceMarker#keyPrefix()}
   * @return the entries of the newest bronze snapshot holding any, empty when none does
   */
  public Map<String, String> recorded(String keyPrefix) {
    bronze.refresh();
    return Lineage.sourceMarkers(bronze, keyPrefix);
  }

  /**
   * Returns the source-marker entries the dead-letter table recorded last under a prefix: dead
   * letters below them are already written, even when their bronze commit did not follow.
   *
   * @param keyPrefix the source's {@link SourceMarker#keyPrefix()}
   * @return the entries of the newest dead-letter snapshot holding any, empty when none does
   */
  public Map<String, String> recordedInDeadLetters(String keyPrefix) {
    deadLetters.refresh();
    return Lineage.sourceMarkers(deadLetters, keyPrefix);
  }

  /**
   * Commits no rows, only markers, to the dead-letter table and then to bronze: a source's position
   * moved by hand (a recreated topic), recorded like any batch so every reader sees it.
   *
   * <pre>{@code
   * appender.mark(deadLetterMarker, bronzeMarker);
   * }</pre>
   *
   * @param deadLetterMarker the marker committed to the dead-letter table
   * @param bronzeMarker the marker committed to bronze
   * @return the bronze snapshot, with zero counts
   * @throws io.medallion.core.spi.MarkerConflictException when a marker refuses
   */
  public TableRun mark(SourceMarker deadLetterMarker, SourceMarker bronzeMarker) {
    try (MessageBatch empty = newBatch().messages) {
      return empty.commit(deadLetterMarker, bronzeMarker, true);
    }
  }

  /**
   * Messages on their way to bronze. Closing a batch that was not committed deletes what it wrote.
   *
   * <pre>{@code
   * try (BronzeAppender.Batch batch = appender.newBatch()) {
   *   batch.add("orders", "orders@7", bytes, new Object[] {7L});
   *   TableRun run = batch.commit(deadLetterMarker, bronzeMarker);
   * }
   * }</pre>
   */
  public static final class Batch implements AutoCloseable {
    private final MessageBatch messages;

    private Batch(MessageBatch messages) {
      this.messages = messages;
    }

    /**
     * Adds one message: its records go to bronze, what cannot be decoded to the dead letters.
     *
     * @param source the source's name, e.g. the topic
     * @param coordinate where the message is, e.g. {@code orders/3@1200}; records inside an
     *     envelope add their index
     * @param message the raw bytes
     * @param sourceValues one value per source column, in their order (null for none)
     * @throws IllegalArgumentException naming the column when a value does not fit its type
     */
    public void add(String source, String coordinate, byte[] message, Object... sourceValues) {
      messages.add(source, coordinate, message, sourceValues);
    }

    /**
     * Adds a message again after a restart, when the dead-letter table already holds its dead
     * letters ({@link BronzeAppender#recordedInDeadLetters}) but bronze did not record its records:
     * only the records are written, so no dead letter is written twice.
     *
     * @param source the source's name
     * @param coordinate where the message is
     * @param message the raw bytes
     * @param sourceValues one value per source column, in their order
     */
    public void addAgain(String source, String coordinate, byte[] message, Object... sourceValues) {
      messages.addAgain(source, coordinate, message, sourceValues);
    }

    /**
     * Adds a dead letter the source found itself, such as a tombstone or an oversized message.
     *
     * @param source the source's name
     * @param coordinate where it is
     * @param error why it is not a record
     * @param raw the raw bytes (written as text when UTF-8, else in base64), or null for none
     * @param sourceValues one value per source column, in their order
     */
    public void deadLetter(
        String source, String coordinate, String error, byte[] raw, Object... sourceValues) {
      messages.deadLetter(source, coordinate, error, raw, sourceValues);
    }

    /**
     * Returns the records added so far.
     *
     * @return the count
     */
    public long records() {
      return messages.records();
    }

    /**
     * Returns the dead letters added so far.
     *
     * @return the count
     */
    public long deadLetters() {
      return messages.deadLetters();
    }

    /**
     * Commits the dead letters (if any) with one marker, then the records with the other; the
     * bronze commit is made even when there are no records, so that its marker moves on.
     *
     * @param deadLetterMarker the marker committed with the dead letters
     * @param bronzeMarker the marker committed with the records
     * @return counts: {@code written} records, {@code quarantined} dead letters, the bronze
     *     snapshot
     * @throws io.medallion.core.spi.MarkerConflictException when a marker refuses: what was not yet
     *     committed is deleted
     * @throws CommitConflictException when the commit lost to other writers too often
     */
    public TableRun commit(SourceMarker deadLetterMarker, SourceMarker bronzeMarker) {
      return messages.commit(deadLetterMarker, bronzeMarker);
    }

    @Override
    public void close() {
      messages.abort();
    }
  }
}
