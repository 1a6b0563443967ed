/**
 * Lake maintenance: what to expire, remove and compact ({@link
 * io.medallion.maintenance.MaintenanceOptions}) and what was done ({@link
 * io.medallion.maintenance.MaintenanceReport}).
 *
 * <pre>{@code
 * MaintenanceReport report =
 *     runtime.maintain(pipeline, MaintenanceOptions.builder().dryRun(true).build());
 * report.orphanFiles(); // files no snapshot references, listed but not removed
 * }</pre>
 */
package io.medallion.maintenance;
