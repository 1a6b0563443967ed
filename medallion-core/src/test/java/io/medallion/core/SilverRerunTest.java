package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.internal.quality.MetricKey;
import io.medallion.core.internal.quality.MetricsTable;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.EpochUnit;
import io.medallion.table.SilverTable;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

/**
 * Silver under repeated and odd input: identical re-ingested records neither rewrite silver rows
 * nor land in quarantine twice; failures and metrics are stored as structured values; numbers are
 * not timestamps unless the mapping says so.
 */
class SilverRerunTest extends EmbeddedLakeTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "people")).build();

  private static SilverTable.Builder people() {
    return SilverTable.builder(TableId.of("silver", "people"), RAW)
        .map("id", ColumnType.STRING, "id")
        .map("age", ColumnType.INT, "age")
        .map("born_at", ColumnType.TIMESTAMP_TZ, "dob")
        .rules(Rule.notNull("id").critical(), Rule.range("age", 0, 120).critical())
        .policy(QualityPolicy.minScore(0.5))
        .deduplicateOn("id");
  }

  private static final SilverTable PEOPLE = people().build();

  private static final String[] LINES = {
    "{\"id\":\"a\",\"age\":30,\"dob\":\"1996-01-02T00:00:00Z\"}",
    "{\"id\":\"b\",\"age\":300,\"dob\":\"1996-01-02T00:00:00Z\"}",
    "{\"id\":\"c\",\"age\":40,\"dob\":\"1986-01-02T00:00:00Z\"}"
  };

  private TableRun ingestAndRun(SilverTable people, String... lines) {
    return ingestAndRunFrom("people.ndjson", people, lines);
  }

  private TableRun ingestAndRunFrom(String source, SilverTable people, String... lines) {
    return runtime
        .run(Pipeline.builder("p").tables(RAW, people).build(), RAW, ndjson(source, lines))
        .table(people.id());
  }

  @Test
  void run_sameRecordsIngestedTwice_neitherRewritesSilverNorQuarantinesAgain() {
    ingestAndRun(PEOPLE, LINES);
    Table silver = runtime.table(PEOPLE.id());
    long before = silver.currentSnapshot().snapshotId();

    // Another file with the same records, as a user re-exporting the same data would load it.
    TableRun again = ingestAndRunFrom("people-again.ndjson", PEOPLE, LINES);

    assertThat(again.read()).isEqualTo(3);
    assertThat(again.written()).isZero();
    assertThat(again.replaced()).isZero();
    assertThat(again.duplicates()).isEqualTo(2);
    assertThat(again.quarantined()).isEqualTo(1);
    silver.refresh();
    assertThat(silver.currentSnapshot().parentId()).isEqualTo(before);
    assertThat(silver.currentSnapshot().summary())
        .doesNotContainKeys("added-data-files", "added-position-deletes");
    assertThat(TableReads.rows(silver))
        .extracting(r -> r.getField("id") + " " + r.getField("_source_coordinate"))
        .containsExactlyInAnyOrder("a people.ndjson line 1", "c people.ndjson line 3");
    assertThat(TableReads.rows(runtime.table(PEOPLE.quarantineId())))
        .extracting(r -> r.getField("_source_coordinate"))
        .containsExactly("people.ndjson line 2");
  }

  @Test
  void run_changedRecord_replacesItsRow() {
    ingestAndRun(PEOPLE, LINES);

    TableRun changed =
        ingestAndRun(PEOPLE, "{\"id\":\"a\",\"age\":31,\"dob\":\"1996-01-02T00:00:00Z\"}");

    assertThat(changed.written()).isEqualTo(1);
    assertThat(changed.replaced()).isEqualTo(1);
    assertThat(TableReads.rows(runtime.table(PEOPLE.id())))
        .extracting(r -> r.getField("id") + " " + r.getField("age"))
        .containsExactlyInAnyOrder("a 31", "c 40");
  }

  @Test
  void run_sameBadRecordTwiceInOneBatch_quarantinedOnceAndCounted() {
    TableRun run = ingestAndRun(PEOPLE, LINES[1], LINES[1]);

    assertThat(run.read()).isEqualTo(2);
    assertThat(run.quarantined()).isEqualTo(2);
    assertThat(TableReads.rows(runtime.table(PEOPLE.quarantineId()))).hasSize(1);
  }

  @Test
  void run_numericTimestampWithoutEpochUnit_isQuarantinedAsTypeProblemNamingRecordAndField() {
    TableRun run = ingestAndRun(PEOPLE, "{\"id\":\"z\",\"age\":30,\"dob\":12345}");

    assertThat(run.written()).isZero();
    assertThat(run.quarantined()).isEqualTo(1);
    Record rejected = TableReads.rows(runtime.table(PEOPLE.quarantineId())).get(0);
    assertThat(rejected.getField("_source_coordinate")).isEqualTo("people.ndjson line 1");
    Record reason = (Record) ((List<?>) rejected.getField("reasons")).get(0);
    assertThat(reason.getField("rule")).isEqualTo("born_at_type");
    assertThat(reason.getField("dimension")).isEqualTo("validity");
    assertThat(reason.getField("severity")).isEqualTo("critical");
    assertThat(reason.getField("origin")).isEqualTo("type");
    assertThat(reason.getField("reason"))
        .isEqualTo(
            "cannot read number 12345 as timestamp_tz: the mapping declares no epoch unit for"
                + " numbers at $.dob");
    assertThat(runtime.replayQuarantine(PEOPLE).written()).isZero();
  }

  @Test
  void run_numericTimestampWithEpochUnit_isReadInThatUnit() {
    SilverTable seconds = people().epochUnit("born_at", EpochUnit.SECONDS).build();

    TableRun run = ingestAndRun(seconds, "{\"id\":\"z\",\"age\":30,\"dob\":86400}");

    assertThat(run.written()).isEqualTo(1);
    assertThat(TableReads.rows(runtime.table(seconds.id())).get(0).getField("born_at"))
        .hasToString("1970-01-02T00:00Z");
  }

  @Test
  void run_failedRulesAndMetrics_storedAsStructuredValues() {
    SilverTable lenient =
        PEOPLE.toBuilder()
            .rules(Rule.range("age", 0, 20).named("age_young"))
            .policy(QualityPolicy.minScore(0.1))
            .build();

    ingestAndRun(lenient, LINES[0]);

    Record row = TableReads.rows(runtime.table(lenient.id())).get(0);
    Record failure = (Record) ((List<?>) row.getField("failed_rules")).get(0);
    assertThat(failure.getField("rule")).isEqualTo("age_young");
    assertThat(failure.getField("severity")).isEqualTo("warning");
    assertThat(failure.getField("origin")).isEqualTo("rule");
    assertThat(TableReads.failures(row, "failed_rules"))
        .containsExactly("age_young: 30 is outside between 0 and 20");
    List<MetricsTable.Run> history =
        MetricsTable.open(runtime.table(lenient.metricsId())).history();
    assertThat(history).hasSize(1);
    assertThat(history.get(0).values())
        .containsEntry(MetricKey.ROWS_READ, 1.0)
        .containsEntry(MetricKey.passRate("age_young"), 0.0)
        .containsEntry(MetricKey.of(MetricKey.SCORE_BUCKET, "9"), 0.0);
  }

  @Test
  void run_crashAfterQuarantineCommitWithRepeatedRejects_recoveryKeepsThemOutOfSilver() {
    ingestAndRun(PEOPLE, LINES);
    Table silver = runtime.table(PEOPLE.id());
    long beforeSecondBatch = silver.currentSnapshot().snapshotId();
    ingestAndRunFrom("again.ndjson", PEOPLE, LINES[1], LINES[1], LINES[2]);
    // A crash after the quarantine commit and before the silver commit leaves silver here:
    silver.refresh();
    silver.manageSnapshots().rollbackTo(beforeSecondBatch).commit();

    TableRun recovery =
        runtime.run(Pipeline.builder("p").tables(RAW, PEOPLE).build()).table(PEOPLE.id());

    assertThat(recovery.quarantined()).isEqualTo(2);
    assertThat(TableReads.rows(runtime.table(PEOPLE.id())))
        .extracting(r -> r.getField("id"))
        .containsExactlyInAnyOrder("a", "c");
    assertThat(TableReads.rows(runtime.table(PEOPLE.quarantineId())))
        .extracting(r -> r.getField("_source_coordinate"))
        .containsExactly("people.ndjson line 2");
  }

  @Test
  void run_afterSecondIngestion_readsOnlyTheNewlyAppendedRows() {
    Pipeline pipeline = Pipeline.builder("p").tables(RAW, PEOPLE).build();
    runtime.ingest(RAW, ndjson("one.ndjson", LINES[0], LINES[1]));
    runtime.run(pipeline);
    runtime.ingest(RAW, ndjson("two.ndjson", LINES[2]));
    runtime.ingest(RAW, ndjson("three.ndjson", "{\"id\":\"d\",\"age\":50}"));

    TableRun second = runtime.run(pipeline).table(PEOPLE.id());

    assertThat(second.read()).isEqualTo(2);
    assertThat(second.written()).isEqualTo(2);
    assertThat(TableReads.rows(runtime.table(PEOPLE.id())))
        .extracting(r -> r.getField("id") + " " + r.getField("_source_coordinate"))
        .containsExactlyInAnyOrder(
            "a one.ndjson line 1", "c two.ndjson line 1", "d three.ndjson line 1");
  }
}
