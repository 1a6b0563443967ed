package io.medallion.core.internal.observe.runlog;

import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.observe.RunFinished;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.RunObserver;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observer that writes each finished run to the run log, in one append per run. A failure to
 * write is logged and goes no further: the run's own result, or its own failure, is what the caller
 * gets.
 *
 * <p>The table is loaded once per runtime and kept: an append needs no fresh view of it (a commit
 * that finds the table moved is retried on the newer version), and loading it again for each run
 * would, while the object store is down, add Iceberg's metadata read retries (a minute and more) to
 * every failing run before its failure reaches the caller.
 *
 * <pre>{@code
 * RunObserver log = new RunLogWriter(store, new RunLogEntries(new MessageSecrets(config)));
 * }</pre>
 */
public final class RunLogWriter implements RunObserver {
  private static final Logger LOG = LoggerFactory.getLogger(RunLogWriter.class);

  private final TableStore store;
  private final RunLogEntries entries;
  private volatile Table table;

  /**
   * Writes to the run log of a runtime's catalog, creating it on first use.
   *
   * @param store the runtime's tables
   * @param entries turns runs into rows
   */
  public RunLogWriter(TableStore store, RunLogEntries entries) {
    this.store = store;
    this.entries = entries;
  }

  @Override
  public void runFinished(RunFinished run) {
    try {
      Table runLog = table;
      if (runLog == null) {
        runLog = store.ensure(RunLogTable.LAYOUT);
        table = runLog;
      }
      RunLogTable.append(runLog, entries.of(run));
    } catch (RuntimeException e) {
      if (e instanceof NoSuchTableException) {
        // Dropped since it was loaded: the next run creates it again.
        table = null;
      }
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
