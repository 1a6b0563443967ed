package io.medallion.core.observe;

import io.medallion.TableId;
import io.medallion.core.TableRun;
import io.medallion.report.QualityReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one run did to one table: its counts, the snapshot it consumed and produced, its quality
 * report for silver, and the failure when it failed.
 *
 * <pre>{@code
 * if (outcome.status() == TableStatus.FAILED) {
 *   log.warn("{} failed: {}", outcome.table(), outcome.failure().orElseThrow().getMessage());
 * }
 * }</pre>
 *
 * @param runId the run's id
 * @param pipeline the pipeline's name, or the bronze table's id for an ingestion on its own
 * @param startedAt when the table's processing started
 * @param endedAt when it ended
 * @param status how it ended
 * @param counts rows read, written, quarantined or dead-lettered, and the snapshot produced; zero
 *     counts and no snapshot for a failed table
 * @param upstreamSnapshot the upstream snapshot the table's newest commit consumed, when it records
 *     one
 * @param report the quality report, for a silver table that scored rows
 * @param failure what made the table fail
 * @param heldBack for an {@link TableStatus#AUDIT_PENDING audit-pending} table, why its batch is
 *     held on the audit branch: the failed checks, or the pending table it read; empty otherwise
 */
public record TableOutcome(
    String runId,
    String pipeline,
    Instant startedAt,
    Instant endedAt,
    TableStatus status,
    TableRun counts,
    OptionalLong upstreamSnapshot,
    Optional<QualityReport> report,
    Optional<Throwable> failure,
    List<String> heldBack) {

  /**
   * Checks the values.
   *
   * @param runId the run id
   * @param pipeline the pipeline
   * @param startedAt the start
   * @param endedAt the end
   * @param status the status
   * @param counts the counts
   * @param upstreamSnapshot the upstream snapshot consumed
   * @param report the quality report
   * @param failure the failure
   * @param heldBack why an audit-pending table's batch is held back
   * @throws IllegalArgumentException when a failed outcome has no failure or another has one
   */
  public TableOutcome {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(upstreamSnapshot, "upstreamSnapshot");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(failure, "failure");
    heldBack = List.copyOf(heldBack);
    if ((status == TableStatus.FAILED) != failure.isPresent()) {
      throw new IllegalArgumentException(
          "A "
              + status.label()
              + " outcome of "
              + counts.table()
              + " must "
              + (failure.isPresent() ? "not carry" : "carry")
              + " a failure");
    }
  }

  /**
   * Returns the table.
   *
   * @return the table's id
   */
  public TableId table() {
    return counts.table();
  }

  /**
   * Returns the snapshot the run committed.
   *
   * @return the snapshot id, empty when nothing was committed
   */
  public OptionalLong producedSnapshot() {
    return counts.committed() ? OptionalLong.of(counts.snapshotId()) : OptionalLong.empty();
  }

  /**
   * Returns the average quality score of the rows this run scored.
   *
   * @return the score in [0, 1], empty for tables that do not score rows or scored none
   */
  public OptionalDouble meanScore() {
    return report.isPresent() ? report.get().averageScore() : OptionalDouble.empty();
  }
}
