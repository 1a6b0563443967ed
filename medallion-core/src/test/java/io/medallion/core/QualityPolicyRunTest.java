package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityGateException;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class QualityPolicyRunTest extends EmbeddedLakeTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "events")).build();

  private static SilverTable silver(QualityPolicy policy) {
    return SilverTable.builder(TableId.of("silver", "events"), RAW)
        .map("id", ColumnType.STRING, "id")
        .map("amount", ColumnType.DOUBLE, "amount")
        .map("kind", ColumnType.STRING, "kind")
        .rules(
            Rule.notNull("id").critical(),
            Rule.range("amount", 0, 100).weight(3),
            Rule.matches("kind", "[a-z]+"))
        .policy(policy)
        .build();
  }

  private void ingest(String... lines) {
    runtime.ingest(RAW, ndjson("events.ndjson", lines));
  }

  @Test
  void keepFlagged_rowBelowMinimum_staysInSilverWithScoreAndReasons() {
    SilverTable events = silver(QualityPolicy.minScore(0.9).below(PolicyAction.KEEP_FLAGGED));
    ingest("{\"id\":\"1\",\"amount\":500,\"kind\":\"X!\"}");

    TableRun run =
        runtime.run(Pipeline.builder("p").tables(RAW, events).build()).table(events.id());

    assertThat(run.written()).isEqualTo(1);
    Record row = TableReads.rows(runtime.table(events.id())).get(0);
    assertThat(row.getField("quality_score")).isEqualTo(1.0 / 5.0);
    assertThat(TableReads.failures(row, "failed_rules"))
        .isEqualTo(
            List.of(
                "amount_range: 500.0 is outside between 0 and 100",
                "kind_format: 'X!' does not match /[a-z]+/"));
  }

  @Test
  void quarantine_scoreBelowMinimum_movesRowWithReasonsAndTypedRecord() {
    SilverTable events = silver(QualityPolicy.minScore(0.9));
    ingest(
        "{\"id\":\"1\",\"amount\":500,\"kind\":\"ok\"}",
        "{\"id\":\"2\",\"amount\":5,\"kind\":\"ok\"}");

    TableRun run =
        runtime.run(Pipeline.builder("p").tables(RAW, events).build()).table(events.id());

    assertThat(run.written()).isEqualTo(1);
    assertThat(run.quarantined()).isEqualTo(1);
    Record rejected = TableReads.rows(runtime.table(events.quarantineId())).get(0);
    assertThat(TableReads.failures(rejected, "reasons"))
        .isEqualTo(List.of("amount_range: 500.0 is outside between 0 and 100"));
    assertThat(rejected.getField("quality_score")).isEqualTo(0.4);
    assertThat(rejected.getField("record"))
        .isEqualTo("{\"id\":\"1\",\"amount\":500.0,\"kind\":\"ok\"}");
    assertThat(rejected.getField("_source_coordinate")).isEqualTo("events.ndjson line 1");
  }

  @Test
  void quarantine_wrongJsonType_namesRecordFieldAndValue() {
    SilverTable events = silver(QualityPolicy.DEFAULT);
    ingest(
        "{\"id\":\"1\",\"amount\":\"lots\",\"kind\":\"ok\"}",
        "{\"id\":\"2\",\"amount\":{\"v\":1}}");

    TableRun run =
        runtime.run(Pipeline.builder("p").tables(RAW, events).build()).table(events.id());

    assertThat(run.quarantined()).isEqualTo(2);
    assertThat(TableReads.rows(runtime.table(events.quarantineId())))
        .extracting(r -> r.getField("_source_coordinate") + " " + TableReads.failures(r, "reasons"))
        .containsExactlyInAnyOrder(
            "events.ndjson line 1 [amount_type: cannot read string \"lots\" as double at $.amount]",
            "events.ndjson line 2 [amount_type: cannot read object as double at $.amount]");
  }

  @Test
  void failBatch_anyRowBelowPolicy_commitsNothingAndCarriesSamples() {
    SilverTable events = silver(QualityPolicy.minScore(0.9).below(PolicyAction.FAIL_BATCH));
    ingest("{\"id\":\"1\",\"amount\":5,\"kind\":\"ok\"}", "{\"amount\":5}");
    Pipeline pipeline = Pipeline.builder("p").tables(RAW, events).build();

    assertThatThrownBy(() -> runtime.run(pipeline))
        .isInstanceOf(QualityGateException.class)
        .hasMessage(
            "Cannot commit silver.events: 1 of 2 rows fell below the quality policy (FAIL_BATCH);"
                + " first: [events.ndjson line 2: [id_not_null: id is missing]]");
    assertThat(runtime.table(events.id()).currentSnapshot()).isNull();
    assertThat(runtime.table(events.quarantineId()).currentSnapshot()).isNull();
    // Rows are written as they are scored: a failed batch must leave no data files behind.
    assertThat(parquetFilesUnder(events.id())).isZero();
  }

  @Test
  void failBatch_whenFedByIngestion_bronzeKeepsTheBatchAndSilverCommitsNothing() {
    SilverTable events = silver(QualityPolicy.minScore(0.9).below(PolicyAction.FAIL_BATCH));
    Pipeline pipeline = Pipeline.builder("p").tables(RAW, events).build();

    assertThatThrownBy(
            () ->
                runtime.run(
                    pipeline,
                    RAW,
                    ndjson("events.ndjson", "{\"id\":\"1\",\"amount\":5}", "{\"amount\":5}")))
        .isInstanceOf(QualityGateException.class)
        .hasMessageContaining("1 of 2 rows fell below the quality policy (FAIL_BATCH)");
    assertThat(TableReads.rows(runtime.table(RAW.id()))).hasSize(2);
    assertThat(runtime.table(events.id()).currentSnapshot()).isNull();
    assertThat(parquetFilesUnder(events.id())).isZero();
  }

  private long parquetFilesUnder(TableId id) {
    Path data = Path.of(URI.create(runtime.table(id).location())).resolve("data");
    if (!Files.exists(data)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(file -> file.toString().endsWith(".parquet")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void silverFromSilver_readsUpstreamRowsAndDeduplicates() {
    SilverTable events = silver(QualityPolicy.DEFAULT);
    SilverTable kinds =
        SilverTable.builder(TableId.of("silver", "kinds"), events)
            .map("kind", ColumnType.STRING, "kind")
            .map("amount", ColumnType.DOUBLE, "amount")
            .deduplicateOn("kind")
            .build();
    Pipeline pipeline = Pipeline.builder("p").tables(RAW, events, kinds).build();
    ingest(
        "{\"id\":\"1\",\"amount\":5,\"kind\":\"a\"}", "{\"id\":\"2\",\"amount\":7,\"kind\":\"b\"}");
    runtime.run(pipeline);
    ingest("{\"id\":\"3\",\"amount\":9,\"kind\":\"a\"}");

    runtime.run(pipeline);

    assertThat(TableReads.rows(runtime.table(kinds.id())))
        .extracting(r -> r.getField("kind") + "=" + r.getField("amount"))
        .containsExactlyInAnyOrder("a=9.0", "b=7.0");
  }
}
