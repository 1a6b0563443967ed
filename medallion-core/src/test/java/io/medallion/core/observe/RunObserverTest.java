package io.medallion.core.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunObserverTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "orders")).build();

  @TempDir Path dir;
  private final List<String> events = new ArrayList<>();
  private final List<TableOutcome> outcomes = new ArrayList<>();
  private final List<RunFinished> finished = new ArrayList<>();
  private MedallionRuntime runtime;

  private final RunObserver recorder =
      new RunObserver() {
        @Override
        public void runStarted(RunStarted run) {
          events.add("started " + run.pipeline());
        }

        @Override
        public void tableFinished(TableOutcome outcome) {
          outcomes.add(outcome);
          events.add(outcome.table() + " " + outcome.status().label());
        }

        @Override
        public void runFinished(RunFinished run) {
          finished.add(run);
          events.add(run.succeeded() ? "finished" : "failed");
        }
      };

  @AfterEach
  void close() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private static SilverTable orders(QualityPolicy policy) {
    return SilverTable.builder(TableId.of("silver", "orders"), RAW)
        .map("id", ColumnType.STRING, "id")
        .map("amount", ColumnType.DOUBLE, "amount")
        .rules(Rule.notNull("id").critical(), Rule.range("amount", 0, 100))
        .policy(policy)
        .build();
  }

  private static Pipeline pipeline(SilverTable silver) {
    GoldTable total =
        GoldTable.builder(TableId.of("gold", "order_total"), silver)
            .count("orders")
            .sum("amount", "amount")
            .build();
    return Pipeline.builder("orders").tables(RAW, silver, total).build();
  }

  private static JsonSource lines(String... lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return JsonSource.stream("orders.ndjson", new ByteArrayInputStream(bytes));
  }

  private MedallionRuntime runtime(RunObserver... observers) {
    MedallionRuntime.Builder builder = MedallionRuntime.builder().lake(dir.resolve("lake"));
    for (RunObserver observer : observers) {
      builder.observer(observer);
    }
    runtime = builder.build();
    return runtime;
  }

  @Test
  void run_newRows_observersHearEachTableInOrderWithTheSnapshotsConsumedAndProduced() {
    runtime(recorder).ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}"));
    long bronze = runtime.table(RAW.id()).currentSnapshot().snapshotId();
    events.clear();
    outcomes.clear();
    finished.clear();

    RunResult result = runtime.run(pipeline(orders(QualityPolicy.DEFAULT)));

    assertThat(events)
        .containsExactly(
            "started orders", "silver.orders committed", "gold.order_total committed", "finished");
    TableOutcome silver = outcomes.get(0);
    assertThat(silver.runId()).isEqualTo(result.runId());
    assertThat(silver.upstreamSnapshot()).isEqualTo(OptionalLong.of(bronze));
    assertThat(silver.producedSnapshot())
        .isEqualTo(
            OptionalLong.of(
                runtime.table(TableId.of("silver", "orders")).currentSnapshot().snapshotId()));
    assertThat(silver.meanScore().getAsDouble()).isEqualTo(1.0);
    assertThat(silver.counts().written()).isEqualTo(1);
    assertThat(outcomes.get(1).upstreamSnapshot()).isEqualTo(silver.producedSnapshot());
    assertThat(finished.get(0).tables()).hasSize(2);
    assertThat(finished.get(0).startedAt()).isBeforeOrEqualTo(finished.get(0).endedAt());
  }

  @Test
  void run_nothingNewUpstream_tablesAreNothingNew() {
    runtime(recorder).ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}"));
    Pipeline pipeline = pipeline(orders(QualityPolicy.DEFAULT));
    runtime.run(pipeline);
    events.clear();

    runtime.run(pipeline);

    assertThat(events)
        .containsExactly(
            "started orders",
            "silver.orders nothing-new",
            "gold.order_total nothing-new",
            "finished");
  }

  @Test
  void run_everyRowQuarantined_silverIsQuarantinedOnly() {
    runtime(recorder).ingest(RAW, lines("{\"amount\":5}", "{\"amount\":7}"));
    events.clear();

    runtime.run(pipeline(orders(QualityPolicy.DEFAULT)));

    assertThat(events).contains("silver.orders quarantined-only");
    assertThat(outcomes.get(outcomes.size() - 2).counts().quarantined()).isEqualTo(2);
  }

  @Test
  void run_qualityGateFails_failedTableAndFailedRunAreReportedAndTheFailureIsThrown() {
    runtime(recorder).ingest(RAW, lines("{\"amount\":5}"));
    events.clear();
    Pipeline pipeline =
        pipeline(orders(QualityPolicy.minScore(0.9).below(PolicyAction.FAIL_BATCH)));

    assertThatThrownBy(() -> runtime.run(pipeline)).isInstanceOf(QualityGateException.class);

    assertThat(events).containsExactly("started orders", "silver.orders failed", "failed");
    TableOutcome failed = outcomes.get(outcomes.size() - 1);
    assertThat(failed.failure().orElseThrow()).isInstanceOf(QualityGateException.class);
    assertThat(failed.producedSnapshot()).isEmpty();
    assertThat(finished.get(finished.size() - 1).failure().orElseThrow())
        .isSameAs(failed.failure().orElseThrow());
  }

  @Test
  void runWithSource_ingestionAndFedSilver_bronzeFirstThenEveryTable() {
    runtime(recorder);

    RunResult result =
        runtime.run(
            pipeline(orders(QualityPolicy.DEFAULT)), RAW, lines("{\"id\":\"1\",\"amount\":5}"));

    assertThat(events)
        .containsExactly(
            "started orders",
            "bronze.orders committed",
            "silver.orders committed",
            "gold.order_total committed",
            "finished");
    assertThat(outcomes).extracting(TableOutcome::runId).containsOnly(result.runId());
  }

  @Test
  void ingest_alone_isARunNamedAfterTheBronzeTable() {
    runtime(recorder).ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}", "not json"));

    assertThat(events)
        .containsExactly("started bronze.orders", "bronze.orders committed", "finished");
    assertThat(outcomes.get(0).counts().quarantined()).isEqualTo(1);
  }

  @Test
  void run_observerThrows_runSucceedsAndLaterObserversStillHear() {
    RunObserver broken =
        new RunObserver() {
          @Override
          public void tableFinished(TableOutcome outcome) {
            throw new IllegalStateException("observer is broken");
          }
        };
    runtime(broken, recorder).ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}"));

    RunResult result = runtime.run(pipeline(orders(QualityPolicy.DEFAULT)));

    assertThat(result.table(TableId.of("silver", "orders")).written()).isEqualTo(1);
    assertThat(events).contains("silver.orders committed", "finished");
  }

  @Test
  void runIds_twoRuns_differ() {
    runtime().ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}"));
    Pipeline pipeline = pipeline(orders(QualityPolicy.DEFAULT));

    assertThat(runtime.run(pipeline).runId())
        .isNotEqualTo(runtime.run(pipeline).runId())
        .matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
  }
}
