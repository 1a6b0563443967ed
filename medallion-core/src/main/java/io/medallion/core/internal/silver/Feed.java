package io.medallion.core.internal.silver;

import io.medallion.core.internal.exec.Handoff;
import io.medallion.table.SilverTable;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hands upstream items to a batch. Pipelined, three stages run at once on their own threads:
 * reading (the caller's thread), turning items into rows and mapping them, and scoring with
 * writing; measured on two cores, the mapping (E.164 phones, timestamps) is about as costly as the
 * rest together. Otherwise everything runs on the caller's thread.
 *
 * @param <T> what the caller hands over: upstream rows, or records an ingestion wrote
 */
final class Feed<T> implements Consumer<T>, AutoCloseable {
  private final SilverBatch batch;
  private final Function<T, SourceRow> toRow;
  private final Handoff<SilverBatch.Mapped> scoring;
  private final Handoff<T> mapping;

  private Feed(
      SilverBatch batch,
      Function<T, SourceRow> toRow,
      Handoff<SilverBatch.Mapped> scoring,
      Handoff<T> mapping) {
    this.batch = batch;
    this.toRow = toRow;
    this.scoring = scoring;
    this.mapping = mapping;
  }

  /**
   * Starts feeding a batch.
   *
   * @param toRow turns an item into an upstream row (parsing it, for ingested records)
   */
  static <T> Feed<T> open(
      SilverTable definition, SilverBatch batch, boolean pipelined, Function<T, SourceRow> toRow) {
    if (!pipelined) {
      return new Feed<>(batch, toRow, null, null);
    }
    Handoff<SilverBatch.Mapped> scoring =
        Handoff.start("medallion-" + definition.id() + "-score", batch::accept);
    Handoff<T> mapping =
        Handoff.start(
            "medallion-" + definition.id() + "-map",
            item -> scoring.accept(batch.map(toRow.apply(item))));
    return new Feed<>(batch, toRow, scoring, mapping);
  }

  @Override
  public void accept(T item) {
    if (mapping == null) {
      batch.accept(toRow.apply(item));
    } else {
      mapping.accept(item);
    }
  }

  /**
   * Waits until every row handed over is scored. Mapping drains into scoring before scoring is
   * closed; both are closed even when the first fails.
   *
   * @throws RuntimeException the first failure of either stage
   */
  @Override
  public void close() {
    if (mapping == null) {
      return;
    }
    RuntimeException failure = null;
    for (Handoff<?> stage : List.of(mapping, scoring)) {
      try {
        stage.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
