package io.medallion.core.internal.silver;

/**
 * Which upstream record a row came from: its bronze batch and its coordinate in that batch's
 * source.
 *
 * @param batchId the bronze batch
 * @param coordinate where the record was in its source
 */
record RowIdentity(String batchId, String coordinate) {}
