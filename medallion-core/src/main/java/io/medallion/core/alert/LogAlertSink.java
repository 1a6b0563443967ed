package io.medallion.core.alert;

import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertSink;
import io.medallion.quality.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes alerts to the application's log through SLF4J, logger {@code io.medallion.alerts}:
 * critical ones at ERROR, warnings at WARN, each detail on a line of its own.
 *
 * <pre>{@code
 * MedallionRuntime.builder().alerts(new LogAlertSink()).build();
 * }</pre>
 */
public final class LogAlertSink implements AlertSink {
  /** The logger alerts go to, so that an application can route them on their own. */
  public static final String LOGGER = "io.medallion.alerts";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  /** Creates the sink. */
  public LogAlertSink() {}

  @Override
  public void send(Alert alert) {
    String details = alert.details().isEmpty() ? "" : "\n  " + String.join("\n  ", alert.details());
    if (alert.severity() == Severity.CRITICAL) {
      LOG.error("{}{}", alert.text(), details);
    } else {
      LOG.warn("{}{}", alert.text(), details);
    }
  }

  @Override
  public String toString() {
    return "log(" + LOGGER + ")";
  }
}
