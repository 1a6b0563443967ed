package io.medallion.core.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.catalog.CatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
import io.medallion.core.audit.PendingAudit;
import io.medallion.core.audit.WriteAuditPublish;
import io.medallion.core.internal.catalog.IcebergCatalogs;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.spi.JsonSource;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.Rule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A publish interrupted between two fast-forwards, finished or rolled back by what comes next. */
class AuditPublisherTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "orders")).build();
  private static final SilverTable SILVER =
      SilverTable.builder(TableId.of("silver", "orders"), RAW)
          .map("id", ColumnType.STRING, "id")
          .rules(Rule.notNull("id").critical())
          .datasetRules(DatasetRule.rowCount(1, 1).toBuilder().name("one_row").failBatch().build())
          .build();
  private static final GoldTable GOLD =
      GoldTable.builder(TableId.of("gold", "order_count"), SILVER).count("orders").build();
  private static final Pipeline PIPELINE =
      Pipeline.builder("orders").tables(RAW, SILVER, GOLD).build();
  private static final TableId METRICS = SILVER.metricsId();

  @TempDir Path dir;
  private MedallionRuntime runtime;
  private Catalog catalog;
  private TableStore store;
  private String runId;
  private long metricsBefore;

  /** A pending audit of two rows (the rule allows one) on metrics, silver and gold. */
  @BeforeEach
  void pendingAudit() {
    runtime =
        MedallionRuntime.builder()
            .lake(dir.resolve("lake"))
            .writeAuditPublish(WriteAuditPublish.everyTable())
            .build();
    runtime.ingest(RAW, lines("{\"id\":\"1\"}"));
    runtime.run(PIPELINE);
    runtime.ingest(RAW, lines("{\"id\":\"2\"}", "{\"id\":\"3\"}"));
    RunResult pending = runtime.run(PIPELINE);
    runId = pending.runId();
    metricsBefore = main(METRICS);
    catalog = IcebergCatalogs.open(CatalogConfig.embedded(dir.resolve("lake")));
    store = new TableStore(catalog);
  }

  @AfterEach
  void close() throws IOException {
    runtime.close();
    if (catalog instanceof Closeable closeable) {
      closeable.close();
    }
  }

  private static JsonSource lines(String... lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return JsonSource.stream("orders.ndjson", new ByteArrayInputStream(bytes));
  }

  private long main(TableId id) {
    return runtime.table(id).currentSnapshot().snapshotId();
  }

  private long branchHead(TableId id) {
    return runtime.table(id).refs().get(AuditBranches.branch(runId)).snapshotId();
  }

  /** Publishes anyway, stopping as a crash would right after the first table moved. */
  private void publishCrashingAfterTheFirstTable() {
    List<TableId> moved = new ArrayList<>();
    AuditPublisher crashing =
        new AuditPublisher(
            store,
            table -> {
              moved.add(table);
              throw new IllegalStateException("crash after " + table);
            });

    assertThatThrownBy(
            () ->
                crashing.publish(
                    runId, AuditBranches.tablesOf(PIPELINE), Optional.of("checked by hand")))
        .hasMessage("crash after " + METRICS);
    assertThat(moved).containsExactly(METRICS);
  }

  @Test
  void publish_crashBetweenTwoFastForwards_leavesTheIntentAndOneTablePublished() {
    long silverMain = main(SILVER.id());

    publishCrashingAfterTheFirstTable();

    assertThat(main(METRICS)).isEqualTo(branchHead(METRICS));
    assertThat(main(SILVER.id())).isEqualTo(silverMain);
    assertThat(runtime.table(METRICS).properties()).containsKey(AuditPublisher.PUBLISHING + runId);
  }

  @Test
  void run_afterACrashBetweenTwoFastForwards_finishesThePublish() {
    long silverHead = branchHead(SILVER.id());
    long goldHead = branchHead(GOLD.id());
    publishCrashingAfterTheFirstTable();

    runtime.run(PIPELINE);

    // Main is the reason's empty snapshot on top of the audited one; gold then re-read silver.
    Table silver = runtime.table(SILVER.id());
    assertThat(silver.currentSnapshot().parentId()).isEqualTo(silverHead);
    Table gold = runtime.table(GOLD.id());
    assertThat(SnapshotUtil.isAncestorOf(gold, main(GOLD.id()), goldHead)).isTrue();
    for (TableId id : List.of(METRICS, SILVER.id(), GOLD.id())) {
      assertThat(runtime.table(id).refs()).containsOnlyKeys("main");
      assertThat(runtime.table(id).properties())
          .doesNotContainKey(AuditPublisher.PUBLISHING + runId);
    }
    assertThat(runtime.table(SILVER.id()).currentSnapshot().summary())
        .containsEntry(AuditBranches.PUBLISHED_ANYWAY, "checked by hand");
  }

  @Test
  void run_writeAuditPublishTurnedOffAfterACrash_stillFinishesThePublishFirst() {
    long silverMain = main(SILVER.id());
    long silverHead = branchHead(SILVER.id());
    publishCrashingAfterTheFirstTable();
    runtime.close();
    runtime = MedallionRuntime.builder().lake(dir.resolve("lake")).build();

    runtime.run(PIPELINE);

    Table silver = runtime.table(SILVER.id());
    assertThat(silver.currentSnapshot().snapshotId()).isNotEqualTo(silverMain);
    assertThat(SnapshotUtil.isAncestorOf(silver, silver.currentSnapshot().snapshotId(), silverHead))
        .isTrue();
    for (TableId id : List.of(METRICS, SILVER.id(), GOLD.id())) {
      assertThat(runtime.table(id).refs()).containsOnlyKeys("main");
      assertThat(runtime.table(id).properties())
          .doesNotContainKey(AuditPublisher.PUBLISHING + runId);
    }
  }

  @Test
  void pending_afterACrashBetweenTwoFastForwards_finishesThePublishFirst() {
    long goldBefore = main(GOLD.id());
    long goldHead = branchHead(GOLD.id());
    publishCrashingAfterTheFirstTable();

    assertThat(runtime.audits(PIPELINE).pending()).isEmpty();
    Table gold = runtime.table(GOLD.id());
    assertThat(main(GOLD.id())).isNotEqualTo(goldBefore);
    assertThat(SnapshotUtil.isAncestorOf(gold, main(GOLD.id()), goldHead)).isTrue();
    assertThat(gold.refs()).containsOnlyKeys("main");
  }

  @Test
  void recover_mainMovedOnBeforeTheRestWasPublished_rollsBackWhatWasPublished() {
    publishCrashingAfterTheFirstTable();
    Table silver = store.find(SILVER.id()).orElseThrow();
    silver.newAppend().set("test.note", "another writer").commit();

    new AuditPublisher(store).recover(AuditBranches.tablesOf(PIPELINE));

    assertThat(main(METRICS)).isEqualTo(metricsBefore);
    assertThat(runtime.table(METRICS).properties())
        .doesNotContainKey(AuditPublisher.PUBLISHING + runId);
    List<PendingAudit> pending = runtime.audits(PIPELINE).pending();
    assertThat(pending).extracting(PendingAudit::runId).containsExactly(runId);
    assertThat(pending.get(0).tables()).containsExactly(METRICS, SILVER.id(), GOLD.id());
    assertThat(pending.get(0).failedChecks()).singleElement().asString().startsWith("one_row: ");
  }

  @Test
  void recover_firstAuditOfEmptyTablesAndMainMovedOn_rollsBackToTheEmptyBaseSnapshot()
      throws IOException {
    close();
    Path fresh = dir.resolve("fresh");
    runtime =
        MedallionRuntime.builder()
            .lake(fresh)
            .writeAuditPublish(WriteAuditPublish.everyTable())
            .build();
    runtime.ingest(RAW, lines("{\"id\":\"1\"}", "{\"id\":\"2\"}"));
    runId = runtime.run(PIPELINE).runId();
    catalog = IcebergCatalogs.open(CatalogConfig.embedded(fresh));
    store = new TableStore(catalog);
    long metricsBase = main(METRICS);
    assertThat(runtime.table(METRICS).currentSnapshot().summary())
        .containsEntry(AuditBranches.BASE, runId);
    publishCrashingAfterTheFirstTable();
    Table silver = store.find(SILVER.id()).orElseThrow();
    silver.newAppend().set("test.note", "another writer").commit();

    new AuditPublisher(store).recover(AuditBranches.tablesOf(PIPELINE));

    assertThat(main(METRICS)).isEqualTo(metricsBase);
    try (CloseableIterable<Record> rows = IcebergGenerics.read(runtime.table(METRICS)).build()) {
      assertThat(rows).isEmpty();
    }
    assertThat(runtime.audits(PIPELINE).pending())
        .extracting(PendingAudit::runId)
        .containsExactly(runId);
  }
}
