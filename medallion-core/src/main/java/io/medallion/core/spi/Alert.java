package io.medallion.core.spi;

import io.medallion.TableId;
import io.medallion.quality.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition worth a person's attention, raised once per condition, table and run: never once per
 * row.
 *
 * <pre>{@code
 * alert.text(); // "CRITICAL quality-gate silver.users: 100 of 100 rows fell below ... (run 2026...)"
 * }</pre>
 *
 * @param runId the run that raised it
 * @param pipeline the pipeline's name, or the bronze table's id for an ingestion on its own
 * @param table the table concerned; empty when the run failed before reaching a table
 * @param kind the condition
 * @param severity {@link Severity#CRITICAL} when data was held back or the run failed, else {@link
 *     Severity#WARNING}
 * @param summary one line saying what happened
 * @param details the supporting lines: failed rules with their measurements, sample rows, causes
 * @param report the quality report's path or link, when the table has one
 * @param at when the alert was raised
 */
public record Alert(
    String runId,
    String pipeline,
    Optional<TableId> table,
    AlertKind kind,
    Severity severity,
    String summary,
    List<String> details,
    Optional<String> report,
    Instant at) {

  /** The lake's alert log, where a runtime with a run log records every alert it raises. */
  public static final TableId TABLE = TableId.of("medallion", "alerts");

  /**
   * Checks and copies the values.
   *
   * @param runId the run id
   * @param pipeline the pipeline
   * @param table the table
   * @param kind the condition
   * @param severity the severity
   * @param summary the one-line summary
   * @param details the details
   * @param report the report's path or link
   * @param at the time
   * @throws IllegalArgumentException when the summary is blank or spans several lines
   */
  public Alert {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    if (summary.isBlank() || summary.contains("\n") || summary.contains("\r")) {
      throw new IllegalArgumentException(
          "An alert's summary must be one non-blank line, got '" + summary + "'");
    }
    details = List.copyOf(details);
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(at, "at");
  }

  /**
   * Renders the alert as one line for logs and chat messages.
   *
   * <pre>{@code
   * alert.text(); // "WARNING anomaly silver.users: ... (run 20261203T174900Z-3f2a9c1d, report reports/silver.users/report.html)"
   * }</pre>
   *
   * @return severity, kind, table, summary, run and report
   */
  public String text() {
    return severity
        + " "
        + kind.label()
        + " "
        + table.map(TableId::toString).orElse(pipeline)
        + ": "
        + summary
        + " (run "
        + runId
        + report.map(where -> ", report " + where).orElse("")
        + ")";
  }
}
