package io.medallion.core.observe;

import java.time.Instant;
import java.util.Objects;

/**
 * A run that has started.
 *
 * <pre>{@code
 * run.runId(); // "20261203T174900Z-3f2a9c"
 * }</pre>
 *
 * @param runId the run's id, unique per run and sortable by start time
 * @param pipeline the pipeline's name, or the bronze table's id for an ingestion on its own
 * @param startedAt when the run started
 */
public record RunStarted(String runId, String pipeline, Instant startedAt) {
  /**
   * Checks the values.
   *
   * @param runId the run id
   * @param pipeline the pipeline
   * @param startedAt the start time
   */
  public RunStarted {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
