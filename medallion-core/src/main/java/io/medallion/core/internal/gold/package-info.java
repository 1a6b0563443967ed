/** Gold aggregation: group-by measures, time buckets and cumulative counts. */
package io.medallion.core.internal.gold;
