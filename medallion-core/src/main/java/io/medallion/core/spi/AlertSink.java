package io.medallion.core.spi;

import java.io.IOException;

/**
 * Where alerts go: the plug point for notification channels. The runtime calls {@link #send} on the
 * thread that ran the pipeline, once the run has ended; a sink that throws is logged with the
 * alert, and neither the run nor the other sinks are affected. Keep a send bounded in time: the
 * built-in webhook sink retries a bounded number of times with a timeout per attempt.
 *
 * <pre>{@code
 * AlertSink pager = alert -> pagerClient.trigger(alert.kind().label(), alert.text());
 * MedallionRuntime.builder().alerts(pager).build();
 * }</pre>
 */
@FunctionalInterface
public interface AlertSink {
  /**
   * Delivers one alert.
   *
   * @param alert the alert
   * @throws IOException when it could not be delivered; the runtime logs it with the alert
   */
  void send(Alert alert) throws IOException;
}
