package io.medallion.core.internal.alert;

import io.medallion.core.alert.Alerting;
import io.medallion.core.observe.RunFinished;
import io.medallion.core.observe.RunObserver;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertSink;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises a run's alerts when it ends and hands each to every sink. A sink that fails is logged with
 * the whole alert, so nothing is lost silently, and never stops the run or the other sinks.
 *
 * <pre>{@code
 * RunObserver alerts = new AlertObserver(alerting);
 * }</pre>
 */
public final class AlertObserver implements RunObserver {
  private static final Logger LOG = LoggerFactory.getLogger(AlertObserver.class);

  private final Alerting settings;

  /**
   * Creates the observer.
   *
   * @param settings the conditions' thresholds and the sinks
   */
  public AlertObserver(Alerting settings) {
    this.settings = settings;
  }

  @Override
  public void runFinished(RunFinished run) {
    RunAlerts.of(run, settings).forEach(this::send);
  }

  /**
   * Sends one alert to every sink.
   *
   * @param alert the alert
   */
  public void send(Alert alert) {
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
