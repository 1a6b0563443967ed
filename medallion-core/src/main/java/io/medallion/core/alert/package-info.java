/**
 * Quality alerts: {@link io.medallion.core.alert.Alerting} says what a runtime alerts on and which
 * {@link io.medallion.core.spi.AlertSink}s receive the alerts; the built-in sinks write to the log
 * ({@link io.medallion.core.alert.LogAlertSink}), append JSON lines to a file ({@link
 * io.medallion.core.alert.FileAlertSink}) or post to a webhook, Slack included ({@link
 * io.medallion.core.alert.WebhookAlertSink}).
 *
 * <pre>{@code
 * MedallionRuntime runtime =
 *     MedallionRuntime.builder()
 *         .alerts(Alerting.builder(new LogAlertSink()).quarantineAbove(0.05).build())
 *         .build();
 * }</pre>
 */
package io.medallion.core.alert;
