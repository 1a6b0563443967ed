package io.medallion.core.observe;

import io.medallion.TableId;

/**
 * Hears the events of every run of a runtime, on the thread that runs it. An observer that throws
 * is logged and skipped: it never fails the run or changes what it writes. Keep the work short or
 * hand it to a thread of your own; the run waits for each call.
 *
 * <pre>{@code
 * RunObserver failures =
 *     new RunObserver() {
 *       @Override
 *       public void runFinished(RunFinished run) {
 *         run.failure().ifPresent(e -> pager.page(run.runId() + " failed: " + e.getMessage()));
 *       }
 *     };
 * }</pre>
 */
public interface RunObserver {
  /**
   * Called before a run touches any table.
   *
   * @param run the run's id, pipeline and start time
   */
  default void runStarted(RunStarted run) {}

  /**
   * Called while an ingestion writes a bronze table, after every thousand records, on the thread
   * that writes bronze (which may not be the run's): for a progress line. The table's outcome
   * follows with the final counts.
   *
   * <pre>{@code
   * public void recordsIngested(TableId table, long records) {
   *   written.set(records); // an AtomicLong a progress ticker reads
   * }
   * }</pre>
   *
   * @param table the bronze table
   * @param records records written to it so far in this run, dead letters not counted
   */
  default void recordsIngested(TableId table, long records) {}

  /**
   * Called once per table the run processed, when the table is done or has failed.
   *
   * @param outcome what happened to the table
   */
  default void tableFinished(TableOutcome outcome) {}

  /**
   * Called once at the end of every run that started, whether it succeeded or failed.
   *
   * @param run every table's outcome and the failure, if any
   */
  default void runFinished(RunFinished run) {}
}
