package io.medallion.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.JsonSource;
import io.medallion.kafka.embedded.EmbeddedKafka;
import io.medallion.table.BronzeTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams in child JVMs killed with SIGKILL at random moments (polling, writing, between the
 * dead-letter, data and offset commits, right after a commit) and consumers joining and dying in
 * one group: bronze ends with each produced offset exactly once, and silver and gold equal a batch
 * run over the same records.
 */
class CrashAndRebalanceTest {
  private static final int CRASHES = 20;
  private static EmbeddedKafka kafka;
  private static KafkaProducer<byte[], byte[]> producer;

  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();
  private final List<String> produced = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    properties.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(properties);
  }

  @AfterAll
  static void stopBroker() {
    producer.close();
    kafka.close();
  }

  @AfterEach
  void killChildren() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void run_killedTwentyTimesAtRandomMoments_everyOffsetOnceAndSilverGoldEqualABatchRun()
      throws Exception {
    String topic = "crash";
    kafka.createTopic(topic, 2);
    Random random = new Random(42);
    Producing producing = new Producing(topic, 2);
    producing.start();
    try {
      for (int crash = 0; crash < CRASHES; crash++) {
        Process child = startChild(topic, "crash-group", "crash-member", crash);
        Thread.sleep(1_500 + random.nextInt(2_500));
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } finally {
      producing.finish();
    }

    assertExactlyOnceAndEqualToBatch(topic, "crash-group");
  }

  @Test
  void run_consumersJoiningAndOneKilled_everyOffsetOnce() throws Exception {
    String topic = "rebalance";
    kafka.createTopic(topic, 4);
    Producing producing = new Producing(topic, 4);
    producing.start();
    try {
      Process first = startChild(topic, "rebalance-group", "-", 0);
      Process second = startChild(topic, "rebalance-group", "-", 1);
      Thread.sleep(8_000);
      Process third = startChild(topic, "rebalance-group", "-", 2);
      Thread.sleep(6_000);
      second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      Thread.sleep(10_000);
      first.destroy();
      third.destroy();
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      producing.finish();
    }

    assertExactlyOnceAndEqualToBatch(topic, "rebalance-group");
  }

  /**
   * Catches up in this JVM, then compares bronze with what was produced, silver and gold with a
   * batch run.
   */
  private void assertExactlyOnceAndEqualToBatch(String topic, String group) throws IOException {
    Path lake = dir.resolve("lake");
    KafkaStream stream = KafkaStream.builder(kafka.bootstrapServers(), group).topics(topic).build();
    Pipeline streamed = StreamPipelines.over(StreamPipelines.KAFKA_RAW);
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lake).build()) {
      try (KafkaIngestion catchUp =
          KafkaIngestion.open(runtime, streamed, StreamPipelines.KAFKA_RAW, stream)) {
        catchUp.runUntilCaughtUp();
      }
      List<Record> bronze = rows(runtime.table(StreamPipelines.KAFKA_RAW.id()));
      Map<String, Integer> perOffset = new HashMap<>();
      bronze.forEach(
          row ->
              perOffset.merge(
                  row.getField(KafkaColumns.PARTITION) + "@" + row.getField(KafkaColumns.OFFSET),
                  1,
                  Integer::sum));
      assertThat(bronze).hasSize(produced.size());
      assertThat(perOffset.values()).containsOnly(1);
      assertThat(rows(runtime.table(StreamPipelines.KAFKA_RAW.deadLetterId()))).isEmpty();

      Path file = dir.resolve("same-records.ndjson");
      Files.write(file, produced, StandardCharsets.UTF_8);
      BronzeTable fileRaw = BronzeTable.builder(TableId.of("bronze", "events")).build();
      try (MedallionRuntime batch =
          MedallionRuntime.builder().lake(dir.resolve("batch-lake")).build()) {
        batch.run(StreamPipelines.over(fileRaw), fileRaw, JsonSource.file(file));
        assertThat(silverRows(runtime)).isEqualTo(silverRows(batch)).hasSize(produced.size());
        assertThat(goldRows(runtime)).isEqualTo(goldRows(batch));
      }
    }
  }

  private static Set<String> silverRows(MedallionRuntime runtime) {
    Set<String> rows = new HashSet<>();
    rows(runtime.table(TableId.of("silver", "events")))
        .forEach(row -> rows.add(row.getField("id") + "," + row.getField("country")));
    return rows;
  }

  private static Map<Object, Object> goldRows(MedallionRuntime runtime) {
    Map<Object, Object> rows = new HashMap<>();
    rows(runtime.table(TableId.of("gold", "events_by_country")))
        .forEach(row -> rows.put(row.getField("country"), row.getField("events")));
    return rows;
  }

  private Process startChild(String topic, String group, String member, int index)
      throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                StreamProcess.class.getName(),
                kafka.bootstrapServers(),
                topic,
                group,
                dir.resolve("lake").toString(),
                member)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child-" + topic + "-" + index + ".log").toFile())
            .start();
    children.add(child);
    return child;
  }

  private static List<Record> rows(Table table) {
    return TableRows.of(table);
  }

  /** Produces events steadily on a thread of its own while children come and go. */
  private final class Producing extends Thread {
    private final String topic;
    private final int partitions;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicInteger next = new AtomicInteger();

    Producing(String topic, int partitions) {
      super("producer-" + topic);
      this.topic = topic;
      this.partitions = partitions;
    }

    @Override
    public void run() {
      while (!done.get()) {
        for (int i = 0; i < 20; i++) {
          int id = next.getAndIncrement();
          String json =
              "{\"id\":\"e" + id + "\",\"country\":\"" + (id % 3 == 0 ? "CH" : "DE") + "\"}";
          synchronized (produced) {
            produced.add(json);
          }
          producer.send(
              new ProducerRecord<>(
                  topic, id % partitions, null, json.getBytes(StandardCharsets.UTF_8)));
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void finish() throws InterruptedException {
      done.set(true);
      join();
      producer.flush();
    }
  }
}
