package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.kafka.KafkaColumns;
import io.medallion.kafka.embedded.EmbeddedKafka;
import io.medallion.samples.randomuser.RandomUserGenerator;
import io.medallion.table.BronzeTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming commands against a real KRaft broker on 127.0.0.1: produce, stream into bronze,
 * silver and gold, compare with the batch command over the same users, and move offsets.
 */
class StreamingCommandsTest {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static final Pattern OFFSET_LINE = Pattern.compile("(?m)^(\\S+/\\d+)\\s+(\\d+)$");
  private static final Pattern PROGRESS_LINE =
      Pattern.compile("\\[medallion\\] (\\d+) records, \\d+ dead letters");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SILVER_AND_GOLD =
      List.of(
          "silver.users",
          "silver.users_quarantine",
          "gold.users_by_country_generation",
          "gold.monthly_registrations",
          "gold.quality_by_nationality",
          // Not the cohorts: their months since registration count to the month of loading.
          "gold.registrations_daily");

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

  private static String newTopic() {
    String topic = "randomuser-" + TOPICS.incrementAndGet();
    kafka.createTopic(topic, 2);
    return topic;
  }

  private static Cli.Result ok(Cli.Result result) {
    assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
    return result;
  }

  private static Cli.Result produceGenerated(String topic, int users, long seed) {
    return ok(
        Cli.run(
            "randomuser-produce",
            "--bootstrap",
            kafka.bootstrapServers(),
            "--topic",
            topic,
            "--users",
            Integer.toString(users),
            "--seed",
            Long.toString(seed)));
  }

  /** Streams a topic into a lake until caught up, writing the summary JSON. */
  private Cli.Result stream(String topic, Path lake, Path summary) {
    return ok(
        Cli.run(
            "randomuser-stream",
            "--bootstrap",
            kafka.bootstrapServers(),
            "--topic",
            topic,
            "--group",
            "group-" + topic,
            "--lake",
            lake.toString(),
            "--until-caught-up",
            "--summary-json",
            summary.toString()));
  }

  private static Map<String, Long> rowsByTable(Path summary) throws IOException {
    Map<String, Long> rows = new HashMap<>();
    JSON.readTree(summary.toFile())
        .get("tables")
        .forEach(t -> rows.put(t.get("name").asText(), t.get("rows").asLong()));
    return rows;
  }

