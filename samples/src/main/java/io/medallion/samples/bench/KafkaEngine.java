package io.medallion.samples.bench;

import io.medallion.core.MedallionRuntime;
import io.medallion.kafka.KafkaIngestion;
import io.medallion.kafka.KafkaStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The Kafka side of the benchmark: a plain kafka-clients consumer that only reads the messages (the
 * ceiling), medallion streaming them into bronze, and medallion streaming them through silver and
 * gold. All three read the whole topic from the start with the same client settings, tuned for
 * throughput on loopback, and stop once caught up.
 */
final class KafkaEngine {
  /** Client settings every engine uses: large fetches, many records per poll. */
  static final Map<String, String> CLIENT =
      Map.of(
          ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000",
          ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 << 20),
          ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 << 20),
          ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(1 << 20),
          ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");

  private KafkaEngine() {}

  /** Reads every message once and touches its bytes; the stage counts the bytes read. */
  static void plain(String bootstrap, String topic, String group, StageMeter meter)
      throws Exception {
    Properties properties = new Properties();
    properties.putAll(CLIENT);
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    meter.measure(
        "read",
        () -> {
          long bytes = 0;
          try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            Set<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!caughtUp(consumer, ends)) {
              ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
              for (ConsumerRecord<byte[], byte[]> message : polled) {
                bytes += message.value().length;
              }
            }
          }
          return bytes;
        });
  }

  /** Streams the topic into bronze only, or through silver and gold with {@code pipeline}. */
  static void medallion(
      String bootstrap, String topic, String group, Path work, StageMeter meter, boolean gold)
      throws Exception {
    KafkaStream.Builder builder =
        KafkaStream.builder(bootstrap, group)
            .topics(topic)
            // Silver and gold once caught up: a batch job's shape, so the figure is comparable.
            .downstreamEvery(Integer.MAX_VALUE, Duration.ZERO);
    CLIENT.forEach(builder::property);
    KafkaStream stream = builder.build();
    Path lake = work.resolve("lake");
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lake).build()) {
      meter.measure(
          gold ? "gold" : "bronze",
          () -> {
            try (KafkaIngestion ingestion =
                gold
                    ? KafkaIngestion.open(
                        runtime, BenchJob.pipeline(BenchJob.KAFKA_RAW), BenchJob.KAFKA_RAW, stream)
                    : KafkaIngestion.open(runtime, BenchJob.KAFKA_RAW, stream)) {
              ingestion.runUntilCaughtUp();
            }
            return StageMeter.sizeOf(lake.resolve("warehouse"));
          });
    }
  }

  private static Set<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return Set.copyOf(
        consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList());
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }
}
