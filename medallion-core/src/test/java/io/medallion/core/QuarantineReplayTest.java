package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;

class QuarantineReplayTest extends EmbeddedLakeTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "orders")).build();

  private static SilverTable orders(double maxAmount) {
    return SilverTable.builder(TableId.of("silver", "orders"), RAW)
        .map("id", ColumnType.STRING, "id")
        .map("amount", ColumnType.DOUBLE, "amount")
        .rules(Rule.notNull("id").critical(), Rule.range("amount", 0, maxAmount).critical())
        .policy(QualityPolicy.minScore(0.5))
        .deduplicateOn("id")
        .build();
  }

  private void ingestAndRun(SilverTable orders, String... lines) {
    runtime.ingest(RAW, ndjson("orders", lines));
    runtime.run(Pipeline.builder("p").tables(RAW, orders).build());
  }

  @Test
  void replay_afterRulesChange_movesPassingRowsExactlyOnce() {
    ingestAndRun(
        orders(100),
        "{\"id\":\"a\",\"amount\":5}",
        "{\"id\":\"b\",\"amount\":500}",
        "{\"id\":\"c\",\"amount\":5000}",
        "{\"amount\":1}");
    SilverTable relaxed = orders(1000);

    TableRun first = runtime.replayQuarantine(relaxed);
    TableRun second = runtime.replayQuarantine(relaxed);

    assertThat(first.read()).isEqualTo(3);
    assertThat(first.written()).isEqualTo(1);
    assertThat(first.quarantined()).isEqualTo(2);
    assertThat(second.read()).isEqualTo(2);
    assertThat(second.written()).isZero();
    assertThat(TableReads.rows(runtime.table(relaxed.id())))
        .extracting(r -> r.getField("id"))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(TableReads.rows(runtime.table(relaxed.quarantineId())))
        .extracting(r -> r.getField("_source_coordinate"))
        .containsExactlyInAnyOrder("orders line 3", "orders line 4");
  }

  @Test
  void replay_crashBeforeQuarantineCommit_nextReplayFinishesWithoutDuplicates() {
    ingestAndRun(orders(100), "{\"id\":\"a\",\"amount\":5}", "{\"id\":\"b\",\"amount\":500}");
    SilverTable relaxed = orders(1000);
    Table quarantine = runtime.table(relaxed.quarantineId());
    long beforeReplay = quarantine.currentSnapshot().snapshotId();
    runtime.replayQuarantine(relaxed);
    // A crash after the silver commit and before the quarantine delete leaves quarantine here:
    quarantine.refresh();
    quarantine.manageSnapshots().rollbackTo(beforeReplay).commit();

    TableRun again = runtime.replayQuarantine(relaxed);

    assertThat(again.written()).isZero();
    assertThat(TableReads.rows(runtime.table(relaxed.id())))
        .extracting(r -> r.getField("id"))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(TableReads.rows(runtime.table(relaxed.quarantineId()))).isEmpty();
  }

  @Test
  void replay_emptyQuarantine_commitsNothing() {
    ingestAndRun(orders(100), "{\"id\":\"a\",\"amount\":5}");

    TableRun replay = runtime.replayQuarantine(orders(1000));

    assertThat(replay.committed()).isFalse();
    assertThat(replay.read()).isZero();
  }

  @Test
  void run_crashThenRulesChange_recoveryKeepsTheCommittedQuarantineDecision() {
    ingestAndRun(orders(100), "{\"id\":\"a\",\"amount\":5}");
    Table silver = runtime.table(orders(100).id());
    long beforeSecondBatch = silver.currentSnapshot().snapshotId();
    ingestAndRun(orders(100), "{\"id\":\"b\",\"amount\":500}", "{\"id\":\"c\",\"amount\":7}");
    // A crash after the quarantine commit and before the silver commit leaves silver here:
    silver.refresh();
    silver.manageSnapshots().rollbackTo(beforeSecondBatch).commit();

    runtime.run(Pipeline.builder("p").tables(RAW, orders(1000)).build());

    assertThat(TableReads.rows(runtime.table(orders(1000).id())))
        .extracting(r -> r.getField("id"))
        .containsExactlyInAnyOrder("a", "c");
    assertThat(TableReads.rows(runtime.table(orders(1000).quarantineId())))
        .extracting(r -> r.getField("_source_coordinate"))
        .containsExactly("orders line 1");
  }
}
