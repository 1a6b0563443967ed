/**
 * Gold aggregation: group-by measures, time buckets and cumulative counts, and time series (gap
 * filling, rolling windows, period-over-period change, running totals, cohorts).
 */
package io.medallion.core.internal.gold;
