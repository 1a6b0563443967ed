package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.internal.quality.MetricsTable;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.QualityGateException;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.quality.Threshold;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class QualityHistoryRunTest extends EmbeddedLakeTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "orders")).build();

  private static SilverTable orders(DatasetRule... datasetRules) {
    return SilverTable.builder(TableId.of("silver", "orders"), RAW)
        .map("id", ColumnType.STRING, "id")
        .map("amount", ColumnType.DOUBLE, "amount")
        .rules(Rule.range("amount", 0, 100))
        .ruleFlag("amount_ok", "amount_range")
        .policy(QualityPolicy.minScore(0.0))
        .datasetRules(datasetRules)
        .build();
  }

  /** Ingests n orders of which the given number have an amount out of range. */
  private void ingest(int n, int bad) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add("{\"id\":\"" + i + "\",\"amount\":" + (i < bad ? 500 : 5) + "}");
    }
    runtime.ingest(RAW, ndjson("orders", lines.toArray(String[]::new)));
  }

  @Test
  void run_recordsMetricsPerRunInTheMetricsTable() {
    SilverTable orders = orders();
    Pipeline pipeline = Pipeline.builder("p").tables(RAW, orders).build();
    ingest(10, 2);
    runtime.run(pipeline);
    ingest(10, 5);
    runtime.run(pipeline);

    List<Record> metrics = TableReads.rows(runtime.table(orders.metricsId()));
    assertThat(metrics)
        .filteredOn(r -> "pass_rate".equals(r.getField(MetricsTable.METRIC)))
        .extracting(r -> r.getField(MetricsTable.RULE) + "=" + r.getField(MetricsTable.VALUE))
        .containsExactlyInAnyOrder("amount_range=0.8", "amount_range=0.5");
    assertThat(metrics)
        .filteredOn(r -> "rows_read".equals(r.getField(MetricsTable.METRIC)))
        .extracting(r -> r.getField(MetricsTable.VALUE))
        .containsExactly(10.0, 10.0);
    assertThat(TableReads.rows(runtime.table(orders.id())))
        .filteredOn(r -> Boolean.FALSE.equals(r.getField("amount_ok")))
        .hasSize(7);
  }

  @Test
  void run_passRateBelowHistoricalMean_failsTheBatchWhenAskedTo() {
    SilverTable orders =
        orders(DatasetRule.passRate("amount_range", Threshold.historicalMean(5, -0.1)).failBatch());
    Pipeline pipeline = Pipeline.builder("p").tables(RAW, orders).build();
    ingest(10, 0);
    runtime.run(pipeline);
    ingest(10, 1);
    runtime.run(pipeline);
    long before = runtime.table(orders.id()).currentSnapshot().snapshotId();
    ingest(10, 6);

    assertThatThrownBy(() -> runtime.run(pipeline))
        .isInstanceOf(QualityGateException.class)
        .hasMessage(
            "Cannot commit silver.orders: dataset rules failed the batch (FAIL_BATCH):"
                + " [amount_range_pass_rate: pass_rate:amount_range 0.4000 < 0.8500 (mean of last"
                + " 5 runs - 0.1)]");
    assertThat(runtime.table(orders.id()).currentSnapshot().snapshotId()).isEqualTo(before);
  }

  @Test
  void run_scoreJumpAgainstHistory_isRecordedAsAFailedDatasetRule() {
    SilverTable orders = orders(DatasetRule.anomaly("score_avg", 10, 3.5));
    Pipeline pipeline = Pipeline.builder("p").tables(RAW, orders).build();
    for (int run = 0; run < 4; run++) {
      ingest(20, 1 + run % 2);
      runtime.run(pipeline);
    }
    ingest(20, 15);

    runtime.run(pipeline);

    List<Double> outcomes =
        TableReads.rows(runtime.table(orders.metricsId())).stream()
            .filter(r -> "dataset_rule".equals(r.getField(MetricsTable.METRIC)))
            .sorted(
                java.util.Comparator.comparing(
                    r -> (java.time.OffsetDateTime) r.getField(MetricsTable.RUN_AT)))
            .map(r -> (Double) r.getField(MetricsTable.VALUE))
            .toList();
    assertThat(outcomes).containsExactly(1.0, 1.0, 1.0, 1.0, 0.0);
  }
}
