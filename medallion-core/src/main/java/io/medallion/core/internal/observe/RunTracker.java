package io.medallion.core.internal.observe;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.core.TableRun;
import io.medallion.core.observe.RunFinished;
import io.medallion.core.observe.RunObserver;
import io.medallion.core.observe.RunStarted;
import io.medallion.core.observe.TableOutcome;
import io.medallion.core.observe.TableStatus;
import io.medallion.report.QualityReport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a runtime's observers what one run does, in order: started, each table's outcome, finished.
 * An observer that throws is logged and skipped, so observing never fails a run.
 *
 * <pre>{@code
 * RunTracker tracker = RunTracker.start(observers, pipeline.name(), clock);
 * tracker.tableStarted(users.id(), Layer.SILVER);
 * tracker.tableDone(run, report, () -> OptionalLong.of(upstream));
 * tracker.finish();
 * }</pre>
 */
public final class RunTracker {
  private static final Logger LOG = LoggerFactory.getLogger(RunTracker.class);

  private final List<RunObserver> observers;
  private final Clock clock;
  private final RunStarted started;
  private final List<TableOutcome> outcomes = new ArrayList<>();
  private TableId current;
  private Layer currentLayer;
  private Instant currentStart;

  private RunTracker(List<RunObserver> observers, Clock clock, RunStarted started) {
    this.observers = observers;
    this.clock = clock;
    this.started = started;
  }

  /**
   * Starts a run and tells the observers.
   *
   * @param observers the runtime's observers
   * @param pipeline the pipeline's name, or the bronze table's id for an ingestion on its own
   * @param clock the runtime's clock
   * @return the run's tracker
   */
  public static RunTracker start(List<RunObserver> observers, String pipeline, Clock clock) {
    Instant now = clock.instant();
    RunTracker tracker =
        new RunTracker(
            List.copyOf(observers), clock, new RunStarted(RunIds.next(now), pipeline, now));
    tracker.tell(observer -> observer.runStarted(tracker.started), "runStarted");
    return tracker;
  }

  /**
   * Returns the run's id.
   *
   * @return the id
   */
  public String runId() {
    return started.runId();
  }

  /**
   * Tells whether anyone listens, so that callers skip work only observers need.
   *
   * @return true when at least one observer is registered
   */
  public boolean observed() {
    return !observers.isEmpty();
  }

  /**
   * Notes that a table's processing starts now.
   *
   * @param table the table
   * @param layer its layer
   */
  public void tableStarted(TableId table, Layer layer) {
    tableStarted(table, layer, clock.instant());
  }

  /**
   * Notes that a table's processing started at a given time, e.g. a silver table fed while its
   * bronze table was being written.
   *
   * @param table the table
   * @param layer its layer
   * @param since when its processing started
   */
  public void tableStarted(TableId table, Layer layer, Instant since) {
    current = table;
    currentLayer = layer;
    currentStart = since;
  }

  /** Tells the observers how many records an ingestion has written so far. */
  private void recordsIngested(TableId table, long records) {
    tell(observer -> observer.recordsIngested(table, records), "recordsIngested");
  }

  /**
   * Returns what an ingestion of one table tells as it writes, passed on to the observers' {@link
   * RunObserver#recordsIngested}; null when nobody observes, so that nothing is counted in vain.
   *
   * @param table the bronze table
   * @return the listener, or null
   */
  public LongConsumer ingestionProgress(TableId table) {
    return observed() ? records -> recordsIngested(table, records) : null;
  }

  /**
   * Records the outcome of the table started last and tells the observers.
   *
   * @param run what the table's processing did
   * @param report its quality report, or null
   * @param upstream the upstream snapshot the table's newest commit consumed; asked only when
   *     someone observes
   */
  public void tableDone(TableRun run, QualityReport report, Supplier<OptionalLong> upstream) {
    tableDone(run, report, upstream, Optional.empty());
  }

  /**
   * What an audit made of a table written to its branch.
   *
   * @param status {@link TableStatus#PUBLISHED} or {@link TableStatus#AUDIT_PENDING}
   * @param heldBack why a pending table is held back; empty when it was published
   */
  public record Audited(TableStatus status, List<String> heldBack) {
    /**
     * Copies the reasons.
     *
     * @param status the status
     * @param heldBack the reasons
     */
    public Audited {
      heldBack = List.copyOf(heldBack);
    }
  }

  /**
   * Records the outcome of the table started last, with the status its audit gave it, and tells the
   * observers.
   *
   * @param run what the table's processing did
   * @param report its quality report, or null
   * @param upstream the upstream snapshot the table's newest commit consumed; asked only when
   *     someone observes
   * @param audited what the audit made of a table written to an audit branch; empty to derive the
   *     status from the counts
   */
  public void tableDone(
      TableRun run,
      QualityReport report,
      Supplier<OptionalLong> upstream,
      Optional<Audited> audited) {
    OptionalLong consumed = observed() ? upstream.get() : OptionalLong.empty();
    record(
        audited.map(Audited::status).orElseGet(() -> statusOf(run)),
        run,
        consumed,
        Optional.ofNullable(report),
        Optional.empty(),
        audited.map(Audited::heldBack).orElse(List.of()));
  }

  /** Ends the run successfully and tells the observers. */
  public void finish() {
    end(Optional.empty());
  }

  /**
   * Ends the run with a failure: the table being processed, if any, is recorded as failed, then the
   * observers hear that the run failed.
   *
   * @param failure what made the run fail
   * @return the failure, for the caller to throw
   */
  public RuntimeException fail(RuntimeException failure) {
    if (current != null) {
      record(
          TableStatus.FAILED,
          TableRun.unchanged(current, currentLayer),
          OptionalLong.empty(),
          Optional.empty(),
          Optional.of(failure),
          List.of());
    }
    end(Optional.of(failure));
    return failure;
  }

  private void end(Optional<Throwable> failure) {
    RunFinished finished =
        new RunFinished(
            runId(), started.pipeline(), started.startedAt(), clock.instant(), outcomes, failure);
    tell(observer -> observer.runFinished(finished), "runFinished");
  }

  /** Ends the current table with its outcome and tells the observers. */
  private void record(
      TableStatus status,
      TableRun run,
      OptionalLong consumed,
      Optional<QualityReport> report,
      Optional<Throwable> failure,
      List<String> heldBack) {
    TableOutcome outcome =
        new TableOutcome(
            runId(),
            started.pipeline(),
            currentStart,
            clock.instant(),
            status,
            run,
            consumed,
            report,
            failure,
            heldBack);
    current = null;
    outcomes.add(outcome);
    tell(observer -> observer.tableFinished(outcome), "tableFinished");
  }

  private static TableStatus statusOf(TableRun run) {
    if (run.written() == 0 && run.quarantined() > 0) {
      return TableStatus.QUARANTINED_ONLY;
    }
    return run.committed() ? TableStatus.COMMITTED : TableStatus.NOTHING_NEW;
  }

  private void tell(Consumer<RunObserver> event, String name) {
    for (RunObserver observer : observers) {
      try {
        event.accept(observer);
      } catch (RuntimeException e) {
        LOG.warn(
            "Run observer {} failed on {} of run {}; the run goes on",
            observer.getClass().getName(),
            name,
            runId(),
            e);
      }
    }
  }
}
