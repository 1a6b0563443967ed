package io.medallion.core.internal.observe.runlog;

import io.medallion.Layer;
import io.medallion.core.TableRun;
import io.medallion.core.internal.catalog.MessageSecrets;
import io.medallion.core.observe.RunFinished;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.TableOutcome;
import io.medallion.core.observe.TableStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Turns a finished run into its run log rows: one per table it processed, plus one without a table
 * when the run failed outside every table (its registration, say), so a failed run is never missing
 * from the log.
 *
 * <pre>{@code
 * List<RunLogEntry> rows = new RunLogEntries(new MessageSecrets(config)).of(run);
 * }</pre>
 */
public final class RunLogEntries {
  /** Enough of a message to tell the cause; a quality gate's list of every rule can be long. */
  static final int MAX_MESSAGE = 2_000;

  private final MessageSecrets secrets;

  /**
   * Makes rows whose error messages have secrets masked.
   *
   * @param secrets the runtime's secret masking
   */
  public RunLogEntries(MessageSecrets secrets) {
    this.secrets = secrets;
  }

  /**
   * Returns a run's rows, in the order its tables were processed.
   *
   * @param run the finished run
   * @return the rows
   */
  public List<RunLogEntry> of(RunFinished run) {
    List<RunLogEntry> rows = new ArrayList<>();
    boolean failureLogged = false;
    for (TableOutcome outcome : run.tables()) {
      rows.add(table(run, outcome));
      failureLogged |= outcome.failure().isPresent();
    }
    if (run.failure().isPresent() && !failureLogged) {
      rows.add(runFailure(run, run.failure().get()));
    }
    return rows;
  }

  private RunLogEntry table(RunFinished run, TableOutcome outcome) {
    TableRun counts = outcome.counts();
    // A bronze table's rejects are input it could not decode: dead letters, not quarantine.
    boolean bronze = counts.layer() == Layer.BRONZE;
    return new RunLogEntry(
        run.runId(),
        run.pipeline(),
        run.startedAt(),
        Optional.of(outcome.table()),
        Optional.of(counts.layer()),
        outcome.startedAt(),
        outcome.endedAt(),
        outcome.status(),
        outcome.upstreamSnapshot(),
        outcome.producedSnapshot(),
        counts.read(),
        counts.written(),
        bronze ? 0 : counts.quarantined(),
        bronze ? counts.quarantined() : 0,
        outcome.meanScore(),
        outcome.failure().map(failure -> failure.getClass().getName()),
        outcome.failure().map(this::message));
  }

  private RunLogEntry runFailure(RunFinished run, Throwable failure) {
    return new RunLogEntry(
        run.runId(),
        run.pipeline(),
        run.startedAt(),
        Optional.empty(),
        Optional.empty(),
        run.startedAt(),
        run.endedAt(),
        TableStatus.FAILED,
        OptionalLong.empty(),
        OptionalLong.empty(),
        0,
        0,
        0,
        0,
        OptionalDouble.empty(),
        Optional.of(failure.getClass().getName()),
        Optional.of(message(failure)));
  }

  /** Masked before it is cut, so a cut never leaves half a secret unmasked. */
  private String message(Throwable failure) {
    String text = failure.getMessage() != null ? failure.getMessage() : failure.toString();
    String masked = secrets.scrub(text);
    return masked.length() <= MAX_MESSAGE ? masked : masked.substring(0, MAX_MESSAGE) + "...";
  }
}
