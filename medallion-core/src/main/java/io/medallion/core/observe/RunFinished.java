package io.medallion.core.observe;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run that has ended, with every table it processed. After a failure the tables after the failed
 * one are not processed and do not appear.
 *
 * <pre>{@code
 * long written = run.tables().stream().mapToLong(t -> t.counts().written()).sum();
 * }</pre>
 *
 * @param runId the run's id
 * @param pipeline the pipeline's name, or the bronze table's id for an ingestion on its own
 * @param startedAt when the run started
 * @param endedAt when it ended
 * @param tables each processed table's outcome, in the order processed
 * @param failure what made the run fail
 */
public record RunFinished(
    String runId,
    String pipeline,
    Instant startedAt,
    Instant endedAt,
    List<TableOutcome> tables,
    Optional<Throwable> failure) {

  /**
   * Checks and copies the values.
   *
   * @param runId the run id
   * @param pipeline the pipeline
   * @param startedAt the start
   * @param endedAt the end
   * @param tables the outcomes
   * @param failure the failure
   */
  public RunFinished {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    tables = List.copyOf(tables);
    Objects.requireNonNull(failure, "failure");
  }

  /**
   * Tells whether every table of the run succeeded.
   *
   * @return true when the run did not fail
   */
  public boolean succeeded() {
    return failure.isEmpty();
  }
}
