/**
 * Facts: one row per source row at the declared grain, foreign keys resolved to dimension keys as
 * of the event time, unknown members instead of dropped facts ({@code FactBuilder}).
 */
package io.medallion.core.internal.gold.fact;
