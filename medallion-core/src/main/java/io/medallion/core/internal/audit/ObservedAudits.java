package io.medallion.core.internal.audit;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.TableRun;
import io.medallion.core.audit.Audits;
import io.medallion.core.audit.PendingAudit;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.internal.observe.RunTracker;
import io.medallion.core.observe.RunObserver;
import io.medallion.core.observe.TableStatus;
import io.medallion.report.QualityReport;
import io.medallion.table.TableDefinition;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A pipeline's audits whose "publish anyway" is a run the runtime's observers hear of: the run log
 * gets a {@code published} row per pipeline table that moved, so {@code runs} shows when a held
 * batch reached main, not only that it was held.
 *
 * <pre>{@code
 * Audits audits = new ObservedAudits(new PipelineAudits(store, pipeline, reports), store, pipeline,
 *     observers, clock);
 * }</pre>
 */
public final class ObservedAudits implements Audits {
  private final Audits audits;
  private final TableStore store;
  private final Pipeline pipeline;
  private final List<RunObserver> observers;
  private final Clock clock;

  /**
   * Wraps a pipeline's audits.
   *
   * @param audits the audits
   * @param store the runtime's tables, to name the snapshot each table published
   * @param pipeline the pipeline
   * @param observers the runtime's observers
   * @param clock the runtime's clock
   */
  public ObservedAudits(
      Audits audits,
      TableStore store,
      Pipeline pipeline,
      List<RunObserver> observers,
      Clock clock) {
    this.audits = audits;
    this.store = store;
    this.pipeline = pipeline;
    this.observers = observers;
    this.clock = clock;
  }

  @Override
  public List<PendingAudit> pending() {
    return audits.pending();
  }

  @Override
  public Optional<PendingAudit> find(String runId) {
    return audits.find(runId);
  }

  @Override
  public Map<TableId, QualityReport> reports(String runId) {
    return audits.reports(runId);
  }

  @Override
  public List<TableId> publish(String runId, String reason) {
    RunTracker tracker = RunTracker.start(observers, pipeline.name(), clock);
    try {
      List<TableId> published = audits.publish(runId, reason);
      for (TableDefinition definition : pipeline.tables()) {
        if (published.contains(definition.id())) {
          tracker.tableStarted(definition.id(), definition.layer());
          long main = store.load(definition.id()).currentSnapshot().snapshotId();
          tracker.tableDone(
              new TableRun(definition.id(), definition.layer(), 0, 0, 0, 0, 0, main, List.of()),
              null,
              OptionalLong::empty,
              Optional.of(new RunTracker.Audited(TableStatus.PUBLISHED, List.of())));
        }
      }
      tracker.finish();
      return published;
    } catch (RuntimeException e) {
      throw tracker.fail(e);
    }
  }

  @Override
  public List<TableId> discard(String runId) {
    return audits.discard(runId);
  }
}
