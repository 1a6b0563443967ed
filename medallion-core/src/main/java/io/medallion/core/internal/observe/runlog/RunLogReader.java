package io.medallion.core.internal.observe.runlog;

import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.RunLogQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  /** Orders runs by start, then id: ids of runs started in the same second differ. */
  private static final Comparator<RunKey> OLDEST_FIRST =
      Comparator.comparing(RunKey::startedAt).thenComparing(RunKey::runId);

  private RunLogReader() {}

  /** A run as the rows of one run share it. */
  private record RunKey(Instant startedAt, String runId) {}

  /**
   * Reads the rows a query asks for.
   *
   * @param table the run log table
   * @param query which rows
   * @return the rows, newest run first
   */
  public static List<RunLogEntry> read(Table table, RunLogQuery query) {
    int limit = query.last().orElse(Integer.MAX_VALUE);
    TreeMap<RunKey, List<RunLogEntry>> runs = new TreeMap<>(OLDEST_FIRST);
    RunLogTable.scan(
        table,
        query.table().orElse(null),
        entry -> {
          RunKey key = new RunKey(entry.runStartedAt(), entry.runId());
          if (runs.size() == limit
              && !runs.containsKey(key)
              && OLDEST_FIRST.compare(key, runs.firstKey()) < 0) {
            return;
          }
          runs.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
          if (runs.size() > limit) {
            runs.pollFirstEntry();
          }
        });
    List<RunLogEntry> newestFirst = new ArrayList<>();
    for (Map.Entry<RunKey, List<RunLogEntry>> run : runs.descendingMap().entrySet()) {
      List<RunLogEntry> rows = new ArrayList<>(run.getValue());
      rows.sort(Comparator.comparing(RunLogEntry::startedAt));
      newestFirst.addAll(rows);
    }
    return newestFirst;
  }
}
