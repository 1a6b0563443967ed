package io.medallion.samples;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.samples.randomuser.RandomUserGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends RandomUser records to a Kafka topic, one user object per message, keyed by the user's
 * {@code login.uuid} when it has one. Files are read as a stream (API envelopes, arrays or NDJSON),
 * so memory stays flat whatever their size. Sends are asynchronous; {@link #flush()} waits for
 * every one and reports the first failure.
 */
final class RandomUserProducer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECORDS = "results";
  private static final int TIMEOUT_MILLIS = 15_000;

  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final String bootstrap;
  private final long nanosPerMessage;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private long nextSendNanos = System.nanoTime();
  private long sent;

  /**
   * Connects a producer.
   *
   * @param bootstrap the brokers
   * @param topic the topic
   * @param rate messages per second, or 0 for as fast as possible
   */
  RandomUserProducer(String bootstrap, String topic, int rate) {
    this.bootstrap = bootstrap;
    this.topic = topic;
    this.nanosPerMessage = rate > 0 ? TimeUnit.SECONDS.toNanos(1) / rate : 0;
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    // An unreachable broker or a missing topic fails within seconds, not the default minute.
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT_MILLIS);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2 * TIMEOUT_MILLIS);
    this.producer = new KafkaProducer<>(properties);
  }

  /**
   * Sends the first {@code users} records the generator makes from a seed.
   *
   * @param seed the generator's seed
   * @param users how many
   */
  void sendGenerated(long seed, int users) throws IOException, InterruptedException {
    Iterator<String> records = RandomUserGenerator.withSeed(seed).records(users);
    while (records.hasNext()) {
      String record = records.next();
      send(keyOf(JSON.readTree(record)), record);
    }
  }

  /**
   * Sends every user record of a RandomUser file: the elements of an API envelope's {@code results}
   * or of an array, or each object of a newline-delimited file.
   *
   * @param file the file
   * @throws IOException when it cannot be read or is not JSON
   */
  void sendFile(Path file) throws IOException, InterruptedException {
    try (JsonParser parser = JSON.createParser(file.toFile())) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_ARRAY) {
          sendElements(parser);
        } else if (token == JsonToken.START_OBJECT) {
          sendObject(parser);
        } else {
          sendNode(parser.readValueAsTree());
        }
      }
    }
  }

  /** An envelope's records are sent one by one; any other object is one user. */
  private void sendObject(JsonParser parser) throws IOException, InterruptedException {
    ObjectNode fields = JSON.createObjectNode();
    boolean envelope = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (RECORDS.equals(name) && value == JsonToken.START_ARRAY) {
        envelope = true;
        sendElements(parser);
      } else if (envelope) {
        parser.skipChildren();
      } else {
        fields.set(name, parser.readValueAsTree());
      }
    }
    if (!envelope) {
      sendNode(fields);
    }
  }

  private void sendElements(JsonParser parser) throws IOException, InterruptedException {
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      sendNode(parser.readValueAsTree());
    }
  }

  private void sendNode(JsonNode record) throws InterruptedException, IOException {
    send(keyOf(record), JSON.writeValueAsString(record));
  }

  private static String keyOf(JsonNode record) {
    JsonNode uuid = record.path("login").path("uuid");
    return uuid.isTextual() ? uuid.asText() : null;
  }

  private void send(String key, String value) throws InterruptedException {
    Exception failed = failure.get();
    if (failed != null) {
      throw failure(failed);
    }
    if (nanosPerMessage > 0) {
      long wait = nextSendNanos - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      nextSendNanos =
          Math.max(nextSendNanos, System.nanoTime() - nanosPerMessage) + nanosPerMessage;
    }
    try {
      producer.send(
          new ProducerRecord<>(topic, key, value),
          (metadata, error) -> {
            if (error != null) {
              failure.compareAndSet(null, error);
            }
          });
    } catch (RuntimeException e) {
      throw failure(e);
    }
    sent++;
  }

  /**
   * Waits until every message is acknowledged.
   *
   * @return how many messages were sent
   * @throws CliFailure naming the topic and the brokers when a send failed
   */
  long flush() {
    producer.flush();
    Exception failed = failure.get();
    if (failed != null) {
      throw failure(failed);
    }
    return sent;
  }

  private CliFailure failure(Exception cause) {
    return new CliFailure(
        ExitCode.RUN_FAILED,
        "could not send to topic "
            + topic
            + " at "
            + bootstrap
            + " ("
            + sent
            + " messages handed over): "
            + cause.getMessage()
            + "; check that the brokers are reachable and the topic exists",
        cause);
  }

  @Override
  public void close() {
    producer.close();
  }
}
