/**
 * Gold: aggregation (group-by measures, time buckets and cumulative counts) and time series (gap
 * filling, rolling windows, period-over-period change, running totals, cohorts) in {@code
 * GoldAggregator}, and the dimensional model (dimensions, date dimensions, facts) in {@code
 * DimensionalModel} with its {@code dimension} and {@code fact} packages.
 */
package io.medallion.core.internal.gold;
