package io.medallion.core.report;

import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.spi.Alert;
import java.util.List;

/**
 * What the lake remembers of a table's recent runs, shown by the HTML report below the current
 * run's figures: its run log rows and the alerts raised on it.
 *
 * <pre>{@code
 * RunLogQuery recent = RunLogQuery.builder().table(users).last(10).build();
 * RunHistory history = new RunHistory(runtime.runs(recent), runtime.alerts(recent));
 * ReportFiles.write(report, history, dir);
 * }</pre>
 *
 * @param runs the table's run log rows, newest first; none leaves the "Run history" section out
 * @param alerts the alerts raised on the table, newest first; none says so in the "Alerts" section
 */
public record RunHistory(List<RunLogEntry> runs, List<Alert> alerts) {
  /** No history: the report shows the current run only. */
  public static final RunHistory NONE = new RunHistory(List.of(), List.of());

  /**
   * Copies the lists.
   *
   * @param runs the run log rows
   * @param alerts the alerts
   */
  public RunHistory {
    runs = List.copyOf(runs);
    alerts = List.copyOf(alerts);
  }

  /**
   * Tells whether there is nothing to show.
   *
   * @return true with no run log rows and no alerts
   */
  public boolean isEmpty() {
    return runs.isEmpty() && alerts.isEmpty();
  }
}
