package io.medallion.core.internal.alert;

import io.medallion.core.internal.observe.NewestRuns;
import io.medallion.core.observe.RunLogQuery;
import io.medallion.core.spi.Alert;
import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.Table;

/**
 * Answers a {@link RunLogQuery} on the alert log: the alerts of the newest runs that raised any,
 * newest first, one run's alerts in the order they were raised.
 *
 * <pre>{@code
 * List<Alert> recent = AlertLogReader.read(table, RunLogQuery.builder().last(5).build());
 * }</pre>
 */
public final class AlertLogReader {
  private AlertLogReader() {}

  /**
   * Reads the alerts a query asks for.
   *
   * @param table the alert log table
   * @param query which table's alerts, of how many runs
   * @return the alerts, newest first
   */
  public static List<Alert> read(Table table, RunLogQuery query) {
    NewestRuns<Alert> newest =
        new NewestRuns<>(query.last().orElse(Integer.MAX_VALUE), Alert::at, Alert::runId);
    AlertLogTable.scan(table, query.table().orElse(null), newest::add);
    return newest.newestFirst(Comparator.comparing(Alert::at));
  }
}
