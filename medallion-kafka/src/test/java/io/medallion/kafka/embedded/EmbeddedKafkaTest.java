package io.medallion.kafka.embedded;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import io.medallion.ValidationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {
  private static final int MAX_MESSAGE_BYTES = 64 * 1024;

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka =
        EmbeddedKafka.builder()
            .brokerProperty("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES))
            .start();
  }

  @AfterAll
  static void closeBroker() {
    kafka.close();
  }

  @Test
  void createTopic_fourPartitions_everyPartitionServesItsRecords() throws Exception {
    kafka.createTopic("users", 4);
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      for (int i = 0; i < 40; i++) {
        producer.send(new ProducerRecord<>("users", i % 4, "key-" + i, "user-" + i)).get();
      }
    }

    List<ConsumerRecord<String, String>> records = readAll(kafka, "users");

    assertThat(records)
        .extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 40).mapToObj(i -> "user-" + i).toList());
    assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2, 3);
    assertThat(records)
        .filteredOn(record -> record.partition() == 2)
        .extracting(ConsumerRecord::value)
        .containsExactly(
            "user-2", "user-6", "user-10", "user-14", "user-18", "user-22", "user-26", "user-30",
            "user-34", "user-38");
  }

  @Test
  void stopAndRestart_sameBroker_sendsFailWhileStoppedAndRecordsSurvive() throws Exception {
    kafka.createTopic("outage", 2);
    String servers = kafka.bootstrapServers();
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>("outage", "before-" + i)).get();
      }

      kafka.stop();

      assertThat(kafka.isRunning()).isFalse();
      Throwable failure =
          catchThrowable(() -> producer.send(new ProducerRecord<>("outage", "lost")).get());
      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause())
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("outage");
      assertThatThrownBy(() -> kafka.createTopic("while-stopped", 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Cannot create topic while-stopped: embedded Kafka broker "
                  + servers
                  + " is not running");

      kafka.restart();

      assertThat(kafka.isRunning()).isTrue();
      assertThat(kafka.bootstrapServers()).isEqualTo(servers);
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>("outage", "after-" + i)).get();
      }
    }
    assertThat(readAll(kafka, "outage"))
        .extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrder(
            "before-0",
            "before-1",
            "before-2",
            "before-3",
            "before-4",
            "before-5",
            "before-6",
            "before-7",
            "before-8",
            "before-9",
            "after-0",
            "after-1",
            "after-2",
            "after-3",
            "after-4");
  }

  @Test
  void close_temporaryDataDir_freesThePortAndDeletesTheData() throws IOException {
    EmbeddedKafka broker = EmbeddedKafka.start();
    int port = broker.port();
    Path data = broker.dataDir();
    broker.createTopic("closing", 1);
    assertThat(data).isDirectory();

    broker.close();
    broker.close();

    assertThat(broker.isRunning()).isFalse();
    assertThat(data).doesNotExist();
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
    assertThatThrownBy(broker::restart)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Embedded Kafka broker " + broker.bootstrapServers() + " is closed; start a new one");
  }

  @Test
  void start_secondBrokerInTheSameJvm_servesItsOwnTopicsOnItsOwnPort() throws Exception {
    try (EmbeddedKafka second = EmbeddedKafka.start()) {
      assertThat(second.port()).isNotEqualTo(kafka.port());
      kafka.createTopic("twins", 1);
      second.createTopic("twins", 1);
      try (KafkaProducer<String, String> first = producer(kafka);
          KafkaProducer<String, String> other = producer(second)) {
        first.send(new ProducerRecord<>("twins", "on the first broker")).get();
        other.send(new ProducerRecord<>("twins", "on the second broker")).get();
      }

      assertThat(readAll(kafka, "twins"))
          .extracting(ConsumerRecord::value)
          .containsExactly("on the first broker");
      assertThat(readAll(second, "twins"))
          .extracting(ConsumerRecord::value)
          .containsExactly("on the second broker");
    }
  }

  @Test
  void start_givenDataDir_keepsTheDataAndStartsAgainFromIt(@TempDir Path folder) throws Exception {
    Path data = folder.resolve("kafka");
    try (EmbeddedKafka broker = EmbeddedKafka.start(data)) {
      broker.createTopic("kept", 3);
      try (KafkaProducer<String, String> producer = producer(broker)) {
        producer.send(new ProducerRecord<>("kept", 1, null, "survives close")).get();
      }
    }
    assertThat(data.resolve("meta.properties")).isRegularFile();

    try (EmbeddedKafka again = EmbeddedKafka.start(data)) {
      assertThat(readAll(again, "kept"))
          .extracting(ConsumerRecord::partition, ConsumerRecord::value)
          .containsExactly(tuple(1, "survives close"));
    }
  }

  @Test
  void deleteTopic_thenCreateItAgain_newTopicIsEmpty() throws Exception {
    kafka.createTopic("recreated", 1);
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      producer.send(new ProducerRecord<>("recreated", "old")).get();
    }

    kafka.deleteTopic("recreated");
    kafka.createTopic("recreated", 2);

    assertThat(readAll(kafka, "recreated")).isEmpty();
    assertThat(partitionsOf(kafka, "recreated")).isEqualTo(2);
  }

  @Test
  void createTopic_existingTopic_failsNamingTheTopic() {
    kafka.createTopic("twice", 1);

    assertThatThrownBy(() -> kafka.createTopic("twice", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "Embedded Kafka broker " + kafka.bootstrapServers() + " failed creating topic twice: ")
        .hasMessageContaining("already exists");
  }

  @Test
  void createTopic_zeroPartitions_rejected() {
    assertThatThrownBy(() -> kafka.createTopic("empty", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Topic empty needs at least 1 partition; got 0");
  }

  @Test
  void deleteTopic_unknownTopic_failsNamingTheTopic() {
    assertThatThrownBy(() -> kafka.deleteTopic("never-created"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "Embedded Kafka broker "
                + kafka.bootstrapServers()
                + " failed deleting topic never-created: ");
  }

  @Test
  void brokerProperty_messageMaxBytes_largerRecordIsRejected() {
    kafka.createTopic("limited", 1);
    String tooLarge = "x".repeat(MAX_MESSAGE_BYTES + 1);
    try (KafkaProducer<String, String> producer =
        producer(kafka, Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * MAX_MESSAGE_BYTES))) {
      Throwable failure =
          catchThrowable(() -> producer.send(new ProducerRecord<>("limited", tooLarge)).get());

      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause()).isInstanceOf(RecordTooLargeException.class);
    }
  }

  @Test
  void start_managedPropertiesAndFileAsDataDir_rejectedWithEveryProblem(@TempDir Path folder)
      throws IOException {
    Path file = Files.writeString(folder.resolve("not-a-folder"), "x");

    assertThatThrownBy(
            () ->
                EmbeddedKafka.builder()
                    .dataDir(file)
                    .brokerProperty("listeners", "PLAINTEXT://0.0.0.0:9092")
                    .brokerProperty("node.id", "7")
                    .brokerProperty("num.io.threads", "2")
                    .start())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(
                        p -> assertThat(p).startsWith("broker property 'listeners' is set by"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("broker property 'node.id' is set by"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "data folder "
                                        + file
                                        + " is a file; expected a folder (created if missing)")));
  }

  @Test
  void start_invalidBrokerPropertyValue_rejectedNamingThePropertyAndValue() {
    assertThatThrownBy(
            () -> EmbeddedKafka.builder().brokerProperty("num.io.threads", "many").start())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .singleElement(as(InstanceOfAssertFactories.STRING))
                    .contains("many", "num.io.threads"));
  }

  private static KafkaProducer<String, String> producer(EmbeddedKafka broker) {
    return producer(broker, Map.of());
  }

  private static KafkaProducer<String, String> producer(
      EmbeddedKafka broker, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    // Short enough that a send to a stopped broker fails quickly, long enough for a slow machine.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Reads every record of the topic up to the end offsets it has now. */
  private static List<ConsumerRecord<String, String>> readAll(EmbeddedKafka broker, String topic) {
    try (KafkaConsumer<String, String> consumer = consumer(broker)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static int partitionsOf(EmbeddedKafka broker, String topic) {
    try (KafkaConsumer<String, String> consumer = consumer(broker)) {
      return consumer.partitionsFor(topic).size();
    }
  }

  private static KafkaConsumer<String, String> consumer(EmbeddedKafka broker) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new StringDeserializer());
  }
}
