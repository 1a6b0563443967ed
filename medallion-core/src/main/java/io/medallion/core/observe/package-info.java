/**
 * Watching runs: a {@link io.medallion.core.observe.RunObserver} registered on the runtime hears
 * when a run starts, how each table ended ({@link io.medallion.core.observe.TableOutcome}) and how
 * the run ended ({@link io.medallion.core.observe.RunFinished}), failed runs included. The run log,
 * metrics, lineage events and quality alerts are observers; an application can add its own.
 *
 * <pre>{@code
 * MedallionRuntime runtime =
 *     MedallionRuntime.builder()
 *         .observer(
 *             new RunObserver() {
 *               @Override
 *               public void tableFinished(TableOutcome outcome) {
 *                 log.info("{} {}", outcome.table(), outcome.status().label());
 *               }
 *             })
 *         .build();
 * }</pre>
 */
package io.medallion.core.observe;
