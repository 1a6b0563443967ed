package io.medallion.samples;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.RunLogQuery;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Lists the run log: what each run did to each table, newest run first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the run log (medallion.runs), newest run first: one row per table per run with its"
          + " status (committed, nothing-new, quarantined-only, failed, ...), times, rows in,"
          + " written, quarantined and dead-lettered, mean quality score, the snapshots consumed"
          + " and produced, and the error of a failed run (secrets masked). A run that failed"
          + " before reaching any table has a row without a table.",
      "The table format shows the main columns; csv and json show every column."
    })
final class RunsCommand implements Callable<Integer> {
  /** Every column, as the run log table names them. */
  private static final List<String> COLUMNS =
      List.of(
          "run_id",
          "pipeline",
          "run_started_at",
          "table_name",
          "layer",
          "started_at",
          "ended_at",
          "status",
          "upstream_snapshot",
          "produced_snapshot",
          "rows_in",
          "rows_written",
          "rows_quarantined",
          "rows_dead_lettered",
          "mean_quality_score",
          "error_class",
          "error_message");

  /** The columns a terminal table has room for. */
  private static final List<String> TABLE_COLUMNS =
      List.of(
          "run_id",
          "table_name",
          "status",
          "started_at",
          "rows_in",
          "rows_written",
          "rows_quarantined",
          "rows_dead_lettered",
          "mean_quality_score",
          "error_message");

  @Spec CommandSpec spec;

  @Mixin LakeArguments lake = new LakeArguments();

  @Option(
      names = "--table",
      paramLabel = "TABLE",
      description = "Only this table's rows, e.g. silver.users (default: every table's).")
  String table;

  @Option(
      names = "--last",
      paramLabel = "N",
      defaultValue = "20",
      description = "Only the N newest runs; 0 lists every run (default: ${DEFAULT-VALUE}).")
  int last;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = ShowCommand.FormatConverter.class,
      description = "table, csv or json (one object per line) (default: ${DEFAULT-VALUE}).")
  RowOutput.Format format;

  @Override
  public Integer call() {
    RunLogQuery query = query();
    PrintWriter out = spec.commandLine().getOut();
    try (MedallionRuntime runtime = lake.open(spec, "no runs to list")) {
      List<RunLogEntry> entries = runtime.runs(query);
      List<String> columns = format == RowOutput.Format.TABLE ? TABLE_COLUMNS : COLUMNS;
      RowOutput output = RowOutput.of(format, out, columns);
      output.batch(entries.stream().map(entry -> row(entry, columns)).toList());
      output.finish();
      if (format == RowOutput.Format.TABLE) {
        out.printf(
            "%d rows of %d runs from %s%n",
            entries.size(),
            entries.stream().map(RunLogEntry::runId).distinct().count(),
            RunLogEntry.TABLE);
      }
    }
    out.flush();
    return 0;
  }

  private RunLogQuery query() {
    try {
      RunLogQuery.Builder builder = RunLogQuery.builder();
      if (table != null) {
        builder.table(TableId.parse(table));
      }
      if (last < 0) {
        throw new IllegalArgumentException("--last must be 0 (every run) or more, got " + last);
      }
      if (last > 0) {
        builder.last(last);
      }
      return builder.build();
    } catch (IllegalArgumentException | ValidationException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static Map<String, Object> row(RunLogEntry entry, List<String> columns) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("run_id", entry.runId());
    all.put("pipeline", entry.pipeline());
    all.put("run_started_at", entry.runStartedAt());
    all.put("table_name", entry.table().map(TableId::toString).orElse(null));
    all.put("layer", entry.layer().map(Layer::label).orElse(null));
    all.put("started_at", entry.startedAt());
    all.put("ended_at", entry.endedAt());
    all.put("status", entry.status().label());
    all.put("upstream_snapshot", boxed(entry.upstreamSnapshot()));
    all.put("produced_snapshot", boxed(entry.producedSnapshot()));
    all.put("rows_in", entry.rowsIn());
    all.put("rows_written", entry.rowsWritten());
    all.put("rows_quarantined", entry.rowsQuarantined());
    all.put("rows_dead_lettered", entry.rowsDeadLettered());
    OptionalDouble score = entry.meanQualityScore();
    all.put("mean_quality_score", score.isPresent() ? score.getAsDouble() : null);
    all.put("error_class", entry.errorClass().orElse(null));
    all.put("error_message", entry.errorMessage().orElse(null));
    Map<String, Object> shown = new LinkedHashMap<>();
    columns.forEach(column -> shown.put(column, all.get(column)));
    return shown;
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }
}
