package io.medallion.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
import io.medallion.core.observe.HttpEndpoint;
import io.medallion.core.observe.RecordingServer;
import io.medallion.core.spi.JsonSource;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityGateException;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "orders")).build();
  private static final String RUN_EVENT =
      "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
  private static RecordingServer server;

  @TempDir Path dir;
  private MedallionRuntime runtime;

  @BeforeAll
  static void startServer() throws IOException {
    server = RecordingServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void forget() {
    server.clear();
  }

  @AfterEach
  void close() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private static Pipeline pipeline(QualityPolicy policy) {
    SilverTable orders =
        SilverTable.builder(TableId.of("silver", "orders"), RAW)
            .map("id", ColumnType.STRING, "id")
            .map("amount", ColumnType.DOUBLE, "amount")
            .rules(Rule.notNull("id").critical(), Rule.range("amount", 0, 100))
            .datasetRules(DatasetRule.rowCount(1, 2))
            .policy(policy)
            .build();
    GoldTable total =
        GoldTable.builder(TableId.of("gold", "order_total"), orders)
            .count("orders")
            .sum("amount", "amount")
            .build();
    return Pipeline.builder("orders").tables(RAW, orders, total).build();
  }

  private void ingest(String... lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    runtime.ingest(RAW, JsonSource.stream("orders.ndjson", new ByteArrayInputStream(bytes)));
  }

  private MedallionRuntime runtime(LineageTarget target) {
    runtime = MedallionRuntime.builder().lake(dir.resolve("lake")).lineage(target).build();
    return runtime;
  }

  private static List<JsonNode> posted(String path) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (RecordingServer.Request request : server.requests(path)) {
      events.add(JSON.readTree(request.body()));
    }
    return events;
  }

  private static JsonNode named(JsonNode datasets, String name) {
    for (JsonNode dataset : datasets) {
      if (dataset.get("name").asText().equals(name)) {
        return dataset;
      }
    }
    throw new AssertionError("no dataset " + name + " in " + datasets);
  }

  private static List<String> names(JsonNode datasets) {
    List<String> names = new ArrayList<>();
    datasets.forEach(dataset -> names.add(dataset.get("name").asText()));
    return names;
  }

  @Test
  void run_httpTarget_startThenCompleteWithDatasetsSchemasAndQualityFacets() throws IOException {
    runtime(LineageTarget.http(server.uri("")).jobNamespace("analytics"));
    ingest("{\"id\":\"1\",\"amount\":5}", "{\"id\":\"2\",\"amount\":500}", "{\"amount\":7}");
    server.clear();

    RunResult result = runtime.run(pipeline(QualityPolicy.DEFAULT));

    List<JsonNode> events = posted("/api/v1/lineage");
    assertThat(events)
        .extracting(e -> e.get("eventType").asText())
        .containsExactly("START", "COMPLETE");
    String runUuid =
        UUID.nameUUIDFromBytes(("medallion:" + result.runId()).getBytes(StandardCharsets.UTF_8))
            .toString();
    String namespace = dir.resolve("lake").resolve("warehouse").toUri().toString();
    namespace = namespace.substring(0, namespace.length() - 1);
    for (JsonNode event : events) {
      assertThat(event.at("/run/runId").asText()).isEqualTo(runUuid);
      assertThat(event.at("/job/namespace").asText()).isEqualTo("analytics");
      assertThat(event.at("/job/name").asText()).isEqualTo("orders");
      assertThat(event.get("producer").asText())
          .isEqualTo("https://github.com/medallion-lakehouse/medallion");
      assertThat(event.get("schemaURL").asText()).isEqualTo(RUN_EVENT);
      assertThat(event.at("/job/facets/jobType/processingType").asText()).isEqualTo("BATCH");
    }
    JsonNode complete = events.get(1);
    assertThat(names(complete.get("outputs"))).containsExactly("silver.orders", "gold.order_total");
    assertThat(names(complete.get("inputs"))).containsExactly("bronze.orders", "silver.orders");
    JsonNode silver = named(complete.get("outputs"), "silver.orders");
    assertThat(silver.get("namespace").asText()).isEqualTo(namespace);
    assertThat(silver.at("/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(2);
    assertThat(silver.at("/facets/schema/_schemaURL").asText())
        .isEqualTo(
            "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json"
                + "#/$defs/SchemaDatasetFacet");
    List<String> fields = new ArrayList<>();
    silver.at("/facets/schema/fields").forEach(f -> fields.add(f.get("name").asText()));
    assertThat(fields).contains("id", "amount", "quality_score");
    assertThat(silver.at("/facets/schema/fields/0/type").asText()).isEqualTo("string");
    JsonNode bronze = named(complete.get("inputs"), "bronze.orders");
    assertThat(bronze.at("/inputFacets/dataQualityMetrics/rowCount").asLong()).isEqualTo(3);
    assertThat(bronze.at("/inputFacets/dataQualityMetrics/columnMetrics").isObject()).isTrue();
    JsonNode assertions = bronze.at("/inputFacets/dataQualityAssertions/assertions");
    assertThat(assertions).hasSize(3);
    assertThat(assertions.get(0).get("assertion").asText()).isEqualTo("id_not_null");
    assertThat(assertions.get(0).get("success").asBoolean()).isFalse();
    assertThat(assertions.get(0).get("severity").asText()).isEqualTo("error");
    assertThat(assertions.get(0).get("actual").asText()).isEqualTo("1 of 3 rows failed");
    assertThat(assertions.get(2).get("assertion").asText()).isEqualTo("row_count");
    assertThat(assertions.get(2).get("success").asBoolean()).isFalse();
    assertThat(assertions.get(2).get("actual").asText()).isEqualTo("row count 3 outside 1..2");
    assertThat(named(complete.get("inputs"), "silver.orders").has("inputFacets")).isFalse();
  }

  @Test
  void run_qualityGateFails_startThenFailWithTheErrorMessage() throws IOException {
    runtime(LineageTarget.http(server.uri("/custom/lineage")));
    ingest("{\"amount\":5}");
    server.clear();

    assertThatThrownBy(
            () -> runtime.run(pipeline(QualityPolicy.minScore(0.9).below(PolicyAction.FAIL_BATCH))))
        .isInstanceOf(QualityGateException.class);

    List<JsonNode> events = posted("/custom/lineage");
    assertThat(events)
        .extracting(e -> e.get("eventType").asText())
        .containsExactly("START", "FAIL");
    JsonNode fail = events.get(1);
    assertThat(fail.at("/run/runId").asText()).isEqualTo(events.get(0).at("/run/runId").asText());
    assertThat(fail.at("/run/facets/errorMessage/programmingLanguage").asText()).isEqualTo("JAVA");
    assertThat(fail.at("/run/facets/errorMessage/message").asText())
        .startsWith(QualityGateException.class.getName() + ": Cannot commit silver.orders");
    assertThat(names(fail.get("outputs"))).containsExactly("silver.orders");
    assertThat(named(fail.get("outputs"), "silver.orders").has("outputFacets")).isFalse();
  }

  @Test
  void run_fileTarget_eventsAppendedAsJsonLines() throws IOException {
    Path file = dir.resolve("lineage").resolve("events.jsonl");
    runtime(LineageTarget.file(file));
    ingest("{\"id\":\"1\",\"amount\":5}");

    RunResult result = runtime.run(pipeline(QualityPolicy.DEFAULT));

    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      events.add(JSON.readTree(line));
    }
    assertThat(events)
        .extracting(e -> e.at("/job/name").asText() + " " + e.get("eventType").asText())
        .containsExactly(
            "bronze.orders START", "bronze.orders COMPLETE", "orders START", "orders COMPLETE");
    assertThat(events.get(3).at("/run/runId").asText())
        .isEqualTo(
            UUID.nameUUIDFromBytes(("medallion:" + result.runId()).getBytes(StandardCharsets.UTF_8))
                .toString());
    assertThat(names(events.get(1).get("outputs"))).containsExactly("bronze.orders");
  }

  @Test
  void run_lineageServerAnswers500_runSucceedsAfterBoundedAttempts() throws IOException {
    runtime(
        LineageTarget.http(
            HttpEndpoint.builder(server.uri("/fail/lineage"))
                .attempts(2)
                .backoff(Duration.ZERO)
                .build()));
    ingest("{\"id\":\"1\",\"amount\":5}");
    server.clear();

    RunResult result = runtime.run(pipeline(QualityPolicy.DEFAULT));

    assertThat(result.table(TableId.of("gold", "order_total")).written()).isEqualTo(1);
    assertThat(posted("/fail/lineage"))
        .extracting(e -> e.get("eventType").asText())
        .containsExactly("START", "START", "COMPLETE", "COMPLETE");
  }

  @Test
  void run_lineageServerNeverAnswers_runSucceedsAfterEachAttemptTimedOut() throws IOException {
    runtime(
        LineageTarget.http(
            HttpEndpoint.builder(server.uri("/silent/lineage"))
                .timeout(Duration.ofSeconds(1))
                .attempts(2)
                .backoff(Duration.ZERO)
                .build()));
    ingest("{\"id\":\"1\",\"amount\":5}");
    server.clear();

    RunResult result = runtime.run(pipeline(QualityPolicy.DEFAULT));

    assertThat(result.table(TableId.of("gold", "order_total")).written()).isEqualTo(1);
    // Each event was sent twice and never answered: START and COMPLETE, two attempts each.
    assertThat(server.requests("/silent/lineage")).hasSize(4);
  }
}
