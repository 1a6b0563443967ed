package io.medallion.core.internal.quality;

import io.medallion.MedallionException;
import io.medallion.core.internal.iceberg.LogRows;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * A silver table's quality history: one Iceberg row per metric per run (long format, so new rules
 * add rows, not columns), appended after each run and read back for thresholds, anomaly checks and
 * report trends.
 */
public final class MetricsTable {
  /** Column: the run's id. */
  public static final String RUN_ID = "run_id";

  /** Column: when the run happened. */
  public static final String RUN_AT = "run_at";

  /** Column: the metric's name. */
  public static final String METRIC = "metric";

  /** Column: the row or dataset rule the metric is about, or null. */
  public static final String RULE = "rule";

  /** Column: the value. */
  public static final String VALUE = "value";

  /** The columns of every metrics table. */
  public static final List<Column> COLUMNS =
      List.of(
          Column.of(RUN_ID, ColumnType.STRING).withDoc("Run id"),
          Column.of(RUN_AT, ColumnType.TIMESTAMP_TZ).withDoc("When the run happened"),
          Column.of(METRIC, ColumnType.STRING).withDoc("Metric name, e.g. pass_rate"),
          Column.of(RULE, ColumnType.STRING).withDoc("Rule the metric is about, if any"),
          Column.of(VALUE, ColumnType.DOUBLE).withDoc("Metric value"));

  private final Table table;

  private MetricsTable(Table table) {
    this.table = table;
  }

  /**
   * Wraps a metrics table.
   *
   * @param table the metrics table, with {@link #COLUMNS}
   * @return the metrics table
   */
  public static MetricsTable open(Table table) {
    return new MetricsTable(table);
  }

  /**
   * One past run's metrics.
   *
   * @param runId the run id
   * @param runAt when it ran
   * @param values metric to value
   */
  public record Run(String runId, OffsetDateTime runAt, Map<MetricKey, Double> values) {}

  /**
   * Appends one run's metrics in one commit.
   *
   * @param runId the run id
   * @param runAt when it ran
   * @param values the metrics; each is one row, its key in the {@code metric} and {@code rule}
   *     columns
   * @param silverSnapshot the silver snapshot the run committed, recorded in the summary
   */
  public void append(
      String runId, OffsetDateTime runAt, Map<MetricKey, Double> values, long silverSnapshot) {
    LogRows.append(
        table,
        values.entrySet(),
        (value, row) -> {
          row.setField(RUN_ID, runId);
          row.setField(RUN_AT, runAt);
          row.setField(METRIC, value.getKey().metric());
          row.setField(RULE, value.getKey().rule());
          row.setField(VALUE, value.getValue());
        },
        Map.of(TableProperties.consumedKey("silver-snapshot"), Long.toString(silverSnapshot)));
  }

  /**
   * Reads the past runs, oldest first.
   *
   * @return the runs
   */
  public List<Run> history() {
    table.refresh();
    if (table.currentSnapshot() == null) {
      return List.of();
    }
    Map<String, Run> runs = new LinkedHashMap<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
      for (Record row : rows) {
        String runId = (String) row.getField(RUN_ID);
        Run run =
            runs.computeIfAbsent(
                runId,
                id -> new Run(id, (OffsetDateTime) row.getField(RUN_AT), new LinkedHashMap<>()));
        run.values()
            .put(
                new MetricKey((String) row.getField(METRIC), (String) row.getField(RULE)),
                (Double) row.getField(VALUE));
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + table.name() + ": " + e.getMessage(), e);
    }
    List<Run> ordered = new ArrayList<>(runs.values());
    ordered.sort(Comparator.comparing(Run::runAt).thenComparing(Run::runId));
    return ordered;
  }

  /**
   * Returns a metric's values over past runs, oldest first, skipping runs without it.
   *
   * @param history the runs
   * @param key the metric key
   * @return the values
   */
  public static List<Double> series(List<Run> history, MetricKey key) {
    return history.stream().map(r -> r.values().get(key)).filter(Objects::nonNull).toList();
  }
}
