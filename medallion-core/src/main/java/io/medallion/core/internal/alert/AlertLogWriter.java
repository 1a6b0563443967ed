package io.medallion.core.internal.alert;

import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.internal.observe.LogTableHandle;
import io.medallion.core.spi.Alert;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records alerts in the alert log, one append per run. A failure to write is logged with the
 * alerts, which still go to the sinks: it never fails the run.
 *
 * <pre>{@code
 * new AlertLogWriter(store).append(alerts);
 * }</pre>
 */
public final class AlertLogWriter {
  private static final Logger LOG = LoggerFactory.getLogger(AlertLogWriter.class);

  private final LogTableHandle table;

  /**
   * Writes to the alert log of a runtime's catalog, creating it on first use.
   *
   * @param store the runtime's tables
   */
  public AlertLogWriter(TableStore store) {
    this.table = new LogTableHandle(store, AlertLogTable.LAYOUT);
  }

  /**
   * Appends alerts in one commit.
   *
   * @param alerts the alerts, none is a no-op
   */
  public void append(List<Alert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    try {
      table.append(log -> AlertLogTable.append(log, alerts));
    } catch (RuntimeException e) {
      LOG.warn(
          "{} alerts of run {} were not recorded in the alert log {}: {}; they still go to the"
              + " sinks",
          alerts.size(),
          alerts.get(0).runId(),
          Alert.TABLE,
          e.getMessage(),
          e);
    }
  }
}
