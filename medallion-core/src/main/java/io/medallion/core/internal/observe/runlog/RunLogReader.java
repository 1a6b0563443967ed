package io.medallion.core.internal.observe.runlog;

import io.medallion.core.internal.observe.NewestRuns;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.RunLogQuery;
import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.Table;

/**
 * Answers a {@link RunLogQuery}: the rows of the newest runs first, each run's rows in the order
 * its tables were processed. With a limit it holds only the rows of that many runs while it scans.
 *
 * <pre>{@code
 * List<RunLogEntry> recent = RunLogReader.read(table, RunLogQuery.builder().last(5).build());
 * }</pre>
 */
public final class RunLogReader {
  private RunLogReader() {}

  /**
   * Reads the rows a query asks for.
   *
   * @param table the run log table
   * @param query which rows
   * @return the rows, newest run first
   */
  public static List<RunLogEntry> read(Table table, RunLogQuery query) {
    NewestRuns<RunLogEntry> newest =
        new NewestRuns<>(
            query.last().orElse(Integer.MAX_VALUE), RunLogEntry::runStartedAt, RunLogEntry::runId);
    RunLogTable.scan(table, query.table().orElse(null), newest::add);
    return newest.newestFirst(Comparator.comparing(RunLogEntry::startedAt));
  }
}
