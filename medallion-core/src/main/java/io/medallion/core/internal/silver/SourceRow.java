package io.medallion.core.internal.silver;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One upstream record on its way into silver, with its lineage.
 *
 * @param record the JSON object to map, or null when the payload could not be parsed
 * @param parseError why the payload could not be parsed, or null
 * @param batchId the bronze batch
 * @param ingestedAt when it was ingested
 * @param coordinate where it was in its source
 * @param sequence its position within its batch; with {@code ingestedAt} it orders ingestion
 */
record SourceRow(
    JsonNode record,
    String parseError,
    String batchId,
    OffsetDateTime ingestedAt,
    String coordinate,
    long sequence) {

  /** This row without its JSON tree, for rows held until a commit. */
  SourceRow lineageOnly() {
    return new SourceRow(null, null, batchId, ingestedAt, coordinate, sequence);
  }
}
