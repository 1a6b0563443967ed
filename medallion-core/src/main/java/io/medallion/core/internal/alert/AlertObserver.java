package io.medallion.core.internal.alert;

import io.medallion.core.alert.Alerting;
import io.medallion.core.internal.catalog.MessageSecrets;
import io.medallion.core.observe.RunFinished;
import io.medallion.core.observe.RunObserver;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertSink;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises a run's alerts when it ends, records them in the alert log when there is one, and hands
 * each to every sink. Secrets in an alert's summary and details (a failure's message can hold a
 * catalog password or a token) are masked first. A sink that fails is logged with the whole alert,
 * so nothing is lost silently, and never stops the run or the other sinks.
 *
 * <pre>{@code
 * RunObserver alerts =
 *     new AlertObserver(alerting, Optional.of(new AlertLogWriter(store)), new MessageSecrets(config));
 * }</pre>
 */
public final class AlertObserver implements RunObserver {
  private static final Logger LOG = LoggerFactory.getLogger(AlertObserver.class);

  private final Alerting settings;
  private final Optional<AlertLogWriter> log;
  private final MessageSecrets secrets;

  /**
   * Creates the observer.
   *
   * @param settings the conditions' thresholds and the sinks
   * @param log the alert log, empty when alerts are not recorded in the lake
   * @param secrets masks secrets in what alerts say
   */
  public AlertObserver(Alerting settings, Optional<AlertLogWriter> log, MessageSecrets secrets) {
    this.settings = settings;
    this.log = log;
    this.secrets = secrets;
  }

  @Override
  public void runFinished(RunFinished run) {
    raise(RunAlerts.of(run, settings));
  }

  /**
   * Records alerts in the alert log, in one commit, and sends each to every sink.
   *
   * @param alerts the alerts of one run
   */
  public void raise(List<Alert> alerts) {
    List<Alert> masked = alerts.stream().map(this::masked).toList();
    log.ifPresent(writer -> writer.append(masked));
    masked.forEach(this::send);
  }

  private Alert masked(Alert alert) {
    return new Alert(
        alert.runId(),
        alert.pipeline(),
        alert.table(),
        alert.kind(),
        alert.severity(),
        secrets.scrub(alert.summary()),
        alert.details().stream().map(secrets::scrub).toList(),
        alert.report(),
        alert.at());
  }

  /**
   * Tells whether a raised alert goes anywhere: to the alert log or to a sink.
   *
   * @return false with no alert log and no sinks
   */
  public boolean delivers() {
    return log.isPresent() || !settings.sinks().isEmpty();
  }

  private void send(Alert alert) {
    for (AlertSink sink : settings.sinks()) {
      try {
        sink.send(alert);
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "Alert sink {} did not deliver an alert ({}); the run goes on. The alert: {}{}",
            sink,
            e.getMessage(),
            alert.text(),
            alert.details().isEmpty() ? "" : "\n  " + String.join("\n  ", alert.details()));
      }
    }
  }
}
