package io.medallion.core;

import io.medallion.TableId;
import io.medallion.report.QualityReport;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * What one pipeline run did, table by table in dependency order.
 *
 * <pre>{@code
 * RunResult result = runtime.run(pipeline);
 * long kept = result.table(TableId.of("silver", "users")).written();
 * }</pre>
 *
 * @param runId the run's id, as run observers and the run log know it
 * @param tables one entry per table the run processed
 * @param reports the quality report of each silver table that scored new rows
 */
public record RunResult(String runId, List<TableRun> tables, Map<TableId, QualityReport> reports) {

  /**
   * Copies the entries.
   *
   * @param runId the run id
   * @param tables the entries
   * @param reports the quality reports
   */
  public RunResult {
    tables = List.copyOf(tables);
    reports = Map.copyOf(reports);
  }

  /**
   * Returns a silver table's quality report.
   *
   * @param id the silver table
   * @return the report, or empty when the run scored no new rows for it
   */
  public Optional<QualityReport> report(TableId id) {
    return Optional.ofNullable(reports.get(id));
  }

  /**
   * Finds one table's entry.
   *
   * @param id the table
   * @return its entry
   * @throws NoSuchElementException when the run did not process that table
   */
  public TableRun table(TableId id) {
    return tables.stream()
        .filter(t -> t.table().equals(id))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("The run did not process table " + id));
  }
}