  /**
   * A table's rows as text, sorted, without lineage columns and quarantine times, which differ
   * between ingestions.
   */
  private static List<String> content(Path lake, String table) {
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lake).build()) {
      String[] name = table.split("\\.");
      List<String> rows = new ArrayList<>();
      for (Record record : Lakes.rows(runtime.table(TableId.of(name[0], name[1])))) {
        Map<String, String> values = new TreeMap<>();
        for (Types.NestedField field : record.struct().fields()) {
          if (!field.name().startsWith("_") && !field.name().equals("quarantined_at")) {
            Object value = record.getField(field.name());
            // Averages summed in another order (other commits, other files) differ in the last
            // bits only.
            values.put(
                field.name(),
                value instanceof Double number
                    ? String.format(Locale.ROOT, "%.9f", number)
                    : String.valueOf(value));
          }
        }
        rows.add(values.toString());
      }
      return rows.stream().sorted().toList();
    }
  }

  private static Map<String, Long> offsets(String shown) {
    Map<String, Long> offsets = new TreeMap<>();
    Matcher line = OFFSET_LINE.matcher(shown);
    while (line.find()) {
      offsets.put(line.group(1), Long.parseLong(line.group(2)));
    }
    return offsets;
  }

  @Test
  void randomuserStream_producedUsers_equalsTheBatchRunOverTheSameUsers() throws IOException {
    String topic = newTopic();
    Cli.Result produced = produceGenerated(topic, 300, 7);
    assertThat(produced.out()).contains("Sent 300 messages to topic " + topic);
    Path streamLake = dir.resolve("stream-lake");
    Path streamSummary = dir.resolve("stream.json");

    Cli.Result streamed = stream(topic, streamLake, streamSummary);

    Path users = dir.resolve("users.ndjson");
    try (BufferedWriter out = Files.newBufferedWriter(users)) {
      RandomUserGenerator.withSeed(7).writeNdjson(out, 300);
    }
    Path batchLake = dir.resolve("batch-lake");
    Path batchSummary = dir.resolve("batch.json");
    ok(
        Cli.run(
            "randomuser",
            "--input",
            users.toString(),
            "--lake",
            batchLake.toString(),
            "--no-report",
            "--summary-json",
            batchSummary.toString()));
    assertThat(streamed.out())
        .contains("[medallion] 300 records, 0 dead letters")
        .contains("silver.users")
        .contains("Average quality score: ");
    Map<String, Long> stream = rowsByTable(streamSummary);
    Map<String, Long> batch = rowsByTable(batchSummary);
    assertThat(stream.get("bronze.randomuser_stream_raw")).isEqualTo(300);
    assertThat(stream.get("bronze.randomuser_stream_raw_dead_letter")).isZero();
    assertThat(batch.get("bronze.randomuser_raw")).isEqualTo(300);
    for (String table : SILVER_AND_GOLD) {
      assertThat(stream.get(table)).as(table).isPositive().isEqualTo(batch.get(table));
      assertThat(content(streamLake, table)).as(table).isEqualTo(content(batchLake, table));
    }
    JsonNode runs = JSON.readTree(streamSummary.toFile()).get("run");
    JsonNode run = runs.get(0);
    assertThat(run.get("table").asText()).isEqualTo("bronze.randomuser_stream_raw");
    assertThat(run.get("written").asLong()).isEqualTo(300);
    assertThat(run.get("committed").asBoolean()).isTrue();
    // Silver and gold entries as the batch command writes them: the same tables, and silver read
    // every bronze record once however many runs the stream made.
    List<String> streamTables = new ArrayList<>();
    List<String> batchTables = new ArrayList<>();
    runs.forEach(entry -> streamTables.add(entry.get("table").asText()));
    JSON.readTree(batchSummary.toFile())
        .get("run")
        .forEach(entry -> batchTables.add(entry.get("table").asText()));
    assertThat(streamTables.subList(1, streamTables.size()))
        .containsExactlyElementsOf(batchTables.subList(1, batchTables.size()));
    assertThat(runs.get(1).get("table").asText()).isEqualTo("silver.users");
    assertThat(runs.get(1).get("read").asLong()).isEqualTo(300);
    assertThat(JSON.readTree(streamSummary.toFile()).get("quarantine_reasons"))
        .isEqualTo(JSON.readTree(batchSummary.toFile()).get("quarantine_reasons"));
  }

  @Test
  void randomuserProduce_inputFiles_sendsEachUserKeyedByLoginUuid() throws IOException {
    String topic = newTopic();
    Path envelope = dir.resolve("page.json");
    try (BufferedWriter out = Files.newBufferedWriter(envelope)) {
      RandomUserGenerator.withSeed(3).writeResponse(out, 20, 1);
    }
    Path ndjson = dir.resolve("more.ndjson");
    try (BufferedWriter out = Files.newBufferedWriter(ndjson)) {
      RandomUserGenerator.withSeed(4).writeNdjson(out, 10);
    }

    Cli.Result produced =
        ok(
            Cli.run(
                "randomuser-produce",
                "--bootstrap",
                kafka.bootstrapServers(),
                "--topic",
                topic,
                "--input",
                envelope.toString(),
                ndjson.toString(),
                "--rate",
                "500"));
    Path lake = dir.resolve("lake");
    stream(topic, lake, dir.resolve("summary.json"));

    assertThat(produced.out()).contains("Sent 30 messages");
    BronzeTable raw = RandomUserStreamPipeline.RAW;
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lake).build()) {
      List<Record> rows = Lakes.rows(runtime.table(raw.id()));
      assertThat(rows).hasSize(30);
      for (Record row : rows) {
        JsonNode user = JSON.readTree((String) row.getField(BronzeTable.PAYLOAD));
        assertThat(user.has("results")).isFalse();
        assertThat(row.getField(KafkaColumns.KEY)).isEqualTo(user.at("/login/uuid").asText());
      }
    }
  }

  @Test
  void randomuserStream_embeddedKafkaUntilCaughtUp_streamsTheGeneratedUsers() throws IOException {
    Path lake = dir.resolve("lake");
    Path summary = dir.resolve("summary.json");

    Cli.Result result =
        ok(
            Cli.run(
                "randomuser-stream",
                "--embedded-kafka",
                "--until-caught-up",
                "--users",
                "50",
                "--lake",
                lake.toString(),
                "--summary-json",
                summary.toString()));

    assertThat(result.out())
        .contains("[medallion] embedded Kafka broker at 127.0.0.1:")
        .contains("produced 50 generated users into randomuser")
        .contains("[medallion] 50 records, 0 dead letters");
    Map<String, Long> rows = rowsByTable(summary);
    assertThat(rows.get("bronze.randomuser_stream_raw")).isEqualTo(50);
    assertThat(rows.get("silver.users")).isPositive();
    assertThat(rows.get("silver.users") + rows.get("silver.users_quarantine"))
        .isLessThanOrEqualTo(50);
    assertThat(rows.get("gold.quality_by_nationality")).isPositive();
  }

  @Test
  void randomuserStream_stopSignal_commitsWhatItReadAndPrintsTheSummary() throws Exception {
    String topic = newTopic();
    produceGenerated(topic, 30, 42);
    Path summary = dir.resolve("summary.json");
    Path output = dir.resolve("out.txt");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                MedallionCli.class.getName(),
                "randomuser-stream",
                "--bootstrap",
                kafka.bootstrapServers(),
                "--topic",
                topic,
                "--group",
                "group-" + topic,
                "--lake",
                dir.resolve("lake").toString(),
                "--summary-json",
                summary.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      // The first progress line: the stream runs, its batch not yet due for a commit.
      while (!PROGRESS_LINE.matcher(Files.readString(output)).find() && process.isAlive()) {
        Thread.sleep(200);
      }
      // SIGTERM, handled as Ctrl-C is.
      process.destroy();
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the stream stopped").isTrue();
      assertThat(process.exitValue()).as(Files.readString(output)).isZero();
    } finally {
      process.destroyForcibly();
    }

    String text = Files.readString(output);
    assertThat(text).contains("Summary JSON: ").doesNotContain("Exception");
    Matcher last = PROGRESS_LINE.matcher(text);
    long committed = -1;
    while (last.find()) {
      committed = Long.parseLong(last.group(1));
    }
    assertThat(rowsByTable(summary).get("bronze.randomuser_stream_raw")).isEqualTo(committed);
  }

  @Test
  void kafkaOffsets_showAndMove_printsAndChangesTheRecordedOffsets() {
    String topic = newTopic();
    produceGenerated(topic, 40, 42);
    Path lake = dir.resolve("lake");
    stream(topic, lake, dir.resolve("summary.json"));

    Map<String, Long> shown =
        offsets(ok(Cli.run("kafka-offsets", "show", "--lake", lake.toString())).out());
    assertThat(shown).containsOnlyKeys(topic + "/0", topic + "/1");
    assertThat(shown.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
    String[] move = {
      "kafka-offsets",
      "move",
      "--lake",
      lake.toString(),
      "--bootstrap",
      kafka.bootstrapServers(),
      "--group",
      "group-" + topic,
      "--topic",
      topic
    };

    Cli.Result explicit = ok(Cli.run(Cli.append(move, "--to-offsets", "0=5")));
    Map<String, Long> earliest = offsets(ok(Cli.run(Cli.append(move, "--to-earliest"))).out());
    Map<String, Long> latest = offsets(ok(Cli.run(Cli.append(move, "--to-latest"))).out());

    assertThat(offsets(explicit.out()))
        .containsEntry(topic + "/0", 5L)
        .containsEntry(topic + "/1", shown.get(topic + "/1"));
    assertThat(earliest).containsEntry(topic + "/0", 0L).containsEntry(topic + "/1", 0L);
    assertThat(latest).isEqualTo(shown);
    assertThat(offsets(ok(Cli.run("kafka-offsets", "show", "--lake", lake.toString())).out()))
        .isEqualTo(shown);
  }

  @Test
  void streamingCommands_usageErrors_exit2WithoutCreatingALake() {
    Path lake = dir.resolve("lake");
    String servers = kafka.bootstrapServers();

    Cli.Result noTopic =
        Cli.run(
            "randomuser-stream", "--bootstrap", servers, "--group", "g", "--lake", lake.toString());
    Cli.Result unknown =
        Cli.run("randomuser-stream", "--embedded-kafka", "--bogus", "--lake", lake.toString());
    Cli.Result badBootstrap =
        Cli.run("randomuser-produce", "--bootstrap", "localhost", "--topic", "t", "--users", "1");
    Cli.Result noSource = Cli.run("randomuser-produce", "--bootstrap", servers, "--topic", "t");
    Cli.Result twoTargets =
        Cli.run("kafka-offsets", "move", "--lake", lake.toString(), "--to-earliest", "--to-latest");
    Cli.Result noSubcommand = Cli.run("kafka-offsets");

    assertThat(noTopic.exitCode()).isEqualTo(2);
    assertThat(noTopic.err()).contains("Missing required option: --topic");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option: '--bogus'");
    assertThat(badBootstrap.exitCode()).isEqualTo(2);
    assertThat(badBootstrap.err()).contains("--bootstrap 'localhost' is not a list of brokers");
    assertThat(noSource.exitCode()).isEqualTo(2);
    assertThat(noSource.err()).contains("give either --input FILE... or --users N");
    assertThat(twoTargets.exitCode()).isEqualTo(2);
    assertThat(twoTargets.err()).contains("mutually exclusive");
    assertThat(noSubcommand.exitCode()).isEqualTo(2);
    assertThat(noSubcommand.err()).contains("Missing required subcommand");
    assertThat(lake).doesNotExist();
  }
}
