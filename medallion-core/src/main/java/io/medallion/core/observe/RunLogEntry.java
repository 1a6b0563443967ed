package io.medallion.core.observe;

import io.medallion.Layer;
import io.medallion.TableId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One row of the run log: what one run did to one table, or, for a run that failed before it
 * reached any table (e.g. its registration failed), one row without a table.
 *
 * <pre>{@code
 * for (RunLogEntry entry : runtime.runs(RunLogQuery.builder().last(5).build())) {
 *   log.info("{} {} {}", entry.runId(), entry.table().map(TableId::toString).orElse("-"),
 *       entry.status().label());
 * }
 * }</pre>
 *
 * @param runId the run's id
 * @param pipeline the pipeline's name, or the bronze table's id for an ingestion on its own
 * @param runStartedAt when the run started
 * @param table the table, empty for a run that failed before it reached any table
 * @param layer the table's layer, empty when there is no table
 * @param startedAt when the table's processing started (the run's start when there is no table)
 * @param endedAt when it ended
 * @param status how it ended
 * @param upstreamSnapshot the upstream snapshot the table's newest commit consumed
 * @param producedSnapshot the snapshot the run committed
 * @param rowsIn upstream rows or input records read
 * @param rowsWritten rows written to the table
 * @param rowsQuarantined rows sent to the quarantine table (silver)
 * @param rowsDeadLettered input records sent to the dead-letter table (bronze)
 * @param meanQualityScore the average quality score of the rows scored (silver)
 * @param errorClass the failure's class, for a failed table or run
 * @param errorMessage the failure's message with secrets masked
 */
public record RunLogEntry(
    String runId,
    String pipeline,
    Instant runStartedAt,
    Optional<TableId> table,
    Optional<Layer> layer,
    Instant startedAt,
    Instant endedAt,
    TableStatus status,
    OptionalLong upstreamSnapshot,
    OptionalLong producedSnapshot,
    long rowsIn,
    long rowsWritten,
    long rowsQuarantined,
    long rowsDeadLettered,
    OptionalDouble meanQualityScore,
    Optional<String> errorClass,
    Optional<String> errorMessage) {

  /** The run log table every runtime writes to unless it is turned off. */
  public static final TableId TABLE = TableId.of("medallion", "runs");

  /**
   * Checks the values.
   *
   * @param runId the run id
   * @param pipeline the pipeline
   * @param runStartedAt the run's start
   * @param table the table
   * @param layer the layer
   * @param startedAt the start
   * @param endedAt the end
   * @param status the status
   * @param upstreamSnapshot the upstream snapshot consumed
   * @param producedSnapshot the snapshot produced
   * @param rowsIn rows read
   * @param rowsWritten rows written
   * @param rowsQuarantined rows quarantined
   * @param rowsDeadLettered records dead-lettered
   * @param meanQualityScore the mean score
   * @param errorClass the failure's class
   * @param errorMessage the failure's message
   */
  public RunLogEntry {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(runStartedAt, "runStartedAt");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(upstreamSnapshot, "upstreamSnapshot");
    Objects.requireNonNull(producedSnapshot, "producedSnapshot");
    Objects.requireNonNull(meanQualityScore, "meanQualityScore");
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(errorMessage, "errorMessage");
  }
}
