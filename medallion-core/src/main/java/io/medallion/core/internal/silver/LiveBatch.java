package io.medallion.core.internal.silver;

import io.medallion.core.internal.bronze.IngestedRecord;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.iceberg.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A silver batch fed by an ingestion while it writes bronze, so the records are not read back and
 * parsed again. Bronze stays the source of truth: the batch commits only if the bronze snapshot the
 * ingestion committed directly follows the one silver had consumed, so that it holds exactly the
 * records fed. Otherwise (another ingestion committed in between, or feeding failed) the batch is
 * discarded and silver is brought up to date from bronze as usual.
 *
 * <p>{@link #accept} never throws: a failure on the silver side must not fail the ingestion. It is
 * remembered, and {@link #finish} falls back to reading bronze, which reports it again if it
 * persists.
 *
 * <pre>{@code
 * LiveBatch live = processor.startLive(users);
 * TableRun ingested = bronze.ingest(raw, source, live::accept);
 * SilverOutcome outcome = live.finish(ingested.snapshotId());
 * }</pre>
 */
public final class LiveBatch {
  private static final Logger LOG = LoggerFactory.getLogger(LiveBatch.class);

  private final SilverTables tables;
  private final SilverBatch batch;
  private final Feed<IngestedRecord> feed;
  private final SilverOutcome caughtUp;
  private final Supplier<SilverOutcome> readBronze;
  private final Long consumed;
  private RuntimeException failure;

  /**
   * @param caughtUp what bringing silver up to date before the ingestion did
   * @param readBronze brings silver up to date from bronze, when the records fed cannot be used
   */
  LiveBatch(
      SilverTables tables,
      SilverBatch batch,
      Feed<IngestedRecord> feed,
      SilverOutcome caughtUp,
      Supplier<SilverOutcome> readBronze) {
    this.tables = tables;
    this.batch = batch;
    this.feed = feed;
    this.caughtUp = caughtUp;
    this.readBronze = readBronze;
    this.consumed = tables.consumed();
  }

  /**
   * Takes one record that the ingestion wrote, in batch order.
   *
   * @param record the record
   */
  public void accept(IngestedRecord record) {
    if (failure != null) {
      return;
    }
    try {
      feed.accept(record);
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /**
   * Commits the batch if the ingestion's bronze snapshot directly follows what silver had consumed;
   * otherwise brings silver up to date from bronze.
   *
   * @param bronzeSnapshot the snapshot the ingestion committed, or null when it wrote no record
   * @return what silver did, including the catch-up that preceded the batch
   */
  public SilverOutcome finish(Long bronzeSnapshot) {
    closeFeed();
    if (bronzeSnapshot == null) {
      batch.abort();
      return caughtUp;
    }
    tables.upstream.refresh();
    Snapshot written = tables.upstream.snapshot(bronzeSnapshot);
    if (failure != null || written == null || !Objects.equals(written.parentId(), consumed)) {
      batch.abort();
      LOG.info(
          "{}: reading bronze instead of the records handed over ({})",
          tables.definition.id(),
          failure != null ? failure.getMessage() : "bronze had other commits in between");
      return caughtUp.plus(readBronze.get());
    }
    return caughtUp.plus(tables.commit(batch, bronzeSnapshot));
  }

  /** Discards the batch: the ingestion failed. */
  public void abort() {
    closeFeed();
    batch.abort();
  }

  /** Waits for the rows handed over; a failure accept() did not see yet is remembered. */
  private void closeFeed() {
    try {
      feed.close();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      }
    }
  }
}
