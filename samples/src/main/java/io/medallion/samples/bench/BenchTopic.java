package io.medallion.samples.bench;

import io.medallion.kafka.embedded.EmbeddedKafka;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka engines' input: a broker on 127.0.0.1 holding the benchmark's records in a 2-partition
 * topic, one record per message, produced once before any engine runs (not measured).
 */
final class BenchTopic implements AutoCloseable {
  /** The engines that read the topic start with this. */
  static final String ENGINE_PREFIX = "kafka-";

  /** The topic's name. */
  static final String TOPIC = "bench";

  private final EmbeddedKafka kafka;

  private BenchTopic(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  /**
   * Starts a broker and fills the topic when an engine needs it.
   *
   * @return the topic, or null when no engine reads Kafka
   */
  static BenchTopic startIfNeeded(List<String> engines, Path folder, Path input)
      throws IOException {
    if (engines.stream().noneMatch(engine -> engine.startsWith(ENGINE_PREFIX))) {
      return null;
    }
    EmbeddedKafka kafka = EmbeddedKafka.start(folder);
    try {
      kafka.createTopic(TOPIC, 2);
      produce(kafka.bootstrapServers(), input);
      return new BenchTopic(kafka);
    } catch (IOException | RuntimeException e) {
      kafka.close();
      throw e;
    }
  }

  private static void produce(String bootstrap, Path input) throws IOException {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 << 10));
    long sent = 0;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties);
        BufferedReader lines = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        producer.send(
            new ProducerRecord<>(
                TOPIC, (int) (sent++ % 2), null, line.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public void close() {
    kafka.close();
  }
}
