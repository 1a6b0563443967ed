package io.medallion.samples;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.RunLogQuery;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Function;
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
  /** Every column, named and ordered as in the run log table, with its value in an entry. */
  private static final Map<String, Function<RunLogEntry, Object>> FIELDS = fields();

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
      List<String> columns =
          format == RowOutput.Format.TABLE ? TABLE_COLUMNS : List.copyOf(FIELDS.keySet());
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

  private static Map<String, Function<RunLogEntry, Object>> fields() {
    Map<String, Function<RunLogEntry, Object>> fields = new LinkedHashMap<>();
    fields.put("run_id", RunLogEntry::runId);
    fields.put("pipeline", RunLogEntry::pipeline);
    fields.put("run_started_at", RunLogEntry::runStartedAt);
    fields.put("table_name", entry -> entry.table().map(TableId::toString).orElse(null));
    fields.put("layer", entry -> entry.layer().map(Layer::label).orElse(null));
    fields.put("started_at", RunLogEntry::startedAt);
    fields.put("ended_at", RunLogEntry::endedAt);
    fields.put("status", entry -> entry.status().label());
    fields.put("upstream_snapshot", entry -> boxed(entry.upstreamSnapshot()));
    fields.put("produced_snapshot", entry -> boxed(entry.producedSnapshot()));
    fields.put("rows_in", RunLogEntry::rowsIn);
    fields.put("rows_written", RunLogEntry::rowsWritten);
    fields.put("rows_quarantined", RunLogEntry::rowsQuarantined);
    fields.put("rows_dead_lettered", RunLogEntry::rowsDeadLettered);
    fields.put(
        "mean_quality_score",
        entry -> {
          OptionalDouble score = entry.meanQualityScore();
          return score.isPresent() ? score.getAsDouble() : null;
        });
    fields.put("error_class", entry -> entry.errorClass().orElse(null));
    fields.put("error_message", entry -> entry.errorMessage().orElse(null));
    return Collections.unmodifiableMap(fields);
  }

  private static Map<String, Object> row(RunLogEntry entry, List<String> columns) {
    Map<String, Object> shown = new LinkedHashMap<>();
    columns.forEach(column -> shown.put(column, FIELDS.get(column).apply(entry)));
    return shown;
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }
}
