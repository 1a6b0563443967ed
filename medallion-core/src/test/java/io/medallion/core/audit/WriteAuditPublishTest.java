package io.medallion.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
import io.medallion.core.internal.audit.AuditBranches;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.RunLogQuery;
import io.medallion.core.observe.RunObserver;
import io.medallion.core.observe.TableOutcome;
import io.medallion.core.observe.TableStatus;
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
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAuditPublishTest {
  static final BronzeTable RAW = BronzeTable.builder(TableId.of("bronze", "orders")).build();
  static final TableId SILVER = TableId.of("silver", "orders");
  static final TableId GOLD = TableId.of("gold", "order_total");

  @TempDir Path dir;
  private final List<TableOutcome> outcomes = new ArrayList<>();
  private MedallionRuntime runtime;

  private final RunObserver recorder =
      new RunObserver() {
        @Override
        public void tableFinished(TableOutcome outcome) {
          outcomes.add(outcome);
        }
      };

  @AfterEach
  void close() {
    if (runtime != null) {
      runtime.close();
    }
  }

  /** Orders whose batches may hold at most three rows: a dataset rule that fails the batch. */
  static SilverTable orders(QualityPolicy policy) {
    return SilverTable.builder(SILVER, RAW)
        .map("id", ColumnType.STRING, "id")
        .map("amount", ColumnType.DOUBLE, "amount")
        .rules(Rule.notNull("id").critical())
        .policy(policy)
        .datasetRules(DatasetRule.rowCount(1, 3).toBuilder().name("at_most_3").failBatch().build())
        .build();
  }

  static Pipeline pipeline(SilverTable silver) {
    GoldTable total =
        GoldTable.builder(GOLD, silver).count("orders").sum("amount", "amount").build();
    return Pipeline.builder("orders").tables(RAW, silver, total).build();
  }

  static final Pipeline PIPELINE = pipeline(orders(QualityPolicy.DEFAULT));

  static JsonSource orderLines(int from, int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      lines.append("{\"id\":\"").append(i).append("\",\"amount\":").append(i).append("}\n");
    }
    return JsonSource.stream(
        "orders-" + from + ".ndjson",
        new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private MedallionRuntime runtime(WriteAuditPublish setting) {
    runtime =
        MedallionRuntime.builder()
            .lake(dir.resolve("lake"))
            .writeAuditPublish(setting)
            .observer(recorder)
            .build();
    return runtime;
  }

  /** Two orders published, then four that fail the row-count rule, left pending. */
  private RunResult pendingAudit() {
    runtime(WriteAuditPublish.everyTable()).ingest(RAW, orderLines(1, 2));
    runtime.run(PIPELINE);
    runtime.ingest(RAW, orderLines(3, 4));
    outcomes.clear();
    return runtime.run(PIPELINE);
  }

  static List<String> ids(Table table) throws IOException {
    List<String> ids = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
      rows.forEach(row -> ids.add((String) row.getField("id")));
    }
    return ids.stream().sorted().toList();
  }

  static List<String> idsOnBranch(Table table, String branch) throws IOException {
    List<String> ids = new ArrayList<>();
    long head = table.refs().get(branch).snapshotId();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).useSnapshot(head).build()) {
      rows.forEach(row -> ids.add((String) row.getField("id")));
    }
    return ids.stream().sorted().toList();
  }

  /** The gold totals (orders, amount) main holds, read by Iceberg's generic reader. */
  static String totals(Table gold) throws IOException {
    try (CloseableIterable<Record> rows = IcebergGenerics.read(gold).build()) {
      Record row = rows.iterator().next();
      return row.getField("orders") + " orders, " + row.getField("amount");
    }
  }

  private Map<String, String> statuses() {
    Map<String, String> statuses = new TreeMap<>();
    outcomes.forEach(o -> statuses.put(o.table().toString(), o.status().label()));
    return statuses;
  }

  @Test
  void run_batchPassesItsChecks_everyTableIsPublishedAndNoBranchIsLeft() throws IOException {
    runtime(WriteAuditPublish.everyTable()).ingest(RAW, orderLines(1, 2));
    outcomes.clear();

    RunResult result = runtime.run(PIPELINE);

    assertThat(statuses())
        .isEqualTo(Map.of("gold.order_total", "published", "silver.orders", "published"));
    assertThat(ids(runtime.table(SILVER))).containsExactly("1", "2");
    assertThat(totals(runtime.table(GOLD))).isEqualTo("2 orders, 3.0");
    for (TableId id : List.of(SILVER, GOLD, orders(QualityPolicy.DEFAULT).metricsId())) {
      assertThat(runtime.table(id).refs()).containsOnlyKeys("main");
    }
    assertThat(outcomes.get(0).producedSnapshot().getAsLong())
        .isEqualTo(runtime.table(SILVER).currentSnapshot().snapshotId());
    assertThat(runtime.audits(PIPELINE).pending()).isEmpty();
    assertThat(result.table(SILVER).written()).isEqualTo(2);
  }

  @Test
  void run_batchFailsADatasetRule_mainAndDownstreamStayUnchangedAndTheAuditIsPending()
      throws IOException {
    runtime(WriteAuditPublish.everyTable()).ingest(RAW, orderLines(1, 2));
    runtime.run(PIPELINE);
    long silverMain = runtime.table(SILVER).currentSnapshot().snapshotId();
    long goldMain = runtime.table(GOLD).currentSnapshot().snapshotId();
    runtime.ingest(RAW, orderLines(3, 4));
    outcomes.clear();

    RunResult result = runtime.run(PIPELINE);

    assertThat(statuses())
        .isEqualTo(Map.of("gold.order_total", "audit-pending", "silver.orders", "audit-pending"));
    Table silver = runtime.table(SILVER);
    Table gold = runtime.table(GOLD);
    assertThat(silver.currentSnapshot().snapshotId()).isEqualTo(silverMain);
    assertThat(gold.currentSnapshot().snapshotId()).isEqualTo(goldMain);
    assertThat(ids(silver)).containsExactly("1", "2");
    assertThat(totals(gold)).isEqualTo("2 orders, 3.0");
    String branch = AuditBranches.branch(result.runId());
    assertThat(idsOnBranch(silver, branch)).containsExactly("1", "2", "3", "4", "5", "6");

    List<PendingAudit> pending = runtime.audits(PIPELINE).pending();
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).runId()).isEqualTo(result.runId());
    assertThat(pending.get(0).branch()).isEqualTo(branch);
    assertThat(pending.get(0).tables())
        .containsExactly(orders(QualityPolicy.DEFAULT).metricsId(), SILVER, GOLD);
    assertThat(pending.get(0).failedChecks()).singleElement().asString().startsWith("at_most_3: ");
    assertThat(runtime.audits(PIPELINE).reports(result.runId()).get(SILVER).rows().read())
        .isEqualTo(4);
  }

  @Test
  void run_batchFailsADatasetRule_oneCriticalAuditPendingAlertPerHeldTableAndNoWarning() {
    RunResult result = pendingAudit();

    List<Alert> alerts = runtime.alerts(RunLogQuery.builder().last(1).build());

    assertThat(alerts)
        .extracting(alert -> alert.table().orElseThrow() + " " + alert.kind().label())
        .containsExactly("silver.orders audit-pending", "gold.order_total audit-pending");
    Alert silver = alerts.get(0);
    assertThat(silver.runId()).isEqualTo(result.runId());
    assertThat(silver.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(silver.summary())
        .isEqualTo(
            "the batch waits on audit branch "
                + AuditBranches.branch(result.runId())
                + ": main is unchanged until the audit is published or discarded");
    assertThat(silver.details()).singleElement().asString().startsWith("at_most_3: row count 4");
    assertThat(alerts.get(1).details())
        .containsExactly("reads silver.orders, whose audit is pending");
  }

  @Test
  void run_pendingAudit_goldOnItsBranchReadsSilversBranch() throws IOException {
    RunResult result = pendingAudit();
    Table gold = runtime.table(GOLD);
    long head = gold.refs().get(AuditBranches.branch(result.runId())).snapshotId();

    try (CloseableIterable<Record> rows = IcebergGenerics.read(gold).useSnapshot(head).build()) {
      Record row = rows.iterator().next();
      assertThat(row.getField("orders")).isEqualTo(6L);
      assertThat(row.getField("amount")).isEqualTo(21.0);
    }
  }

  @Test
  void run_pendingAudit_duckDbReadingMainSeesNoPendingRow() throws IOException, SQLException {
    pendingAudit();

    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement();
        ResultSet count =
            sql.executeQuery(
                "SELECT count(*), sum(amount) FROM read_parquet("
                    + dataFiles(runtime.table(SILVER))
                    + ")")) {
      count.next();
      assertThat(count.getLong(1)).isEqualTo(2);
      assertThat(count.getDouble(2)).isEqualTo(3.0);
    }
  }

  /** The data files of main's current snapshot, as a DuckDB list of paths. */
  private static String dataFiles(Table table) throws IOException {
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        assertThat(task.deletes()).isEmpty();
        files.add("'" + task.file().location().replaceFirst("^file:(//)?", "") + "'");
      }
    }
    return files.stream().collect(Collectors.joining(", ", "[", "]"));
  }

  @Test
  void run_laterRunAfterAPendingAudit_consumesOnlyPublishedSilver() throws IOException {
    pendingAudit();
    long goldMain = runtime.table(GOLD).currentSnapshot().snapshotId();
    outcomes.clear();

    runtime.run(PIPELINE);

    // Silver starts again from main's marker, so the same four rows fail again on a new branch.
    assertThat(statuses())
        .isEqualTo(Map.of("gold.order_total", "audit-pending", "silver.orders", "audit-pending"));
    assertThat(runtime.table(GOLD).currentSnapshot().snapshotId()).isEqualTo(goldMain);
    assertThat(totals(runtime.table(GOLD))).isEqualTo("2 orders, 3.0");
    assertThat(runtime.audits(PIPELINE).pending()).hasSize(2);
  }

  @Test
  void publish_anywayWithAReason_mainMovesToTheAuditAndTheReasonIsInTheHistory()
      throws IOException {
    String runId = pendingAudit().runId();
    Audits audits = runtime.audits(PIPELINE);

    List<TableId> published = audits.publish(runId, "checked by hand: a bulk order");

    assertThat(published).containsExactly(orders(QualityPolicy.DEFAULT).metricsId(), SILVER, GOLD);
    Table silver = runtime.table(SILVER);
    assertThat(ids(silver)).containsExactly("1", "2", "3", "4", "5", "6");
    assertThat(totals(runtime.table(GOLD))).isEqualTo("6 orders, 21.0");
    assertThat(silver.currentSnapshot().summary())
        .containsEntry(AuditBranches.PUBLISHED_ANYWAY, "checked by hand: a bulk order");
    assertThat(silver.refs()).containsOnlyKeys("main");
    assertThat(audits.pending()).isEmpty();
    assertThat(audits.reports(runId)).isEmpty();
    assertThat(statuses())
        .isEqualTo(Map.of("gold.order_total", "published", "silver.orders", "published"));
    List<RunLogEntry> logged = runtime.runs(RunLogQuery.builder().last(1).build());
    assertThat(logged).extracting(RunLogEntry::status).containsOnly(TableStatus.PUBLISHED);
    assertThat(logged.get(0).producedSnapshot()).hasValue(silver.currentSnapshot().snapshotId());

    outcomes.clear();
    runtime.run(PIPELINE);
    assertThat(statuses()).containsEntry("silver.orders", "nothing-new");
    assertThat(totals(runtime.table(GOLD))).isEqualTo("6 orders, 21.0");
  }

  @Test
  void publish_blankReason_isRefusedAndNothingChanges() {
    String runId = pendingAudit().runId();
    long silverMain = runtime.table(SILVER).currentSnapshot().snapshotId();

    assertThatThrownBy(() -> runtime.audits(PIPELINE).publish(runId, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Publishing audit " + runId + " anyway needs a reason, got none");
    assertThat(runtime.table(SILVER).currentSnapshot().snapshotId()).isEqualTo(silverMain);
  }

  @Test
  void publish_unknownRun_namesThePendingRuns() {
    String runId = pendingAudit().runId();

    assertThatThrownBy(() -> runtime.audits(PIPELINE).publish("20000101T000000Z-0", "why"))
        .isInstanceOf(MedallionException.class)
        .hasMessage(
            "No pending audit of run 20000101T000000Z-0 on the tables of pipeline orders;"
                + " pending: ["
                + runId
                + "]");
  }

  @Test
  void publish_mainMovedOnSinceTheAudit_refusesAndPublishesNothing() {
    String runId = pendingAudit().runId();
    Table silver = runtime.table(SILVER);
    silver.newAppend().set("test.note", "another writer").commit();
    long metricsMain =
        runtime.table(orders(QualityPolicy.DEFAULT).metricsId()).currentSnapshot().snapshotId();

    assertThatThrownBy(() -> runtime.audits(PIPELINE).publish(runId, "why"))
        .isInstanceOf(MedallionException.class)
        .hasMessageContaining("the main branch of silver.orders moved on since the audit");
    assertThat(
            runtime.table(orders(QualityPolicy.DEFAULT).metricsId()).currentSnapshot().snapshotId())
        .isEqualTo(metricsMain);
    assertThat(runtime.audits(PIPELINE).pending()).hasSize(1);
  }

  @Test
  void discard_pendingAudit_branchesAreGoneAndMainIsUnchanged() throws IOException {
    String runId = pendingAudit().runId();
    long silverMain = runtime.table(SILVER).currentSnapshot().snapshotId();
    Path report = dir.resolve("lake/audits").resolve(runId).resolve("silver.orders.json");
    assertThat(report).isRegularFile();

    List<TableId> discarded = runtime.audits(PIPELINE).discard(runId);

    assertThat(discarded).containsExactly(orders(QualityPolicy.DEFAULT).metricsId(), SILVER, GOLD);
    assertThat(runtime.table(SILVER).refs()).containsOnlyKeys("main");
    assertThat(runtime.table(GOLD).refs()).containsOnlyKeys("main");
    assertThat(runtime.table(SILVER).currentSnapshot().snapshotId()).isEqualTo(silverMain);
    assertThat(ids(runtime.table(SILVER))).containsExactly("1", "2");
    assertThat(runtime.audits(PIPELINE).pending()).isEmpty();
    assertThat(Files.exists(report)).isFalse();
  }

  @Test
  void run_rowsFailAFailBatchPolicy_auditedBatchIsPendingInsteadOfFailingAndAlerted()
      throws IOException {
    Pipeline strict = pipeline(orders(QualityPolicy.minScore(0.9).below(PolicyAction.FAIL_BATCH)));
    runtime(WriteAuditPublish.everyTable())
        .ingest(
            RAW,
            JsonSource.stream(
                "bad.ndjson",
                new ByteArrayInputStream(
                    "{\"id\":\"1\",\"amount\":1}\n{\"amount\":2}\n"
                        .getBytes(StandardCharsets.UTF_8))));

    RunResult result = runtime.run(strict);

    assertThat(statuses()).containsEntry("silver.orders", "audit-pending");
    assertThat(ids(runtime.table(SILVER))).isEmpty();
    assertThat(runtime.table(SILVER).currentSnapshot().summary())
        .containsEntry(AuditBranches.BASE, result.runId());
    PendingAudit pending = runtime.audits(strict).pending().get(0);
    assertThat(pending.runId()).isEqualTo(result.runId());
    assertThat(pending.tables()).contains(SILVER.withSuffix("_quarantine"), SILVER, GOLD);
    assertThat(pending.failedChecks())
        .singleElement()
        .asString()
        .startsWith("policy: 1 of 2 rows fell below the quality policy; first: ");
    assertThat(idsOnBranch(runtime.table(SILVER), pending.branch())).containsExactly("1");
    assertThat(runtime.alerts(RunLogQuery.builder().table(SILVER).build()))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.kind()).isEqualTo(AlertKind.AUDIT_PENDING);
              assertThat(alert.details()).isEqualTo(pending.failedChecks());
            });
  }

  @Test
  void run_withoutAudit_aFailBatchPolicyStillFailsTheRun() {
    runtime(WriteAuditPublish.off()).ingest(RAW, orderLines(1, 4));

    assertThatThrownBy(() -> runtime.run(PIPELINE))
        .isInstanceOf(QualityGateException.class)
        .hasMessageContaining("at_most_3");
    assertThat(runtime.table(SILVER).currentSnapshot()).isNull();
  }

  @Test
  void tables_onlyGoldAudited_silverCommitsToMainAndGoldIsPublished() throws IOException {
    runtime(WriteAuditPublish.tables(GOLD)).ingest(RAW, orderLines(1, 2));
    outcomes.clear();

    runtime.run(PIPELINE);

    assertThat(statuses())
        .isEqualTo(Map.of("gold.order_total", "published", "silver.orders", "committed"));
    assertThat(totals(runtime.table(GOLD))).isEqualTo("2 orders, 3.0");
  }

  @Test
  void auditedIn_silverNamed_itsGoldIsAuditedToo() {
    assertThat(WriteAuditPublish.tables(SILVER).auditedIn(PIPELINE))
        .extracting(definition -> definition.id())
        .containsExactly(SILVER, GOLD);
    assertThat(WriteAuditPublish.off().auditedIn(PIPELINE)).isEmpty();
  }

  @Test
  void auditedIn_unknownTables_namesEachAndWhatIsAllowed() {
    WriteAuditPublish setting = WriteAuditPublish.tables(RAW.id(), TableId.of("silver", "missing"));

    assertThatThrownBy(() -> setting.auditedIn(PIPELINE))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "bronze.orders is not a silver or gold table of pipeline orders; allowed:"
                + " [gold.order_total, silver.orders]")
        .hasMessageContaining("silver.missing is not a silver or gold table of pipeline orders");
  }

  @Test
  void tables_none_isRefused() {
    assertThatThrownBy(WriteAuditPublish::tables)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WriteAuditPublish.tables needs at least one table; use off() to audit none");
  }

  @Test
  void outcome_pendingAudit_isReportedToObserversWithItsSnapshot() {
    RunResult result = pendingAudit();

    TableOutcome silver = outcomes.get(0);
    assertThat(silver.status()).isEqualTo(TableStatus.AUDIT_PENDING);
    assertThat(silver.producedSnapshot().getAsLong())
        .isEqualTo(
            runtime.table(SILVER).refs().get(AuditBranches.branch(result.runId())).snapshotId());
  }
}
