package io.medallion.kafka;

import io.medallion.Layer;
import io.medallion.TableId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A stream's lag and rate gauges on one registry, per table it feeds. */
final class StreamGauges {
  static final String LAG = "medallion.stream.lag";
  static final String RATE = "medallion.stream.records.rate";

  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();

  /**
   * Registers the gauges; they read the ingestion when the registry is scraped.
   *
   * @param registry where they go
   * @param ingestion the stream they read
   * @param pipeline the pipeline tag
   * @param tables the tables the stream feeds, with their layers
   */
  StreamGauges(
      MeterRegistry registry,
      KafkaIngestion ingestion,
      String pipeline,
      Map<TableId, Layer> tables) {
    this.registry = registry;
    tables.forEach(
        (id, layer) -> {
          Tags tags = Tags.of("pipeline", pipeline, "table", id.toString(), "layer", layer.label());
          meters.add(
              TimeGauge.builder(LAG, ingestion, TimeUnit.MILLISECONDS, i -> i.lagMillis(id))
                  .description("now minus the newest Kafka record timestamp the table holds")
                  .tags(tags)
                  .register(registry));
          meters.add(
              Gauge.builder(RATE, ingestion, i -> i.writtenPerSecond(id))
                  .description("rows the stream wrote to the table per second since it started")
                  .tags(tags)
                  .register(registry));
        });
  }

  /** Removes the gauges from the registry. */
  void remove() {
    meters.forEach(registry::remove);
  }
}
