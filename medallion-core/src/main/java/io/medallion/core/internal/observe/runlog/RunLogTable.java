package io.medallion.core.internal.observe.runlog;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.core.internal.iceberg.LogRows;
import io.medallion.core.internal.iceberg.TableLayout;
import io.medallion.core.internal.observe.LogTableHandle;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.TableStatus;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;

/**
 * The run log table {@code medallion.runs}: its layout, and its rows as {@link RunLogEntry}s. One
 * run's rows are appended in one commit and share its start day, so they land in one partition.
 *
 * <pre>{@code
 * RunLogTable.append(store.ensure(RunLogTable.LAYOUT), entries);
 * }</pre>
 */
public final class RunLogTable {
  static final String RUN_ID = "run_id";
  static final String PIPELINE = "pipeline";
  static final String RUN_STARTED_AT = "run_started_at";
  static final String TABLE_NAME = "table_name";
  static final String LAYER = "layer";
  static final String STARTED_AT = "started_at";
  static final String ENDED_AT = "ended_at";
  static final String STATUS = "status";
  static final String UPSTREAM_SNAPSHOT = "upstream_snapshot";
  static final String PRODUCED_SNAPSHOT = "produced_snapshot";
  static final String ROWS_IN = "rows_in";
  static final String ROWS_WRITTEN = "rows_written";
  static final String ROWS_QUARANTINED = "rows_quarantined";
  static final String ROWS_DEAD_LETTERED = "rows_dead_lettered";
  static final String MEAN_QUALITY_SCORE = "mean_quality_score";
  static final String ERROR_CLASS = "error_class";
  static final String ERROR_MESSAGE = "error_message";

  /** The columns, in order. */
  public static final List<Column> COLUMNS =
      List.of(
          Column.of(RUN_ID, ColumnType.STRING).withDoc("Run id"),
          Column.of(PIPELINE, ColumnType.STRING)
              .withDoc("Pipeline name, or the bronze table of an ingestion on its own"),
          Column.of(RUN_STARTED_AT, ColumnType.TIMESTAMP_TZ).withDoc("When the run started"),
          Column.of(TABLE_NAME, ColumnType.STRING)
              .withDoc("Table, null for a run that failed before it reached any table"),
          Column.of(LAYER, ColumnType.STRING).withDoc("Layer of the table"),
          Column.of(STARTED_AT, ColumnType.TIMESTAMP_TZ)
              .withDoc("When the table's processing started"),
          Column.of(ENDED_AT, ColumnType.TIMESTAMP_TZ).withDoc("When it ended"),
          Column.of(STATUS, ColumnType.STRING)
              .withDoc(
                  "committed, nothing-new, quarantined-only, failed, audit-pending, published"),
          Column.of(UPSTREAM_SNAPSHOT, ColumnType.LONG)
              .withDoc("Upstream snapshot the table's newest commit consumed"),
          Column.of(PRODUCED_SNAPSHOT, ColumnType.LONG).withDoc("Snapshot the run committed"),
          Column.of(ROWS_IN, ColumnType.LONG).withDoc("Upstream rows or input records read"),
          Column.of(ROWS_WRITTEN, ColumnType.LONG).withDoc("Rows written to the table"),
          Column.of(ROWS_QUARANTINED, ColumnType.LONG).withDoc("Rows sent to quarantine"),
          Column.of(ROWS_DEAD_LETTERED, ColumnType.LONG)
              .withDoc("Input records sent to the dead-letter table"),
          Column.of(MEAN_QUALITY_SCORE, ColumnType.DOUBLE)
              .withDoc("Average quality score of the rows scored"),
          Column.of(ERROR_CLASS, ColumnType.STRING).withDoc("Class of the failure"),
          Column.of(ERROR_MESSAGE, ColumnType.STRING)
              .withDoc("Message of the failure, secrets masked"));

