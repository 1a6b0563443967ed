package io.medallion.core.internal.observe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Keeps the rows of the newest runs while a log table is scanned in no particular order, so a query
 * for the last N runs holds only their rows, however long the log is.
 *
 * <pre>{@code
 * NewestRuns<RunLogEntry> newest =
 *     new NewestRuns<>(10, RunLogEntry::runStartedAt, RunLogEntry::runId);
 * RunLogTable.scan(table, null, newest::add);
 * List<RunLogEntry> rows = newest.newestFirst(Comparator.comparing(RunLogEntry::startedAt));
 * }</pre>
 *
 * @param <T> a log row
 */
public final class NewestRuns<T> {
  /** Orders runs by start, then id: ids of runs started in the same second differ. */
  private static final Comparator<RunKey> OLDEST_FIRST =
      Comparator.comparing(RunKey::at).thenComparing(RunKey::runId);

  private final int limit;
  private final Function<T, Instant> at;
  private final Function<T, String> runId;
  private final TreeMap<RunKey, List<T>> runs = new TreeMap<>(OLDEST_FIRST);

  /** A run as all of its rows share it. */
  private record RunKey(Instant at, String runId) {}

  /**
   * Starts keeping rows.
   *
   * @param limit how many runs to keep, {@link Integer#MAX_VALUE} for all
   * @param at the time that orders a row's run, the same for every row of one run
   * @param runId the row's run id
   */
  public NewestRuns(int limit, Function<T, Instant> at, Function<T, String> runId) {
    this.limit = limit;
    this.at = at;
    this.runId = runId;
  }

  /**
   * Keeps a row when its run is among the newest seen so far.
   *
   * @param row the row
   */
  public void add(T row) {
    RunKey key = new RunKey(at.apply(row), runId.apply(row));
    if (runs.size() == limit
        && !runs.containsKey(key)
        && OLDEST_FIRST.compare(key, runs.firstKey()) < 0) {
      return;
    }
    runs.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    if (runs.size() > limit) {
      runs.pollFirstEntry();
    }
  }

  /**
   * Returns the kept rows, newest run first.
   *
   * @param withinRun the order of one run's rows
   * @return the rows
   */
  public List<T> newestFirst(Comparator<T> withinRun) {
    List<T> newestFirst = new ArrayList<>();
    for (Map.Entry<RunKey, List<T>> run : runs.descendingMap().entrySet()) {
      List<T> rows = new ArrayList<>(run.getValue());
      rows.sort(withinRun);
      newestFirst.addAll(rows);
    }
    return newestFirst;
  }
}
