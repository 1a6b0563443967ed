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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "orders")).build();
  private static final String SILVER = "silver.orders";

  @TempDir Path dir;
  private MedallionRuntime runtime;

  @AfterEach
  void close() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private static Pipeline pipeline(QualityPolicy policy) {
    SilverTable silver =
        SilverTable.builder(TableId.of("silver", "orders"), RAW)
            .map("id", ColumnType.STRING, "id")
            .map("amount", ColumnType.DOUBLE, "amount")
            .rules(Rule.notNull("id").critical(), Rule.range("amount", 0, 100))
            .policy(policy)
            .build();
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

  private MedallionRuntime runtime(MeterRegistry registry) {
    runtime = MedallionRuntime.builder().lake(dir.resolve("lake")).meterRegistry(registry).build();
    return runtime;
  }

  private static double count(MeterRegistry registry, String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  private static double rows(MeterRegistry registry, String table, String kind) {
    return registry.get("medallion.rows").tag("table", table).tag("kind", kind).counter().count();
  }

  @Test
  void meterRegistry_ingestionAndRun_rowsCommitsRatesScoresAndDurationsPerTable() {
    MeterRegistry registry = new SimpleMeterRegistry();
    runtime(registry)
        .ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}", "{\"amount\":700}", "not json"));

    RunResult result = runtime.run(pipeline(QualityPolicy.DEFAULT));

    assertThat(rows(registry, "bronze.orders", "read")).isEqualTo(3);
    assertThat(rows(registry, "bronze.orders", "written")).isEqualTo(2);
    assertThat(rows(registry, "bronze.orders", "dead-lettered")).isEqualTo(1);
    assertThat(rows(registry, SILVER, "read")).isEqualTo(2);
    assertThat(rows(registry, SILVER, "written")).isEqualTo(1);
    assertThat(rows(registry, SILVER, "quarantined")).isEqualTo(1);
    assertThat(rows(registry, SILVER, "duplicates")).isZero();
    assertThat(
            count(
                registry,
                "medallion.rows",
                "table",
                SILVER,
                "layer",
                "silver",
                "pipeline",
                "orders",
                "kind",
                "written"))
        .isEqualTo(1);
    assertThat(count(registry, "medallion.commits", "table", SILVER, "status", "committed"))
        .isEqualTo(1);
    assertThat(registry.get("medallion.quarantine.rate").tag("table", SILVER).gauge().value())
        .isEqualTo(0.5);
    assertThat(
            registry.get("medallion.quarantine.rate").tag("table", "bronze.orders").gauge().value())
        .isEqualTo(1.0 / 3);
    assertThat(registry.get("medallion.quality.score").tag("table", SILVER).gauge().value())
        .isEqualTo(
            result
                .report(TableId.of("silver", "orders"))
                .orElseThrow()
                .averageScore()
                .getAsDouble())
        .isBetween(0.0, 1.0);
    assertThat(registry.find("medallion.quality.score").tag("table", "gold.order_total").gauge())
        .isNull();
    Timer gold =
        registry
            .get("medallion.table.duration")
            .tags("table", "gold.order_total", "layer", "gold", "status", "committed")
            .timer();
    assertThat(gold.count()).isEqualTo(1);
    assertThat(count(registry, "medallion.runs", "pipeline", "orders", "status", "succeeded"))
        .isEqualTo(1);
    assertThat(
            count(registry, "medallion.runs", "pipeline", "bronze.orders", "status", "succeeded"))
        .isEqualTo(1);
    assertThat(registry.get("medallion.run.duration").tag("pipeline", "orders").timer().count())
        .isEqualTo(1);
  }

  @Test
  void meterRegistry_ingestionAndRun_eachIcebergCommitTimedWithItsAttempts() {
    MeterRegistry registry = new SimpleMeterRegistry();
    runtime(registry).ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}"));

    runtime.run(pipeline(QualityPolicy.DEFAULT));

    Timer bronze =
        registry
            .get("medallion.commit.duration")
            .tags("table", "bronze.orders", "operation", "append")
            .timer();
    assertThat(bronze.count()).isEqualTo(1);
    assertThat(registry.get("medallion.commit.duration").tag("table", SILVER).timers())
        .isNotEmpty();
    assertThat(
            registry
                .get("medallion.commit.attempts")
                .tags("table", "bronze.orders", "operation", "append")
                .summary()
                .max())
        .isEqualTo(1.0);
  }

  @Test
  void meterRegistry_secondRunNothingNew_countsAddUpAndGaugesKeepTheLastValue() {
    MeterRegistry registry = new SimpleMeterRegistry();
    runtime(registry).ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}", "{\"amount\":7}"));
    Pipeline pipeline = pipeline(QualityPolicy.DEFAULT);
    runtime.run(pipeline);

    runtime.run(pipeline);

    assertThat(rows(registry, SILVER, "read")).isEqualTo(2);
    assertThat(count(registry, "medallion.commits", "table", SILVER, "status", "nothing-new"))
        .isEqualTo(1);
    assertThat(registry.get("medallion.quarantine.rate").tag("table", SILVER).gauge().value())
        .isEqualTo(0.5);
    assertThat(registry.get("medallion.runs").tag("pipeline", "orders").counter().count())
        .isEqualTo(2);
  }

  @Test
  void meterRegistry_qualityGateFails_failedTableAndFailedRunAreCounted() {
    MeterRegistry registry = new SimpleMeterRegistry();
    runtime(registry).ingest(RAW, lines("{\"amount\":5}"));
    Pipeline gated = pipeline(QualityPolicy.minScore(0.9).below(PolicyAction.FAIL_BATCH));

    assertThatThrownBy(() -> runtime.run(gated)).isInstanceOf(QualityGateException.class);

    assertThat(
            count(
                registry,
                "medallion.commits",
                "table",
                SILVER,
                "layer",
                "silver",
                "status",
                "failed"))
        .isEqualTo(1);
    assertThat(count(registry, "medallion.runs", "pipeline", "orders", "status", "failed"))
        .isEqualTo(1);
    assertThat(
            registry
                .find("medallion.runs")
                .tags("pipeline", "orders", "status", "succeeded")
                .counter())
        .isNull();
    assertThat(registry.find("medallion.commits").tag("table", "gold.order_total").counter())
        .isNull();
  }

  @Test
  void meterRegistry_prometheus_scrapeShowsTheMetersInTheTextFormat() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    runtime(prometheus).ingest(RAW, lines("{\"id\":\"1\",\"amount\":5}", "{\"amount\":7}"));
    runtime.run(pipeline(QualityPolicy.DEFAULT));

    String scrape = prometheus.scrape();

    assertThat(scrape)
        .contains(
            "medallion_rows_total{kind=\"written\",layer=\"silver\",pipeline=\"orders\","
                + "table=\"silver.orders\"} 1.0",
            "medallion_rows_total{kind=\"quarantined\",layer=\"silver\",pipeline=\"orders\","
                + "table=\"silver.orders\"} 1.0",
            "medallion_commits_total{layer=\"gold\",pipeline=\"orders\",status=\"committed\","
                + "table=\"gold.order_total\"} 1.0",
            "medallion_quarantine_rate{layer=\"silver\",pipeline=\"orders\","
                + "table=\"silver.orders\"} 0.5",
            "medallion_runs_total{pipeline=\"orders\",status=\"succeeded\"} 1.0",
            "medallion_table_duration_seconds_count{layer=\"silver\",pipeline=\"orders\","
                + "status=\"committed\",table=\"silver.orders\"} 1",
            "# TYPE medallion_quality_score gauge");
  }
}
