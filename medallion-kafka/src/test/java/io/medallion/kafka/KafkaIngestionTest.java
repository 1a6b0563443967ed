package io.medallion.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.catalog.EmbeddedCatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.TableRun;
import io.medallion.core.spi.SourceMarker;
import io.medallion.kafka.embedded.EmbeddedKafka;
import io.medallion.kafka.internal.RecordedOffsets;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real KRaft broker on 127.0.0.1 feeding bronze, silver and gold through KafkaIngestion. */
class KafkaIngestionTest {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static final BronzeTable RAW =
      KafkaColumns.bronzeTable(TableId.of("bronze", "events")).maxRecordBytes(4096).build();
  private static final SilverTable EVENTS =
      SilverTable.builder(TableId.of("silver", "events"), RAW)
          .map("id", ColumnType.STRING, "id")
          .map("country", ColumnType.STRING, "country")
          .deduplicateOn("id")
          .build();
  private static final GoldTable BY_COUNTRY =
      GoldTable.builder(TableId.of("gold", "events_by_country"), EVENTS)
          .groupBy("country")
          .count("events")
          .build();
  private static final Pipeline PIPELINE =
      Pipeline.builder("events").tables(RAW, EVENTS, BY_COUNTRY).build();

  private static EmbeddedKafka kafka;
  private static KafkaProducer<byte[], byte[]> producer;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    properties.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 << 20));
    producer = new KafkaProducer<>(properties);
  }

  @AfterAll
  static void stopBroker() {
    producer.close();
    kafka.close();
  }

  private static String newTopic(int partitions) {
    String topic = "events-" + TOPICS.incrementAndGet();
    kafka.createTopic(topic, partitions);
    return topic;
  }

  private static void send(String topic, int partition, String key, byte[] value) {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  topic,
                  partition,
                  key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                  value))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sendEvents(String topic, int partitions, int from, int to) {
    for (int i = from; i < to; i++) {
      String json = "{\"id\":\"e" + i + "\",\"country\":\"" + (i % 2 == 0 ? "CH" : "DE") + "\"}";
      send(topic, i % partitions, "k" + i, json.getBytes(StandardCharsets.UTF_8));
    }
  }

  private MedallionRuntime runtime() {
    return MedallionRuntime.builder().lake(dir.resolve("lake")).build();
  }

  private static KafkaStream stream(String topic, String group) {
    return KafkaStream.builder(kafka.bootstrapServers(), group)
        .topics(topic)
        .commitEvery(25, 1 << 20, Duration.ofSeconds(1))
        .build();
  }

  private static List<Record> rows(Table table) {
    return TableRows.of(table);
  }

  /** Counts bronze rows per topic/partition@offset; exactly once means every count is 1. */
  private static Map<String, Integer> offsets(List<Record> rows) {
    Map<String, Integer> seen = new HashMap<>();
    for (Record row : rows) {
      seen.merge(row.getField(BronzeTable.SOURCE_COORDINATE).toString(), 1, Integer::sum);
    }
    return seen;
  }

  @Test
  void runUntilCaughtUp_topicWithRecords_everyOffsetOnceWithKafkaColumns() {
    String topic = newTopic(2);
    sendEvents(topic, 2, 0, 60);
    send(topic, 0, null, "{\"id\":\"h\",\"country\":\"CH\"}".getBytes(StandardCharsets.UTF_8));

    StreamProgress progress;
    try (MedallionRuntime runtime = runtime();
        KafkaIngestion ingestion =
            KafkaIngestion.open(runtime, PIPELINE, RAW, stream(topic, "g1"))) {
      progress = ingestion.runUntilCaughtUp();

      List<Record> bronze = rows(runtime.table(RAW.id()));
      assertThat(bronze).hasSize(61);
      assertThat(offsets(bronze).values()).containsOnly(1);
      Record first =
          bronze.stream()
              .filter(row -> row.getField(BronzeTable.SOURCE_COORDINATE).equals(topic + "/0@0"))
              .findFirst()
              .orElseThrow();
      assertThat(first.getField(KafkaColumns.TOPIC)).isEqualTo(topic);
      assertThat(first.getField(KafkaColumns.PARTITION)).isEqualTo(0);
      assertThat(first.getField(KafkaColumns.OFFSET)).isEqualTo(0L);
      assertThat(first.getField(KafkaColumns.KEY)).isEqualTo("k0");
      assertThat(first.getField(KafkaColumns.KEY_BASE64)).isEqualTo(false);
      assertThat(first.getField(KafkaColumns.TIMESTAMP)).isNotNull();
      assertThat(first.getField(BronzeTable.SOURCE_NAME)).isEqualTo(topic);
      assertThat(first.getField(BronzeTable.PAYLOAD).toString())
          .isEqualTo("{\"id\":\"e0\",\"country\":\"CH\"}");
      assertThat(rows(runtime.table(EVENTS.id()))).hasSize(61);
      Map<Object, Object> counts = new HashMap<>();
      rows(runtime.table(BY_COUNTRY.id()))
          .forEach(row -> counts.put(row.getField("country"), row.getField("events")));
      assertThat(counts).isEqualTo(Map.of("CH", 31L, "DE", 30L));
      assertThat(KafkaOffsets.recorded(runtime, RAW))
          .containsEntry(new KafkaOffsets.Partition(topic, 0), 31L)
          .containsEntry(new KafkaOffsets.Partition(topic, 1), 30L);
    }
    assertThat(progress.records()).isEqualTo(61);
    assertThat(progress.deadLetters()).isZero();
    assertThat(progress.commits()).isGreaterThanOrEqualTo(3);
    assertThat(progress.downstreamRuns()).isGreaterThanOrEqualTo(1);
    assertThat(progress.tables())
        .extracting(TableRun::table)
        .containsExactly(RAW.id(), EVENTS.id(), BY_COUNTRY.id());
    assertThat(progress.tables().get(0).written()).isEqualTo(61);
    assertThat(progress.tables().get(1).read()).isEqualTo(61);
    assertThat(progress.tables().get(1).written()).isEqualTo(61);
    assertThat(progress.lag()).containsKeys(RAW.id(), EVENTS.id(), BY_COUNTRY.id());
  }

  @Test
  void runUntilCaughtUp_restartedAfterMoreMessages_resumesFromTheTableExactlyOnce() {
    String topic = newTopic(2);
    sendEvents(topic, 2, 0, 40);
    try (MedallionRuntime runtime = runtime();
        KafkaIngestion first = KafkaIngestion.open(runtime, RAW, stream(topic, "g2"))) {
      first.runUntilCaughtUp();
    }
    sendEvents(topic, 2, 40, 70);

    try (MedallionRuntime runtime = runtime();
        KafkaIngestion second = KafkaIngestion.open(runtime, RAW, stream(topic, "g2"))) {
      StreamProgress progress = second.runUntilCaughtUp();

      assertThat(progress.records()).isEqualTo(30);
      List<Record> bronze = rows(runtime.table(RAW.id()));
      assertThat(bronze).hasSize(70);
      assertThat(offsets(bronze).values()).containsOnly(1);
    }
  }

  @Test
  void runUntilCaughtUp_groupOffsetsAheadOfTheTable_readsFromTheTableOffsets() {
    String topic = newTopic(1);
    sendEvents(topic, 1, 0, 20);
    try (MedallionRuntime runtime = runtime();
        KafkaIngestion first = KafkaIngestion.open(runtime, RAW, stream(topic, "shared"))) {
      first.runUntilCaughtUp();
    }
    BronzeTable other = KafkaColumns.bronzeTable(TableId.of("bronze", "events_copy")).build();

    try (MedallionRuntime runtime = runtime();
        KafkaIngestion copy = KafkaIngestion.open(runtime, other, stream(topic, "shared"))) {
      copy.runUntilCaughtUp();

      assertThat(rows(runtime.table(other.id()))).hasSize(20);
    }
  }

  @Test
  void runUntilCaughtUp_badMessages_eachIsARecordOrADeadLetter() {
    String topic = newTopic(1);
    byte[] latin1 = "{\"id\":\"Jos\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    send(topic, 0, "a", "{\"id\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
    send(topic, 0, "b", "{\"id\":".getBytes(StandardCharsets.UTF_8));
    send(topic, 0, "c", latin1);
    send(topic, 0, "d", ("{\"id\":\"" + "x".repeat(4200) + "\"}").getBytes(StandardCharsets.UTF_8));
    send(topic, 0, "e", null);
    send(topic, 0, "f", new byte[0]);
    send(topic, 0, "g", "42".getBytes(StandardCharsets.UTF_8));
    send(
        topic, 0, null, ("{\"id\":\"" + "y".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8));
    KafkaStream limited = stream(topic, "g4").toBuilder().maxMessageBytes(4500).build();

    try (MedallionRuntime runtime = runtime();
        KafkaIngestion ingestion = KafkaIngestion.open(runtime, RAW, limited)) {
      StreamProgress progress = ingestion.runUntilCaughtUp();

      assertThat(progress.records()).isEqualTo(1);
      assertThat(progress.deadLetters()).isEqualTo(7);
      Map<String, Record> dead = new HashMap<>();
      rows(runtime.table(RAW.deadLetterId()))
          .forEach(row -> dead.put(row.getField(KafkaColumns.KEY) + "", row));
      assertThat(dead).containsOnlyKeys("b", "c", "d", "e", "f", "g", "null");
      assertThat(dead.get("b").getField(BronzeTable.ERROR).toString()).startsWith("invalid JSON");
      assertThat(dead.get("c").getField(BronzeTable.PAYLOAD_ENCODING)).isEqualTo("base64");
      assertThat(Base64.getDecoder().decode(dead.get("c").getField(BronzeTable.PAYLOAD).toString()))
          .isEqualTo(latin1);
      assertThat(dead.get("d").getField(BronzeTable.ERROR).toString())
          .contains("more than the limit of 4096 (BronzeTable.maxRecordBytes)");
      assertThat(dead.get("e").getField(BronzeTable.ERROR).toString()).startsWith("tombstone");
      assertThat(dead.get("f").getField(BronzeTable.ERROR))
          .isEqualTo("message is empty: no JSON value found");
      assertThat(dead.get("g").getField(BronzeTable.ERROR))
          .isEqualTo("message value is a number, expected a JSON object or array");
      assertThat(dead.get("null").getField(BronzeTable.ERROR).toString())
          .contains("more than the limit of 4500 (KafkaStream.maxMessageBytes)");
      assertThat(dead.get("null").getField(BronzeTable.SOURCE_COORDINATE))
          .isEqualTo(topic + "/0@7");
      assertThat(dead.get("null").getField(KafkaColumns.OFFSET)).isEqualTo(7L);
    }
  }

  @Test
  void run_twoInstancesInOneGroup_shareThePartitionsExactlyOnce() throws Exception {
    String topic = newTopic(4);
    sendEvents(topic, 4, 0, 200);
    try (MedallionRuntime one = runtime();
        MedallionRuntime two = runtime();
        KafkaIngestion first = KafkaIngestion.open(one, RAW, stream(topic, "g5"));
        KafkaIngestion second = KafkaIngestion.open(two, RAW, stream(topic, "g5"))) {
      first.start();
      second.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (rows(one.table(RAW.id())).size() < 200 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      sendEvents(topic, 4, 200, 260);
      while (rows(one.table(RAW.id())).size() < 260 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      first.close();
      second.close();

      assertThat(first.failure()).isEmpty();
      assertThat(second.failure()).isEmpty();
      List<Record> bronze = rows(one.table(RAW.id()));
      assertThat(bronze).hasSize(260);
      assertThat(offsets(bronze).values()).containsOnly(1);
    }
  }

  @Test
  void run_brokerUnreachable_stopsNamingTheBrokersAndTheTable() {
    try (EmbeddedKafka lonely = EmbeddedKafka.start()) {
      lonely.createTopic("lonely", 1);
      KafkaStream stream =
          KafkaStream.builder(lonely.bootstrapServers(), "g6")
              .topics("lonely")
              .brokerTimeout(Duration.ofSeconds(3))
              .property("request.timeout.ms", "2000")
              .property("default.api.timeout.ms", "3000")
              .build();
      try (MedallionRuntime runtime = runtime();
          KafkaIngestion ingestion = KafkaIngestion.open(runtime, RAW, stream)) {
        lonely.stop();

        assertThatThrownBy(ingestion::run)
            .isInstanceOf(KafkaStreamException.class)
            .hasMessageContaining("bronze.events: no Kafka broker at " + lonely.bootstrapServers())
            .hasMessageContaining("KafkaStream.brokerTimeout 3 s");
      }
    }
  }

  @Test
  void open_tableWithoutKafkaColumns_isRefused() {
    BronzeTable plain = BronzeTable.builder(TableId.of("bronze", "plain")).build();
    try (MedallionRuntime runtime = runtime()) {
      assertThatThrownBy(() -> KafkaIngestion.open(runtime, plain, stream("t", "g")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("bronze.plain needs the Kafka source columns [kafka_topic,");
    }
  }

  @Test
  void run_catalogRefusesCommits_stopsAfterTheLimitAndARestartCatchesUpExactly() throws Exception {
    String topic = newTopic(2);
    sendEvents(topic, 2, 0, 30);
    Path lake = dir.resolve("lake");
    EmbeddedCatalogConfig impatient =
        EmbeddedCatalogConfig.builder(lake).property("jdbc.busy_timeout", "200").build();
    KafkaStream stream = stream(topic, "g7").toBuilder().maxFailedCommits(3).build();
    try (MedallionRuntime runtime =
            MedallionRuntime.builder().lake(lake).catalog(impatient).build();
        KafkaIngestion first = KafkaIngestion.open(runtime, RAW, stream)) {
      first.runUntilCaughtUp();
    }
    sendEvents(topic, 2, 30, 60);

    try (MedallionRuntime runtime =
            MedallionRuntime.builder().lake(lake).catalog(impatient).build();
        KafkaIngestion blocked = KafkaIngestion.open(runtime, RAW, stream);
        Connection lock = DriverManager.getConnection("jdbc:sqlite:" + lake.resolve("catalog.db"));
        Statement statement = lock.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");

      assertThatThrownBy(blocked::runUntilCaughtUp)
          .isInstanceOf(KafkaStreamException.class)
          .hasMessageStartingWith("bronze.events: 3 commits in a row failed, the last with: ")
          .hasMessageContaining("a restart reads again from the offsets the table records");
      statement.execute("ROLLBACK");
    }

    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lake).build();
        KafkaIngestion restarted = KafkaIngestion.open(runtime, RAW, stream)) {
      restarted.runUntilCaughtUp();

      List<Record> bronze = rows(runtime.table(RAW.id()));
      assertThat(bronze).hasSize(60);
      assertThat(offsets(bronze).values()).containsOnly(1);
    }
  }

  @Test
  void move_toEarliest_readsTheTopicAgainAndRecordsANote() {
    String topic = newTopic(1);
    sendEvents(topic, 1, 0, 10);
    KafkaStream stream = stream(topic, "g8");
    try (MedallionRuntime runtime = runtime()) {
      try (KafkaIngestion first = KafkaIngestion.open(runtime, RAW, stream)) {
        first.runUntilCaughtUp();
      }

      Map<KafkaOffsets.Partition, Long> moved =
          KafkaOffsets.move(
              runtime, RAW, stream, topic, KafkaOffsets.Target.offsets(Map.of(0, 4L)));

      assertThat(moved).containsEntry(new KafkaOffsets.Partition(topic, 0), 4L);
      Table bronze = runtime.table(RAW.id());
      assertThat(bronze.currentSnapshot().summary().get("medallion.source.kafka.#moved"))
          .startsWith(topic + " moved to offsets {0=4} at ");
      try (KafkaIngestion again = KafkaIngestion.open(runtime, RAW, stream)) {
        assertThat(again.runUntilCaughtUp().records()).isEqualTo(6);
      }
      assertThat(KafkaOffsets.recorded(runtime, RAW))
          .containsEntry(new KafkaOffsets.Partition(topic, 0), 10L);
      assertThatThrownBy(
              () ->
                  KafkaOffsets.move(
                      runtime, RAW, stream, topic, KafkaOffsets.Target.offsets(Map.of(3, 0L))))
          .hasMessage(
              "Cannot move "
                  + topic
                  + "/3 to 0: the topic has partitions 0 to 0 and offsets are"
                  + " not negative");
    }
  }

  @Test
  void move_whileTheGroupIsActive_isRefusedNamingTheGroup() throws Exception {
    String topic = newTopic(1);
    KafkaStream stream = stream(topic, "g9");
    try (MedallionRuntime runtime = runtime();
        MedallionRuntime other = runtime();
        KafkaIngestion running = KafkaIngestion.open(runtime, RAW, stream)) {
      running.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (KafkaOffsets.recorded(other, RAW).isEmpty() && System.nanoTime() < deadline) {
        sendEvents(topic, 1, 0, 1);
        Thread.sleep(500);
      }

      assertThatThrownBy(
              () -> KafkaOffsets.move(other, RAW, stream, topic, KafkaOffsets.Target.latest()))
          .hasMessageContaining("Consumer group g9 has 1 active member(s)");
    }
  }

  @Test
  void runUntilCaughtUp_partitionAddedToARecordedTopic_readsItFromItsStart() throws Exception {
    String topic = newTopic(1);
    sendEvents(topic, 1, 0, 5);
    KafkaStream stream = stream(topic, "g10").toBuilder().startAt(StartPosition.latest()).build();
    try (MedallionRuntime runtime = runtime()) {
      try (KafkaIngestion first = KafkaIngestion.open(runtime, RAW, stream)) {
        assertThat(first.runUntilCaughtUp().records()).isZero();
      }
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(2))).all().get();
      }
      sendEvents(topic, 2, 5, 15);

      try (KafkaIngestion second = KafkaIngestion.open(runtime, RAW, stream)) {
        assertThat(second.runUntilCaughtUp().records()).isEqualTo(10);
      }
      assertThat(KafkaOffsets.recorded(runtime, RAW))
          .containsEntry(new KafkaOffsets.Partition(topic, 0), 10L)
          .containsEntry(new KafkaOffsets.Partition(topic, 1), 5L);
    }
  }

  @Test
  void run_startAtLatestAndTheFirstCommitsFail_keepsTheStartItFound() throws Exception {
    String topic = newTopic(1);
    sendEvents(topic, 1, 0, 5);
    Path lake = dir.resolve("lake");
    EmbeddedCatalogConfig impatient =
        EmbeddedCatalogConfig.builder(lake).property("jdbc.busy_timeout", "200").build();
    KafkaStream stream =
        stream(topic, "g11").toBuilder()
            .startAt(StartPosition.latest())
            .maxFailedCommits(50)
            .build();
    try (MedallionRuntime runtime =
            MedallionRuntime.builder().lake(lake).catalog(impatient).build();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      runtime.bronzeAppender(RAW);
      try (Connection lock =
              DriverManager.getConnection("jdbc:sqlite:" + lake.resolve("catalog.db"));
          Statement statement = lock.createStatement();
          KafkaIngestion ingestion = KafkaIngestion.open(runtime, RAW, stream)) {
        // Readers go on under SQLite's reserved lock; every commit fails while it is held.
        statement.execute("BEGIN IMMEDIATE");
        ingestion.start();
        awaitAssignment(admin, "g11");
        Thread.sleep(1_500);
        sendEvents(topic, 1, 5, 12);
        Thread.sleep(3_000);
        statement.execute("ROLLBACK");
        awaitRecorded(runtime, new KafkaOffsets.Partition(topic, 0), 12L);
      }
      List<Record> bronze = rows(runtime.table(RAW.id()));
      assertThat(offsets(bronze).keySet())
          .containsExactlyInAnyOrder(
              topic + "/0@5",
              topic + "/0@6",
              topic + "/0@7",
              topic + "/0@8",
              topic + "/0@9",
              topic + "/0@10",
              topic + "/0@11");
    }
  }

  @Test
  void runUntilCaughtUp_moveCommittedToDeadLettersOnly_isRefusedUntilTheMoveIsRunAgain() {
    String topic = newTopic(1);
    sendEvents(topic, 1, 0, 4);
    KafkaStream stream = stream(topic, "g12");
    try (MedallionRuntime runtime = runtime()) {
      try (KafkaIngestion first = KafkaIngestion.open(runtime, RAW, stream)) {
        first.runUntilCaughtUp();
      }
      SourceMarker half =
          marker(Map.of(RecordedOffsets.PREFIX + topic, "0:0", RecordedOffsets.NOTE, "half move"));
      SourceMarker crash =
          new SourceMarker() {
            @Override
            public String keyPrefix() {
              return RecordedOffsets.PREFIX;
            }

            @Override
            public Map<String, String> entries(Map<String, String> recorded) {
              throw new IllegalStateException("crashed between the two commits");
            }
          };
      assertThatThrownBy(() -> runtime.bronzeAppender(RAW).mark(half, crash))
          .hasMessage("crashed between the two commits");

      try (KafkaIngestion refused = KafkaIngestion.open(runtime, RAW, stream)) {
        assertThatThrownBy(refused::runUntilCaughtUp)
            .isInstanceOf(KafkaStreamException.class)
            .hasMessageContaining(
                "bronze.events: an offset move did not finish (the dead-letter table records"
                    + " \"half move\", bronze \"null\"); run the same KafkaOffsets.move");
      }
      KafkaOffsets.move(runtime, RAW, stream, topic, KafkaOffsets.Target.earliest());
      try (KafkaIngestion again = KafkaIngestion.open(runtime, RAW, stream)) {
        assertThat(again.runUntilCaughtUp().records()).isEqualTo(4);
      }
    }
  }

  private static SourceMarker marker(Map<String, String> entries) {
    return new SourceMarker() {
      @Override
      public String keyPrefix() {
        return RecordedOffsets.PREFIX;
      }

      @Override
      public Map<String, String> entries(Map<String, String> recorded) {
        return entries;
      }
    };
  }

  private static void awaitAssignment(Admin admin, String group) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      ConsumerGroupDescription description =
          admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
      if (description.members().stream()
          .anyMatch(member -> !member.assignment().topicPartitions().isEmpty())) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("group " + group + " got no assignment within 60 s");
  }

  private static void awaitRecorded(
      MedallionRuntime runtime, KafkaOffsets.Partition partition, long offset)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (Long.valueOf(offset).equals(KafkaOffsets.recorded(runtime, RAW).get(partition))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        partition + " not recorded at " + offset + ": " + KafkaOffsets.recorded(runtime, RAW));
  }
}
