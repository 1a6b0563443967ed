/**
 * OpenLineage run events: {@link io.medallion.core.internal.lineage.LineageObserver} sends them,
 * {@code LineageEvents} builds them.
 */
package io.medallion.core.internal.lineage;
