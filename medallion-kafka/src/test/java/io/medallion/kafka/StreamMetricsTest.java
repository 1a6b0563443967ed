package io.medallion.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.core.MedallionRuntime;
import io.medallion.kafka.embedded.EmbeddedKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream's lag and rate gauges, fed by a real KRaft broker on 127.0.0.1. */
class StreamMetricsTest {
  private static final Pipeline PIPELINE = StreamPipelines.over(StreamPipelines.KAFKA_RAW);
  private static final Duration AGE = Duration.ofHours(2);

  private static EmbeddedKafka kafka;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  /** Sends events stamped {@link #AGE} ago, so that every table's lag is at least that. */
  private static void sendOldEvents(String topic, int count) throws Exception {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    properties.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    long stamp = System.currentTimeMillis() - AGE.toMillis();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
      for (int i = 0; i < count; i++) {
        byte[] value =
            ("{\"id\":\"e" + i + "\",\"country\":\"CH\"}").getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, 0, stamp + i, null, value)).get();
      }
    }
  }

  private static TimeGauge lag(MeterRegistry registry, String table) {
    return registry.get("medallion.stream.lag").tag("table", table).timeGauge();
  }

  private static double rate(MeterRegistry registry, String table) {
    return registry.get("medallion.stream.records.rate").tag("table", table).gauge().value();
  }

  @Test
  void meterRegistry_caughtUp_lagAndRatePerFedTableThenRemovedOnClose() throws Exception {
    kafka.createTopic("metered", 1);
    sendOldEvents("metered", 30);
    MeterRegistry registry = new SimpleMeterRegistry();
    KafkaStream stream =
        KafkaStream.builder(kafka.bootstrapServers(), "metered-group")
            .topics("metered")
            .commitEvery(10, 1 << 20, Duration.ofSeconds(1))
            .build();

    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(dir.resolve("lake")).build();
        KafkaIngestion ingestion =
            KafkaIngestion.open(runtime, PIPELINE, StreamPipelines.KAFKA_RAW, stream)
                .meterRegistry(registry)) {
      assertThat(lag(registry, "bronze.events").value(TimeUnit.SECONDS)).isNaN();
      assertThat(rate(registry, "silver.events")).isZero();

      StreamProgress done = ingestion.runUntilCaughtUp();

      for (String table :
          new String[] {"bronze.events", "silver.events", "gold.events_by_country"}) {
        assertThat(lag(registry, table).value(TimeUnit.SECONDS))
            .as(table)
            .isGreaterThanOrEqualTo(AGE.toSeconds() - 1.0);
      }
      assertThat(
              registry
                  .get("medallion.stream.lag")
                  .tags("pipeline", "events", "layer", "silver")
                  .timeGauge()
                  .getId()
                  .getTag("table"))
          .isEqualTo("silver.events");
      assertThat(done.lag().get(StreamPipelines.KAFKA_RAW.id()))
          .isGreaterThanOrEqualTo(AGE.minusSeconds(1));
      assertThat(rate(registry, "bronze.events")).isPositive();
      assertThat(rate(registry, "silver.events")).isPositive();
      assertThat(done.records()).isEqualTo(30);
    }

    assertThat(registry.find("medallion.stream.lag").meters()).isEmpty();
    assertThat(registry.find("medallion.stream.records.rate").meters()).isEmpty();
  }
}
