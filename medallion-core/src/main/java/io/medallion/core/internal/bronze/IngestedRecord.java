package io.medallion.core.internal.bronze;

import java.time.OffsetDateTime;

/**
 * A record as ingestion writes it to bronze, handed to whoever processes the batch further in the
 * same run, so that it need not be read back from bronze.
 *
 * @param batchId the bronze batch
 * @param ingestedAt when the batch was ingested
 * @param sourceName the source part it came from
 * @param coordinate where in the part
 * @param index its position in the batch (bronze's {@code record_index})
 * @param payload the raw text, as stored in bronze
 */
public record IngestedRecord(
    String batchId,
    OffsetDateTime ingestedAt,
    String sourceName,
    String coordinate,
    long index,
    CharSequence payload) {}
