package io.medallion.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.alert.FileAlertSink;
import io.medallion.kafka.embedded.EmbeddedKafka;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stream alerts through the runtime's alert sinks, on a real KRaft broker on 127.0.0.1. */
class StreamAlertsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BronzeTable RAW =
      KafkaColumns.bronzeTable(TableId.of("bronze", "events")).build();
  private static final SilverTable EVENTS =
      SilverTable.builder(TableId.of("silver", "events"), RAW)
          .map("id", ColumnType.STRING, "id")
          .build();
  private static final GoldTable COUNT =
      GoldTable.builder(TableId.of("gold", "event_count"), EVENTS).count("events").build();
  private static final Pipeline PIPELINE =
      Pipeline.builder("events").tables(RAW, EVENTS, COUNT).build();

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

  private MedallionRuntime runtime() {
    return MedallionRuntime.builder()
        .lake(dir.resolve("lake"))
        .alerts(new FileAlertSink(dir.resolve("alerts.jsonl")))
        .build();
  }

  private List<JsonNode> alerts() throws IOException {
    List<JsonNode> alerts = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("alerts.jsonl"))) {
      alerts.add(JSON.readTree(line));
    }
    return alerts;
  }

  /** Sends messages stamped an hour ago, so every table that holds them lags by an hour. */
  private static void sendHourOld(String topic, int messages) throws Exception {
    sendAt(topic, messages, Instant.now().minus(Duration.ofHours(1)).toEpochMilli());
  }

  /** Sends messages stamped from a time on, a millisecond apart. */
  private static void sendAt(String topic, int messages, long firstTimestamp) throws Exception {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    properties.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
      for (int i = 0; i < messages; i++) {
        byte[] value = ("{\"id\":\"e" + i + "\"}").getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, 0, firstTimestamp + i, null, value)).get();
      }
    }
  }

  @Test
  void runUntilCaughtUp_everyCommitLagsPastTheLimit_oneLagAlertPerTable() throws Exception {
    kafka.createTopic("late", 1);
    sendHourOld("late", 30);
    KafkaStream stream =
        KafkaStream.builder(kafka.bootstrapServers(), "alerts")
            .topics("late")
            .commitEvery(10, 1 << 20, Duration.ofSeconds(1))
            .lagAlert(Duration.ofMinutes(10))
            .build();

    StreamProgress progress;
    try (MedallionRuntime runtime = runtime();
        KafkaIngestion ingestion = KafkaIngestion.open(runtime, PIPELINE, RAW, stream)) {
      progress = ingestion.runUntilCaughtUp();
    }

    assertThat(progress.commits()).isGreaterThanOrEqualTo(3);
    List<JsonNode> alerts = alerts();
    assertThat(alerts)
        .extracting(a -> a.get("kind").asText() + " " + a.get("table").asText())
        .containsExactlyInAnyOrder(
            "stream-lag bronze.events", "stream-lag silver.events", "stream-lag gold.event_count");
    JsonNode bronze =
        alerts.stream()
            .filter(a -> a.get("table").asText().equals("bronze.events"))
            .findFirst()
            .get();
    assertThat(bronze.get("runId").asText()).isEqualTo("stream:alerts");
    assertThat(bronze.get("pipeline").asText()).isEqualTo("events");
    assertThat(bronze.get("severity").asText()).isEqualTo("WARNING");
    assertThat(bronze.get("summary").asText())
        .endsWith(" s behind the newest message of the topic it holds, above the 600.0 s limit");
  }

  @Test
  void start_streamStallsAfterFreshMessages_lagAlertWhileItIsStillRunning() throws Exception {
    kafka.createTopic("stalls", 1);
    sendAt("stalls", 5, Instant.now().toEpochMilli());
    KafkaStream stream =
        KafkaStream.builder(kafka.bootstrapServers(), "stalls")
            .topics("stalls")
            .commitEvery(5, 1 << 20, Duration.ofSeconds(1))
            .lagAlert(Duration.ofSeconds(3))
            .build();

    List<String> lagging = List.of();
    try (MedallionRuntime runtime = runtime();
        KafkaIngestion ingestion = KafkaIngestion.open(runtime, RAW, stream).start()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (lagging.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(200);
        lagging = lagAlerts();
      }
      assertThat(ingestion.failure()).isEmpty();
      assertThat(ingestion.progress().commits()).isGreaterThanOrEqualTo(1);
    }

    assertThat(lagging).containsExactly("bronze.events");
  }

  /** The tables of the stream-lag alerts written so far. */
  private List<String> lagAlerts() throws IOException {
    if (!Files.exists(dir.resolve("alerts.jsonl"))) {
      return List.of();
    }
    return alerts().stream()
        .filter(alert -> alert.get("kind").asText().equals("stream-lag"))
        .map(alert -> alert.get("table").asText())
        .toList();
  }

  @Test
  void run_brokerGone_streamStoppedAlert() throws IOException {
    try (EmbeddedKafka lonely = EmbeddedKafka.start()) {
      lonely.createTopic("lonely", 1);
      KafkaStream stream =
          KafkaStream.builder(lonely.bootstrapServers(), "gone")
              .topics("lonely")
              .brokerTimeout(Duration.ofSeconds(3))
              .property("request.timeout.ms", "2000")
              .property("default.api.timeout.ms", "3000")
              .build();
      try (MedallionRuntime runtime = runtime();
          KafkaIngestion ingestion = KafkaIngestion.open(runtime, RAW, stream)) {
        lonely.stop();

        assertThatThrownBy(ingestion::run).isInstanceOf(KafkaStreamException.class);
      }
    }

    assertThat(alerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.get("kind").asText()).isEqualTo("run-failed");
              assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
              assertThat(alert.get("table").asText()).isEqualTo("bronze.events");
              assertThat(alert.get("summary").asText())
                  .startsWith("the stream stopped: bronze.events: no Kafka broker at");
            });
  }

  @Test
  void build_lagAlertNotPositive_isAProblemNamingTheValue() {
    assertThatThrownBy(
            () ->
                KafkaStream.builder("localhost:9092", "g")
                    .topics("t")
                    .lagAlert(Duration.ZERO)
                    .build())
        .hasMessageContaining("lagAlert must be more than zero, got PT0S");
  }
}
