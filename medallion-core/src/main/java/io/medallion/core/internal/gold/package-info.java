/**
 * Gold: aggregation (group-by measures, time buckets and cumulative counts) in {@code
 * GoldAggregator}, and the dimensional model (dimensions, date dimensions, facts) in {@code
 * DimensionalModel} with its {@code dimension} and {@code fact} packages.
 */
package io.medallion.core.internal.gold;
