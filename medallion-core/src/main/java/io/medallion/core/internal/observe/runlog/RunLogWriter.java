package io.medallion.core.internal.observe.runlog;

import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.internal.observe.LogTableHandle;
import io.medallion.core.observe.RunFinished;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.RunObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observer that writes each finished run to the run log, in one append per run. A failure to
 * write is logged and goes no further: the run's own result, or its own failure, is what the caller
 * gets.
 *
 * <pre>{@code
 * RunObserver log = new RunLogWriter(store, new RunLogEntries(new MessageSecrets(config)));
 * }</pre>
 */
public final class RunLogWriter implements RunObserver {
  private static final Logger LOG = LoggerFactory.getLogger(RunLogWriter.class);

  private final LogTableHandle table;
  private final RunLogEntries entries;

  /**
   * Writes to the run log of a runtime's catalog, creating it on first use.
   *
   * @param store the runtime's tables
   * @param entries turns runs into rows
   */
  public RunLogWriter(TableStore store, RunLogEntries entries) {
    this.table = new LogTableHandle(store, RunLogTable.LAYOUT);
    this.entries = entries;
  }

  @Override
  public void runFinished(RunFinished run) {
    try {
      table.append(runLog -> RunLogTable.append(runLog, entries.of(run)));
    } catch (RuntimeException e) {
      LOG.warn(
          "Run {} of {} was not recorded in the run log {}: {}; the run itself is unaffected",
          run.runId(),
          run.pipeline(),
          RunLogEntry.TABLE,
          e.getMessage(),
          e);
    }
  }
}
