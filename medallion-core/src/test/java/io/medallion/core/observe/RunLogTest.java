package io.medallion.core.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.catalog.CatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
import io.medallion.core.internal.catalog.IcebergCatalogs;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.lineage.LineageTarget;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertKind;
import io.medallion.core.spi.JsonSource;
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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "orders")).build();
  private static final TableId SILVER = TableId.of("silver", "orders");
  private static final TableId GOLD = TableId.of("gold", "order_total");
  private static final RunLogQuery ALL = RunLogQuery.builder().build();

  @TempDir Path dir;
  private final List<MedallionRuntime> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(MedallionRuntime::close);
  }

  private MedallionRuntime runtime() {
    return open(MedallionRuntime.builder());
  }

  private MedallionRuntime open(MedallionRuntime.Builder builder) {
    MedallionRuntime runtime = builder.lake(dir.resolve("lake")).build();
    opened.add(runtime);
    return runtime;
  }

  private static Pipeline pipeline(QualityPolicy policy) {
    SilverTable silver =
        SilverTable.builder(SILVER, RAW)
            .map("id", ColumnType.STRING, "id")
            .map("amount", ColumnType.DOUBLE, "amount")
            .rules(Rule.notNull("id").critical(), Rule.range("amount", 0, 100))
            .policy(policy)
            .build();
    GoldTable total = GoldTable.builder(GOLD, silver).count("orders").build();
    return Pipeline.builder("orders").tables(RAW, silver, total).build();
  }

  private static JsonSource lines(String... lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return JsonSource.stream("orders.ndjson", new ByteArrayInputStream(bytes));
  }

  private static List<RunLogEntry> ofRun(MedallionRuntime runtime, String runId) {
    return runtime.runs(ALL).stream().filter(entry -> entry.runId().equals(runId)).toList();
  }

  @Test
  void run_newRows_logsOneRowPerTableWithCountsScoreAndSnapshots() {
    MedallionRuntime runtime = runtime();
    runtime.ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}", "{\"amount\":500}"));
    long bronze = runtime.table(RAW.id()).currentSnapshot().snapshotId();

    RunResult result = runtime.run(pipeline(QualityPolicy.DEFAULT));

    List<RunLogEntry> rows = ofRun(runtime, result.runId());
    assertThat(rows)
        .extracting(RunLogEntry::table)
        .containsExactly(Optional.of(SILVER), Optional.of(GOLD));
    RunLogEntry silver = rows.get(0);
    assertThat(silver.pipeline()).isEqualTo("orders");
    assertThat(silver.layer()).contains(Layer.SILVER);
    assertThat(silver.status()).isEqualTo(TableStatus.COMMITTED);
    assertThat(silver.rowsIn()).isEqualTo(2);
    assertThat(silver.rowsWritten()).isEqualTo(1);
    assertThat(silver.rowsQuarantined()).isEqualTo(1);
    assertThat(silver.rowsDeadLettered()).isZero();
    assertThat(silver.upstreamSnapshot()).isEqualTo(OptionalLong.of(bronze));
    assertThat(silver.producedSnapshot())
        .isEqualTo(OptionalLong.of(runtime.table(SILVER).currentSnapshot().snapshotId()));
    assertThat(silver.meanQualityScore().getAsDouble())
        .isEqualTo(result.report(SILVER).orElseThrow().averageScore().getAsDouble());
    assertThat(silver.errorClass()).isEmpty();
    assertThat(silver.errorMessage()).isEmpty();
    assertThat(silver.startedAt()).isAfterOrEqualTo(silver.runStartedAt());
    assertThat(silver.endedAt()).isAfterOrEqualTo(silver.startedAt());
    RunLogEntry gold = rows.get(1);
    assertThat(gold.upstreamSnapshot()).isEqualTo(silver.producedSnapshot());
    assertThat(gold.meanQualityScore()).isEmpty();
  }

  @Test
  void ingest_undecodableRecord_bronzeRowCountsItAsDeadLettered() {
    MedallionRuntime runtime = runtime();

    runtime.ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}", "not json"));

    RunLogEntry bronze = runtime.runs(ALL).get(0);
    assertThat(bronze.pipeline()).isEqualTo("bronze.orders");
    assertThat(bronze.table()).contains(RAW.id());
    assertThat(bronze.layer()).contains(Layer.BRONZE);
    assertThat(bronze.rowsWritten()).isEqualTo(1);
    assertThat(bronze.rowsDeadLettered()).isEqualTo(1);
    assertThat(bronze.rowsQuarantined()).isZero();
    assertThat(bronze.upstreamSnapshot()).isEmpty();
  }

  @Test
  void run_nothingNewUpstream_rowsAreNothingNewWithoutSnapshotProduced() {
    MedallionRuntime runtime = runtime();
    runtime.ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}"));
    Pipeline pipeline = pipeline(QualityPolicy.DEFAULT);
    runtime.run(pipeline);

    RunResult again = runtime.run(pipeline);

    assertThat(ofRun(runtime, again.runId()))
        .hasSize(2)
        .allSatisfy(
            row -> {
              assertThat(row.status()).isEqualTo(TableStatus.NOTHING_NEW);
              assertThat(row.producedSnapshot()).isEmpty();
              assertThat(row.rowsWritten()).isZero();
            });
  }

  @Test
  void run_everyRowQuarantined_silverRowIsQuarantinedOnly() {
    MedallionRuntime runtime = runtime();
    runtime.ingest(RAW, lines("{\"amount\":5}", "{\"amount\":7}"));

    RunResult result = runtime.run(pipeline(QualityPolicy.DEFAULT));

    RunLogEntry silver = ofRun(runtime, result.runId()).get(0);
    assertThat(silver.status()).isEqualTo(TableStatus.QUARANTINED_ONLY);
    assertThat(silver.rowsQuarantined()).isEqualTo(2);
    assertThat(silver.rowsWritten()).isZero();
  }

  @Test
  void run_qualityGateFails_failedRowNamesTheErrorAndTheRunIsStillThrown() {
    MedallionRuntime runtime = runtime();
    runtime.ingest(RAW, lines("{\"amount\":5}"));

    assertThatThrownBy(
            () -> runtime.run(pipeline(QualityPolicy.minScore(0.9).below(PolicyAction.FAIL_BATCH))))
        .isInstanceOf(QualityGateException.class);

    RunLogEntry failed = runtime.runs(RunLogQuery.builder().last(1).build()).get(0);
    assertThat(failed.table()).contains(SILVER);
    assertThat(failed.status()).isEqualTo(TableStatus.FAILED);
    assertThat(failed.producedSnapshot()).isEmpty();
    assertThat(failed.errorClass()).contains(QualityGateException.class.getName());
    assertThat(failed.errorMessage().orElseThrow()).contains("silver.orders");
    assertThat(runtime.runs(RunLogQuery.builder().table(GOLD).build())).isEmpty();
  }

  @Test
  void run_registrationFails_oneRowWithoutTableNamesTheFailure() {
    MedallionRuntime runtime = runtime();
    runtime.ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}"));
    runtime.run(pipeline(QualityPolicy.DEFAULT));
    SilverTable narrowed = SilverTable.builder(SILVER, RAW).map("id", ColumnType.INT, "id").build();
    Pipeline incompatible = Pipeline.builder("orders").tables(RAW, narrowed).build();

    assertThatThrownBy(() -> runtime.run(incompatible)).isInstanceOf(MedallionException.class);

    List<RunLogEntry> last = runtime.runs(RunLogQuery.builder().last(1).build());
    assertThat(last).hasSize(1);
    RunLogEntry failed = last.get(0);
    assertThat(failed.table()).isEmpty();
    assertThat(failed.layer()).isEmpty();
    assertThat(failed.pipeline()).isEqualTo("orders");
    assertThat(failed.status()).isEqualTo(TableStatus.FAILED);
    assertThat(failed.startedAt()).isEqualTo(failed.runStartedAt());
    assertThat(failed.errorClass()).contains(MedallionException.class.getName());
    assertThat(failed.errorMessage().orElseThrow()).contains("silver.orders").contains("id");
  }

  @Test
  void ingest_failureMessageHoldsSecrets_runLogAlertLogAndLineageHaveThemMasked()
      throws IOException {
    Path lineage = dir.resolve("lineage.jsonl");
    MedallionRuntime runtime =
        open(MedallionRuntime.builder().lineage(LineageTarget.file(lineage)));
    JsonSource leaky =
        JsonSource.of(
            List.of(
                new JsonSource.Part() {
                  @Override
                  public String name() {
                    return "orders page 1";
                  }

                  @Override
                  public InputStream open() throws IOException {
                    throw new IOException(
                        "GET https://etl:hunter2@api.example.com/orders?page=1&token=tok-123 failed;"
                            + " aws_secret_access_key=wJalrXUtnFEMI/K7MDENG key AKIAIOSFODNN7EXAMPLE,"
                            + " Authorization: Bearer eyJhbGciOi.payload.sig");
                  }
                }));

    assertThatThrownBy(() -> runtime.ingest(RAW, leaky)).isInstanceOf(MedallionException.class);

    Alert failed = runtime.alerts(ALL).get(0);
    assertThat(failed.kind()).isEqualTo(AlertKind.RUN_FAILED);
    String lineageEvents = Files.readString(lineage, StandardCharsets.UTF_8);
    assertThat(lineageEvents).contains("\"eventType\":\"FAIL\"");
    for (String said :
        List.of(
            runtime.runs(ALL).get(0).errorMessage().orElseThrow(),
            failed.summary() + String.join("\n", failed.details()),
            lineageEvents)) {
      assertThat(said)
          .contains("orders page 1")
          .contains("https://etl:****@api.example.com")
          .doesNotContain("hunter2")
          .doesNotContain("tok-123")
          .doesNotContain("wJalrXUtnFEMI")
          .doesNotContain("AKIAIOSFODNN7EXAMPLE")
          .doesNotContain("eyJhbGciOi");
    }
  }

  @Test
  void runs_lastAndTable_newestRunsFirstOfThatTableOnly() {
    MedallionRuntime runtime = runtime();
    Pipeline pipeline = pipeline(QualityPolicy.DEFAULT);
    List<String> runIds = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      runtime.ingest(RAW, lines("{\"id\":\"" + i + "\",\"amount\":5}"));
      runIds.add(runtime.run(pipeline).runId());
    }

    List<RunLogEntry> silver = runtime.runs(RunLogQuery.builder().table(SILVER).last(2).build());
    List<RunLogEntry> lastRun = runtime.runs(RunLogQuery.builder().last(1).build());

    assertThat(silver).extracting(RunLogEntry::runId).containsExactly(runIds.get(2), runIds.get(1));
    assertThat(silver).extracting(RunLogEntry::table).containsOnly(Optional.of(SILVER));
    assertThat(lastRun).extracting(RunLogEntry::runId).containsOnly(runIds.get(2));
    assertThat(lastRun)
        .extracting(RunLogEntry::table)
        .containsExactly(Optional.of(SILVER), Optional.of(GOLD));
    assertThat(runtime.runs(ALL)).hasSize(3 + 3 * 2);
  }

  @Test
  void runs_twoRuntimesLoggingAtOnce_everyRunIsLogged() throws Exception {
    MedallionRuntime first = runtime();
    MedallionRuntime second = runtime();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (MedallionRuntime each : List.of(first, second)) {
        BronzeTable own =
            BronzeTable.builder(TableId.of("bronze", "orders_" + done.size())).build();
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 5; i++) {
                    each.ingest(own, lines("{\"id\":\"" + i + "\"}"));
                  }
                }));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      threads.shutdownNow();
    }

    List<RunLogEntry> rows = first.runs(ALL);
    assertThat(rows).hasSize(10);
    assertThat(rows).extracting(RunLogEntry::runId).doesNotHaveDuplicates();
    assertThat(rows)
        .extracting(RunLogEntry::pipeline)
        .containsOnly("bronze.orders_0", "bronze.orders_1");
  }

  @Test
  void runLogOff_noRunLogTableIsCreated() {
    MedallionRuntime runtime = open(MedallionRuntime.builder().runLog(false));

    runtime.ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}"));
    runtime.run(pipeline(QualityPolicy.DEFAULT));

    assertThat(runtime.exists(RunLogEntry.TABLE)).isFalse();
    assertThat(runtime.runs(ALL)).isEmpty();
  }

  @Test
  void runLogCannotBeWritten_runsSucceedOrFailWithTheirOwnOutcome() {
    // A bronze table in the run log's place: other columns and partitioning, so no row fits.
    BronzeTable squatter = BronzeTable.builder(RunLogEntry.TABLE).build();
    open(MedallionRuntime.builder().runLog(false)).ingest(squatter, lines("{\"id\":\"x\"}"));
    MedallionRuntime runtime = runtime();
    runtime.ingest(RAW, lines("{\"amount\":5}"));

    assertThatThrownBy(
            () -> runtime.run(pipeline(QualityPolicy.minScore(0.9).below(PolicyAction.FAIL_BATCH))))
        .isInstanceOf(QualityGateException.class);
    RunResult result = runtime.run(pipeline(QualityPolicy.DEFAULT));

    assertThat(result.table(SILVER).quarantined()).isEqualTo(1);
    assertThat(runtime.table(RunLogEntry.TABLE).schema().findField("run_id")).isNull();
    assertThat(runtime.table(RunLogEntry.TABLE).snapshots()).hasSize(1);
  }

  @Test
  void runLogDroppedWhileTheRuntimeIsOpen_theRunAfterTheFailedWriteCreatesItAgain()
      throws Exception {
    MedallionRuntime runtime = runtime();
    runtime.ingest(RAW, lines("{\"id\":\"1\"}"));
    Catalog catalog = IcebergCatalogs.open(CatalogConfig.embedded(dir.resolve("lake")));
    try {
      catalog.dropTable(TableStore.identifier(RunLogEntry.TABLE), true);
    } finally {
      ((AutoCloseable) catalog).close();
    }

    runtime.ingest(RAW, lines("{\"id\":\"2\"}"));
    runtime.ingest(RAW, lines("{\"id\":\"3\"}"));

    assertThat(runtime.runs(ALL))
        .singleElement()
        .satisfies(row -> assertThat(row.rowsWritten()).isEqualTo(1));
  }

  @Test
  void query_lastBelowOneOrSetTwice_namesEachProblem() {
    assertThatThrownBy(() -> RunLogQuery.builder().last(0).last(3).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("last is set twice: 0, then 3; set it once");
    assertThatThrownBy(() -> RunLogQuery.builder().last(0).build())
        .hasMessageContaining("last must be at least 1, got 0");
  }
}
