package io.medallion.kafka;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;

/** A small events pipeline over any bronze table: silver de-duplicated by id, gold by country. */
final class StreamPipelines {
  static final BronzeTable KAFKA_RAW =
      KafkaColumns.bronzeTable(TableId.of("bronze", "events")).build();

  private StreamPipelines() {}

  static Pipeline over(BronzeTable raw) {
    SilverTable events =
        SilverTable.builder(TableId.of("silver", "events"), raw)
            .map("id", ColumnType.STRING, "id")
            .map("country", ColumnType.STRING, "country")
            .deduplicateOn("id")
            .build();
    GoldTable byCountry =
        GoldTable.builder(TableId.of("gold", "events_by_country"), events)
            .groupBy("country")
            .count("events")
            .build();
    return Pipeline.builder("events").tables(raw, events, byCountry).build();
  }
}
