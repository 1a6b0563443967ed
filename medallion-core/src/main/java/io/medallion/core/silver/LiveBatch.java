package io.medallion.core.silver;

import io.medallion.core.bronze.IngestedRecord;
import io.medallion.core.exec.Handoff;
import io.medallion.table.SilverTable;
import java.util.Objects;
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
 */
public final class LiveBatch {
  private static final Logger LOG = LoggerFactory.getLogger(LiveBatch.class);

  private final SilverProcessor processor;
  private final SilverTable definition;
  private final SilverProcessor.Tables tables;
  private final SilverBatch batch;
  private final SilverProcessor.Outcome caughtUp;
  private final Long consumed;
  private final Handoff<SilverBatch.Mapped> scoring;
  private final Handoff<IngestedRecord> mapping;
  private RuntimeException failure;

  LiveBatch(
      SilverProcessor processor,
      SilverTable definition,
      SilverProcessor.Tables tables,
      SilverBatch batch,
      SilverProcessor.Outcome caughtUp,
      boolean pipelined) {
    this.processor = processor;
    this.definition = definition;
    this.tables = tables;
    this.batch = batch;
    this.caughtUp = caughtUp;
    this.consumed = tables.consumed();
    if (pipelined) {
      this.scoring = Handoff.start("medallion-" + definition.id() + "-score", batch::accept);
      this.mapping =
          Handoff.start(
              "medallion-" + definition.id() + "-map",
              record -> scoring.accept(batch.map(sourceRow(record))));
    } else {
      this.scoring = null;
      this.mapping = null;
    }
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
      if (mapping != null) {
        mapping.accept(record);
      } else {
        batch.accept(sourceRow(record));
      }
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
  public SilverProcessor.Outcome finish(Long bronzeSnapshot) {
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
          definition.id(),
          failure != null ? failure.getMessage() : "bronze had other commits in between");
      return combine(processor.process(definition));
    }
    return processor.commit(definition, tables, batch, bronzeSnapshot, caughtUp);
  }

  /** Discards the batch: the ingestion failed. */
  public void abort() {
    closeFeed();
    batch.abort();
  }

  private void closeFeed() {
    if (mapping == null) {
      return;
    }
    // Mapping drains into scoring first; either may rethrow a failure accept() did not see yet.
    for (Handoff<?> handoff : new Handoff<?>[] {mapping, scoring}) {
      try {
        handoff.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
  }

  private SilverProcessor.Outcome combine(SilverProcessor.Outcome after) {
    return new SilverProcessor.Outcome(
        caughtUp.run().plus(after.run()),
        after.runId() != null ? after.runId() : caughtUp.runId(),
        after.runId() != null ? after.runAt() : caughtUp.runAt(),
        after.runId() != null ? after.stats() : caughtUp.stats(),
        after.runId() != null ? after.metrics() : caughtUp.metrics(),
        after.runId() != null ? after.datasetResults() : caughtUp.datasetResults(),
        after.runId() != null ? after.history() : caughtUp.history());
  }

  private SourceRow sourceRow(IngestedRecord record) {
    return UpstreamReader.bronzeRow(
        processor.json(),
        record.payload(),
        record.batchId(),
        record.ingestedAt(),
        record.sourceName() + " " + record.coordinate(),
        record.index());
  }
}
