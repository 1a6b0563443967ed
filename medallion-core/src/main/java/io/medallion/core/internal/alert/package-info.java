/**
 * Quality alerts: {@link io.medallion.core.internal.alert.RunAlerts} turns an ended run into at
 * most one alert per condition and table, {@link io.medallion.core.internal.alert.AlertObserver}
 * hands them to the sinks, and {@link io.medallion.core.internal.alert.AlertJson} is their JSON.
 */
package io.medallion.core.internal.alert;
