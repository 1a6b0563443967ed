package io.medallion.core.internal.alert;

import io.medallion.TableId;
import io.medallion.core.internal.iceberg.LogRows;
import io.medallion.core.internal.iceberg.TableLayout;
import io.medallion.core.internal.observe.LogTableHandle;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertKind;
import io.medallion.quality.Severity;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;

/**
 * The alert log table {@code medallion.alerts}: every alert a runtime raised, one row each, so a
 * dashboard or a report can list them next to the run log. One run's alerts are appended in one
 * commit.
 *
 * <pre>{@code
 * AlertLogTable.append(store.ensure(AlertLogTable.LAYOUT), alerts);
 * }</pre>
 */
public final class AlertLogTable {
  static final String RUN_ID = "run_id";
  static final String PIPELINE = "pipeline";
  static final String TABLE_NAME = "table_name";
  static final String KIND = "kind";
  static final String SEVERITY = "severity";
  static final String SUMMARY = "summary";
  static final String DETAILS = "details";
  static final String REPORT = "report";
  static final String RAISED_AT = "raised_at";

  /** The columns, in order. */
  public static final List<Column> COLUMNS =
      List.of(
          Column.of(RUN_ID, ColumnType.STRING).withDoc("Run that raised the alert"),
          Column.of(PIPELINE, ColumnType.STRING)
              .withDoc("Pipeline name, or the bronze table of an ingestion on its own"),
          Column.of(TABLE_NAME, ColumnType.STRING)
              .withDoc("Table concerned, null for a run that failed before it reached any table"),
          Column.of(KIND, ColumnType.STRING)
              .withDoc(
                  "quality-gate, quarantine-rate, dataset-rule, anomaly, run-failed, stream-lag"),
          Column.of(SEVERITY, ColumnType.STRING).withDoc("WARNING or CRITICAL"),
          Column.of(SUMMARY, ColumnType.STRING).withDoc("One line saying what happened"),
          Column.of(DETAILS, ColumnType.list(ColumnType.STRING))
              .withDoc("Failed rules with their measurements, sample rows, causes"),
          Column.of(REPORT, ColumnType.STRING).withDoc("Path or link of the quality report"),
          Column.of(RAISED_AT, ColumnType.TIMESTAMP_TZ).withDoc("When the alert was raised"));

  /** The table's layout: partitioned by the day alerts were raised. */
  public static final TableLayout LAYOUT =
      LogTableHandle.layout(
          Alert.TABLE,
          COLUMNS,
          RAISED_AT,
          "alert_log",
          "One row per alert raised by a medallion runtime logging to this catalog");

  private AlertLogTable() {}

  /**
   * Appends alerts in one commit, retried when other runtimes committed first.
   *
   * @param table the alert log table
   * @param alerts the alerts
   */
  public static void append(Table table, List<Alert> alerts) {
    LogRows.append(table, alerts, AlertLogTable::fill, Map.of());
  }

  /**
   * Reads the alerts, of one table when given, unordered.
   *
   * @param table the alert log table
   * @param of the table whose alerts to read, or null for every alert
   * @param each receives every alert
   */
  static void scan(Table table, TableId of, Consumer<Alert> each) {
    LogRows.scan(table, TABLE_NAME, of, AlertLogTable::alert, each);
  }

  private static void fill(Alert alert, Record row) {
    row.setField(RUN_ID, alert.runId());
    row.setField(PIPELINE, alert.pipeline());
    row.setField(TABLE_NAME, alert.table().map(TableId::toString).orElse(null));
    row.setField(KIND, alert.kind().label());
    row.setField(SEVERITY, alert.severity().name());
    row.setField(SUMMARY, alert.summary());
    row.setField(DETAILS, alert.details());
    row.setField(REPORT, alert.report().orElse(null));
    row.setField(RAISED_AT, alert.at().atOffset(ZoneOffset.UTC));
  }

  private static Alert alert(Record row) {
    String table = (String) row.getField(TABLE_NAME);
    @SuppressWarnings("unchecked")
    List<String> details = (List<String>) row.getField(DETAILS);
    return new Alert(
        (String) row.getField(RUN_ID),
        (String) row.getField(PIPELINE),
        Optional.ofNullable(table).map(TableId::parse),
        LogRows.labelled(Alert.TABLE, row, KIND, AlertKind.values(), AlertKind::label),
        LogRows.labelled(Alert.TABLE, row, SEVERITY, Severity.values(), Severity::name),
        (String) row.getField(SUMMARY),
        details == null ? List.of() : details,
        Optional.ofNullable((String) row.getField(REPORT)),
        ((OffsetDateTime) row.getField(RAISED_AT)).toInstant());
  }
}
