package io.medallion.samples;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.kafka.KafkaColumns;
import io.medallion.table.BronzeTable;

/**
 * The RandomUser pipeline fed by Kafka: a bronze table with the Kafka columns, one message holding
 * one user (or an API envelope of users), and the same silver and gold tables as the batch {@link
 * RandomUserPipeline}.
 *
 * <pre>{@code
 * KafkaIngestion.open(runtime, RandomUserStreamPipeline.PIPELINE, RandomUserStreamPipeline.RAW,
 *     stream);
 * }</pre>
 */
public final class RandomUserStreamPipeline {
  /** RandomUser records as received from Kafka, with topic, partition, offset, key and headers. */
  public static final BronzeTable RAW =
      RandomUserPipeline.randomUserRecords(
              KafkaColumns.bronzeTable(TableId.of("bronze", "randomuser_stream_raw")))
          .description("RandomUser records from Kafka exactly as received, one row per user")
          .build();

  /** Bronze, silver.users and the five gold tables. */
  public static final Pipeline PIPELINE = RandomUserPipeline.over("randomuser_stream", RAW);

  private RandomUserStreamPipeline() {}
}
