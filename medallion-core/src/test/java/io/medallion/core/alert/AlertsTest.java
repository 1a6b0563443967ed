package io.medallion.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
import io.medallion.core.observe.HttpEndpoint;
import io.medallion.core.observe.RecordingServer;
import io.medallion.core.observe.RunLogQuery;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertKind;
import io.medallion.core.spi.JsonSource;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityGateException;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.quality.Severity;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "orders")).build();
  private static final TableId ORDERS = TableId.of("silver", "orders");
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

  private static Pipeline pipeline(QualityPolicy policy, DatasetRule... datasetRules) {
    SilverTable orders =
        SilverTable.builder(ORDERS, RAW)
            .map("id", ColumnType.STRING, "id")
            .map("amount", ColumnType.DOUBLE, "amount")
            .rules(Rule.notNull("id").critical(), Rule.range("amount", 0, 100))
            .datasetRules(datasetRules)
            .policy(policy)
            .build();
    return Pipeline.builder("orders").tables(RAW, orders).build();
  }

  /** Ingests good rows with ids and bad rows without, each with an amount of 5. */
  private void ingest(int good, int bad) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < good; i++) {
      lines.append("{\"id\":\"").append(i).append("\",\"amount\":5}\n");
    }
    for (int i = 0; i < bad; i++) {
      lines.append("{\"amount\":5}\n");
    }
    byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
    runtime.ingest(RAW, JsonSource.stream("orders.ndjson", new ByteArrayInputStream(bytes)));
  }

  private MedallionRuntime runtime(Alerting alerting) {
    runtime = MedallionRuntime.builder().lake(dir.resolve("lake")).alerts(alerting).build();
    return runtime;
  }

  private Path alertFile() {
    return dir.resolve("alerts").resolve("alerts.jsonl");
  }

  private List<JsonNode> fileAlerts() throws IOException {
    if (!Files.exists(alertFile())) {
      return List.of();
    }
    List<JsonNode> alerts = new ArrayList<>();
    for (String line : Files.readAllLines(alertFile())) {
      alerts.add(JSON.readTree(line));
    }
    return alerts;
  }

  private static JsonNode body(RecordingServer.Request request) throws IOException {
    return JSON.readTree(request.body());
  }

  @Test
  void run_hundredRowsFailTheGate_oneAlertPerSinkAsJsonAndAsSlackText() throws IOException {
    runtime(
        Alerting.builder(
                WebhookAlertSink.json(server.uri("/hook")),
                WebhookAlertSink.slack(HttpEndpoint.builder(server.uri("/slack")).build()))
            .build());
    ingest(0, 100);
    server.clear();

    assertThatThrownBy(
            () -> runtime.run(pipeline(QualityPolicy.minScore(0.9).below(PolicyAction.FAIL_BATCH))))
        .isInstanceOf(QualityGateException.class);

    assertThat(server.requests("/hook")).hasSize(1);
    RecordingServer.Request hook = server.requests("/hook").get(0);
    assertThat(hook.headers()).containsEntry("content-type", "application/json");
    JsonNode alert = body(hook);
    assertThat(alert.get("kind").asText()).isEqualTo("quality-gate");
    assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(alert.get("table").asText()).isEqualTo("silver.orders");
    assertThat(alert.get("pipeline").asText()).isEqualTo("orders");
    assertThat(alert.get("runId").asText()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    assertThat(alert.get("summary").asText())
        .isEqualTo(
            "100 rows fell below the quality policy, which fails the batch: nothing was committed");
    assertThat(alert.get("details").get(0).asText()).contains("id_not_null");
    assertThat(alert.get("report").isNull()).isTrue();
    assertThat(server.requests("/slack")).hasSize(1);
    JsonNode slack = body(server.requests("/slack").get(0));
    assertThat(slack.size()).isEqualTo(1);
    assertThat(slack.get("text").asText())
        .startsWith("CRITICAL quality-gate silver.orders: 100 rows fell below the quality policy")
        .contains("(run " + alert.get("runId").asText() + ")")
        .contains("\n• ");
  }

  @Test
  void run_quarantinedShareAboveLimit_oneAlertInTheFileWithTheReportPath() throws IOException {
    Path reports = dir.resolve("reports");
    runtime(
        Alerting.builder(new FileAlertSink(alertFile()))
            .quarantineAbove(0.05)
            .reportsAt(reports)
            .build());
    ingest(10, 100);

    RunResult result = runtime.run(pipeline(QualityPolicy.DEFAULT));

    assertThat(result.table(ORDERS).quarantined()).isEqualTo(100);
    List<JsonNode> alerts = fileAlerts();
    assertThat(alerts).extracting(a -> a.get("kind").asText()).containsExactly("quarantine-rate");
    JsonNode alert = alerts.get(0);
    assertThat(alert.get("runId").asText()).isEqualTo(result.runId());
    assertThat(alert.get("severity").asText()).isEqualTo("WARNING");
    assertThat(alert.get("summary").asText())
        .isEqualTo("100 of 110 rows (90.9 %) were quarantined, above the 5.0 % limit");
    assertThat(alert.get("report").asText())
        .isEqualTo(reports.resolve("silver.orders").resolve("report.html").toString());
    assertThat(alert.get("details").get(0).asText())
        .startsWith("id_not_null: ")
        .endsWith("(100 rows)");
    assertThat(Instant.parse(alert.get("at").asText())).isNotNull();
  }

  @Test
  void run_datasetRuleWarns_oneDatasetRuleAlertAndTheBatchIsCommitted() throws IOException {
    runtime(Alerting.builder(new FileAlertSink(alertFile())).build());
    ingest(10, 0);

    RunResult result =
        runtime.run(
            pipeline(QualityPolicy.DEFAULT, DatasetRule.rowCount(1, 5), DatasetRule.unique("id")));

    assertThat(result.table(ORDERS).written()).isEqualTo(10);
    List<JsonNode> alerts = fileAlerts();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).get("kind").asText()).isEqualTo("dataset-rule");
    assertThat(alerts.get(0).get("summary").asText())
        .isEqualTo("1 dataset rule [row_count] (warning; the batch was committed)");
    assertThat(alerts.get(0).get("details").get(0).asText())
        .isEqualTo("row_count: row count 10 outside 1..5 (expected row count between 1 and 5)");
  }

  @Test
  void run_datasetRuleFailsTheBatch_oneCriticalDatasetRuleAlertAndNoRunFailedAlert()
      throws IOException {
    runtime(Alerting.builder(new FileAlertSink(alertFile())).build());
    ingest(10, 0);

    assertThatThrownBy(
            () ->
                runtime.run(
                    pipeline(QualityPolicy.DEFAULT, DatasetRule.rowCount(1, 5).failBatch())))
        .isInstanceOf(QualityGateException.class);

    List<JsonNode> alerts = fileAlerts();
    assertThat(alerts).extracting(a -> a.get("kind").asText()).containsExactly("dataset-rule");
    assertThat(alerts.get(0).get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(alerts.get(0).get("summary").asText())
        .isEqualTo("1 dataset rule [row_count] failed the batch: nothing was committed");
    assertThat(alerts.get(0).get("details").get(0).asText())
        .isEqualTo("row_count: row count 10 outside 1..5");
  }

  @Test
  void run_metricJumpsAgainstHistory_oneAnomalyAlertOnlyForTheJump() throws IOException {
    runtime(Alerting.builder(new FileAlertSink(alertFile())).build());
    Pipeline pipeline = pipeline(QualityPolicy.DEFAULT, DatasetRule.anomaly("rows_read", 10, 3.5));
    for (int rows : new int[] {10, 11, 12, 10}) {
      ingest(rows, 0);
      runtime.run(pipeline);
    }
    assertThat(fileAlerts()).isEmpty();

    ingest(200, 0);
    runtime.run(pipeline);

    List<JsonNode> alerts = fileAlerts();
    assertThat(alerts).extracting(a -> a.get("kind").asText()).containsExactly("anomaly");
    assertThat(alerts.get(0).get("details").get(0).asText())
        .startsWith("rows_read_anomaly: rows_read 200.0000 vs median");
  }

  @Test
  void run_definitionConflictsWithItsTable_oneRunFailedAlert() throws IOException {
    runtime(Alerting.builder(new FileAlertSink(alertFile())).build());
    ingest(1, 0);
    runtime.run(pipeline(QualityPolicy.DEFAULT));
    SilverTable changed =
        SilverTable.builder(ORDERS, RAW)
            .map("id", ColumnType.STRING, "id")
            .map("amount", ColumnType.BOOLEAN, "amount")
            .build();

    assertThatThrownBy(() -> runtime.run(Pipeline.builder("orders").tables(RAW, changed).build()))
        .isInstanceOf(MedallionException.class);

    List<JsonNode> alerts = fileAlerts();
    assertThat(alerts).extracting(a -> a.get("kind").asText()).containsExactly("run-failed");
    assertThat(alerts.get(0).get("table").isNull()).isTrue();
    assertThat(alerts.get(0).get("summary").asText())
        .startsWith(
            "the run failed: Cannot register pipeline orders in medallion (embedded):"
                + " silver.orders: column 'amount' is double in the table but boolean");
    assertThat(alerts.get(0).get("details").get(0).asText())
        .startsWith(MedallionException.class.getName());
  }

  @Test
  void run_cleanBatch_noAlert() throws IOException {
    runtime(Alerting.builder(new FileAlertSink(alertFile())).quarantineAbove(0.05).build());
    ingest(10, 0);

    runtime.run(pipeline(QualityPolicy.DEFAULT, DatasetRule.rowCount(1, 100)));

    assertThat(alertFile()).doesNotExist();
  }

  @Test
  void run_webhookAnswers500_runSucceedsAfterBoundedAttemptsAndEachFailureIsLogged()
      throws IOException {
    HttpEndpoint failing =
        HttpEndpoint.builder(server.uri("/fail"))
            .attempts(3)
            .backoff(Duration.ofMillis(10))
            .build();
    runtime(
        Alerting.builder(WebhookAlertSink.json(failing), new FileAlertSink(alertFile())).build());
    ingest(10, 0);

    RunResult[] result = new RunResult[1];
    String log =
        stderrOf(
            () ->
                result[0] =
                    runtime.run(pipeline(QualityPolicy.DEFAULT, DatasetRule.rowCount(1, 5))));

    assertThat(result[0].table(ORDERS).written()).isEqualTo(10);
    assertThat(server.requests("/fail")).hasSize(3);
    assertThat(log)
        .contains("(attempt 1 of 3): answered HTTP 500")
        .contains("(attempt 3 of 3): answered HTTP 500")
        .contains("Alert sink webhook(HttpEndpoint[http://127.0.0.1:")
        .contains("did not deliver an alert")
        .contains("WARNING dataset-rule silver.orders: 1 dataset rule [row_count]");
    assertThat(fileAlerts()).hasSize(1);
  }

  @Test
  void run_webhookNeverAnswers_runReturnsAfterTheAttemptsTimedOut() throws IOException {
    HttpEndpoint silent =
        HttpEndpoint.builder(server.uri("/silent"))
            .timeout(Duration.ofSeconds(1))
            .attempts(2)
            .backoff(Duration.ZERO)
            .build();
    runtime(Alerting.builder(WebhookAlertSink.json(silent)).build());
    ingest(10, 0);

    RunResult[] result = new RunResult[1];
    String log =
        stderrOf(
            () ->
                result[0] =
                    runtime.run(pipeline(QualityPolicy.DEFAULT, DatasetRule.rowCount(1, 5))));

    assertThat(result[0].table(ORDERS).written()).isEqualTo(10);
    assertThat(server.requests("/silent")).hasSize(2);
    assertThat(log).contains("(attempt 2 of 2): no answer within PT1S");
  }

  @Test
  void alert_sentByTheApplication_reachesTheSinks() throws IOException {
    runtime(Alerting.builder(new FileAlertSink(alertFile())).build());
    Alert lagging =
        new Alert(
            "stream-1",
            "orders",
            Optional.of(RAW.id()),
            AlertKind.STREAM_LAG,
            Severity.WARNING,
            "bronze is 5 minutes behind the topic",
            List.of(),
            Optional.empty(),
            Instant.parse("2026-12-03T18:00:00Z"));

    assertThat(runtime.alert(lagging)).isTrue();

    assertThat(fileAlerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.get("kind").asText()).isEqualTo("stream-lag");
              assertThat(a.get("table").asText()).isEqualTo("bronze.orders");
              assertThat(a.get("at").asText()).isEqualTo("2026-12-03T18:00:00Z");
            });
  }

  @Test
  void alert_runLogOffAndNoSinks_goesNowhere() {
    runtime =
        MedallionRuntime.builder()
            .lake(dir.resolve("lake"))
            .runLog(false)
            .alerts(Alerting.builder().build())
            .build();

    assertThat(runtime.alert(streamLag("stream-1", Instant.EPOCH))).isFalse();
    assertThat(runtime.alerts(RunLogQuery.builder().build())).isEmpty();
  }

  @Test
  void alert_noAlertingConfigured_recordedInTheAlertLogWithEveryField() {
    runtime = MedallionRuntime.builder().lake(dir.resolve("lake")).build();
    Alert lagging = streamLag("stream-1", Instant.parse("2026-12-03T18:00:00Z"));

    assertThat(runtime.alert(lagging)).isTrue();

    assertThat(runtime.alerts(RunLogQuery.builder().build())).containsExactly(lagging);
    assertThat(runtime.alerts(RunLogQuery.builder().table(ORDERS).build())).isEmpty();
  }

  @Test
  void run_datasetRuleWarnsWithoutSinks_alertLogHoldsOneAlertOfTheRun() {
    runtime = MedallionRuntime.builder().lake(dir.resolve("lake")).build();
    ingest(10, 0);

    RunResult result = runtime.run(pipeline(QualityPolicy.DEFAULT, DatasetRule.rowCount(1, 5)));

    assertThat(runtime.alerts(RunLogQuery.builder().table(ORDERS).build()))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.runId()).isEqualTo(result.runId());
              assertThat(alert.pipeline()).isEqualTo("orders");
              assertThat(alert.kind()).isEqualTo(AlertKind.DATASET_RULE);
              assertThat(alert.severity()).isEqualTo(Severity.WARNING);
              assertThat(alert.details())
                  .containsExactly(
                      "row_count: row count 10 outside 1..5 (expected row count between 1 and"
                          + " 5)");
            });
  }

  @Test
  void alerts_lastTwoRuns_onlyThoseRunsNewestFirst() {
    runtime = MedallionRuntime.builder().lake(dir.resolve("lake")).build();
    Pipeline pipeline = pipeline(QualityPolicy.DEFAULT, DatasetRule.rowCount(1, 5));
    List<String> runIds = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      ingest(10, 0);
      runIds.add(runtime.run(pipeline).runId());
    }
    runtime.run(pipeline); // nothing new: no alert, so it is not one of the last two

    List<Alert> lastTwo = runtime.alerts(RunLogQuery.builder().table(ORDERS).last(2).build());

    assertThat(lastTwo).extracting(Alert::runId).containsExactly(runIds.get(2), runIds.get(1));
  }

  private static Alert streamLag(String runId, Instant at) {
    return new Alert(
        runId,
        "orders",
        Optional.of(RAW.id()),
        AlertKind.STREAM_LAG,
        Severity.WARNING,
        "bronze is 5 minutes behind the topic",
        List.of("partition 0: 300 s", "partition 1: 12 s"),
        Optional.of("reports/bronze.orders/report.html"),
        at);
  }

  private static String stderrOf(Runnable action) {
    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      action.run();
    } finally {
      System.setErr(stderr);
    }
    return log.toString(StandardCharsets.UTF_8);
  }
}