  /** The table's layout: partitioned by the day runs started. */
  public static final TableLayout LAYOUT =
      LogTableHandle.layout(
          RunLogEntry.TABLE,
          COLUMNS,
          RUN_STARTED_AT,
          "run_log",
          "One row per table per run of every medallion runtime logging to this catalog");

  private RunLogTable() {}

  /**
   * Appends one run's rows in one commit, retried when other runtimes committed first.
   *
   * @param table the run log table
   * @param entries the run's rows
   */
  public static void append(Table table, List<RunLogEntry> entries) {
    LogRows.append(table, entries, RunLogTable::fill, Map.of());
  }

  /**
   * Reads the rows, of one table when given, unordered.
   *
   * @param table the run log table
   * @param of the table whose rows to read, or null for every row
   * @param each receives every row
   */
  static void scan(Table table, TableId of, Consumer<RunLogEntry> each) {
    LogRows.scan(table, TABLE_NAME, of, RunLogTable::entry, each);
  }

  private static void fill(RunLogEntry entry, Record row) {
    row.setField(RUN_ID, entry.runId());
    row.setField(PIPELINE, entry.pipeline());
    row.setField(RUN_STARTED_AT, time(entry.runStartedAt()));
    row.setField(TABLE_NAME, entry.table().map(TableId::toString).orElse(null));
    row.setField(LAYER, entry.layer().map(Layer::label).orElse(null));
    row.setField(STARTED_AT, time(entry.startedAt()));
    row.setField(ENDED_AT, time(entry.endedAt()));
    row.setField(STATUS, entry.status().label());
    row.setField(UPSTREAM_SNAPSHOT, boxed(entry.upstreamSnapshot()));
    row.setField(PRODUCED_SNAPSHOT, boxed(entry.producedSnapshot()));
    row.setField(ROWS_IN, entry.rowsIn());
    row.setField(ROWS_WRITTEN, entry.rowsWritten());
    row.setField(ROWS_QUARANTINED, entry.rowsQuarantined());
    row.setField(ROWS_DEAD_LETTERED, entry.rowsDeadLettered());
    OptionalDouble score = entry.meanQualityScore();
    row.setField(MEAN_QUALITY_SCORE, score.isPresent() ? score.getAsDouble() : null);
    row.setField(ERROR_CLASS, entry.errorClass().orElse(null));
    row.setField(ERROR_MESSAGE, entry.errorMessage().orElse(null));
  }

  private static RunLogEntry entry(Record row) {
    String table = (String) row.getField(TABLE_NAME);
    String layer = (String) row.getField(LAYER);
    Double score = (Double) row.getField(MEAN_QUALITY_SCORE);
    return new RunLogEntry(
        (String) row.getField(RUN_ID),
        (String) row.getField(PIPELINE),
        instant(row, RUN_STARTED_AT),
        Optional.ofNullable(table).map(TableId::parse),
        Optional.ofNullable(layer).map(label -> Layer.valueOf(label.toUpperCase(Locale.ROOT))),
        instant(row, STARTED_AT),
        instant(row, ENDED_AT),
        LogRows.labelled(RunLogEntry.TABLE, row, STATUS, TableStatus.values(), TableStatus::label),
        optional((Long) row.getField(UPSTREAM_SNAPSHOT)),
        optional((Long) row.getField(PRODUCED_SNAPSHOT)),
        count(row, ROWS_IN),
        count(row, ROWS_WRITTEN),
        count(row, ROWS_QUARANTINED),
        count(row, ROWS_DEAD_LETTERED),
        score == null ? OptionalDouble.empty() : OptionalDouble.of(score),
        Optional.ofNullable((String) row.getField(ERROR_CLASS)),
        Optional.ofNullable((String) row.getField(ERROR_MESSAGE)));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(Record row, String column) {
    return ((OffsetDateTime) row.getField(column)).toInstant();
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static long count(Record row, String column) {
    Long value = (Long) row.getField(column);
    return value == null ? 0 : value;
  }
}
