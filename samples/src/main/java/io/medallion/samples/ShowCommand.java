package io.medallion.samples;

import io.medallion.ValidationException;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.read.ArrowBatches;
import io.medallion.core.read.TableRead;
import io.medallion.read.AsOf;
import io.medallion.read.ReadRequest;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Prints rows of a lake table through the read API: columns, a filter, a point in time. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Prints rows of a table of the lake, read as Arrow batches: the columns asked for, the rows"
          + " --where selects (partitions and file statistics skip files that cannot match), as"
          + " of a snapshot, a time, a branch or a tag.",
      "--where grammar: column = 'text' | column != 42 | column < -1.5 (also <=, >, >=, <>),"
          + " column in ('a', 'b'), column not in (...), column is [not] null, date '2024-01-31',"
          + " timestamp '2024-01-31T12:00:00Z', true, false, combined with and, or, not and"
          + " parentheses."
    })
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TableArguments arguments = new TableArguments();

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "COLUMN",
      description = "Columns to print, comma-separated (default: all).")
  List<String> columns = List.of();

  @Option(names = "--where", paramLabel = "CONDITION", description = "Rows to print.")
  String where;

  @Option(
      names = "--as-of",
      paramLabel = "SNAPSHOT|TIMESTAMP|REF",
      description =
          "A snapshot id (see history), a time (2024-01-31T12:00:00Z or 2024-01-31) or a branch"
              + " or tag name (default: the current snapshot).")
  String asOf;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Print at most N rows; 0 prints every row (default: ${DEFAULT-VALUE}).")
  long limit;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = FormatConverter.class,
      description = "table, csv or json (one object per line) (default: ${DEFAULT-VALUE}).")
  RowOutput.Format format;

  @Override
  public Integer call() {
    ReadRequest request = request();
    PrintWriter out = spec.commandLine().getOut();
    try (MedallionRuntime runtime = arguments.open(spec, "nothing to show")) {
      TableRead read = resolve(runtime, request);
      RowOutput output = RowOutput.of(format, out, read.columns());
      long rows = 0;
      try (ArrowBatches batches = read.arrow()) {
        while (batches.next()) {
          output.batch(batches.batchRows());
          rows += batches.root().getRowCount();
        }
        output.finish();
        if (format == RowOutput.Format.TABLE) {
          out.printf(
              "%d rows of %s at snapshot %s (%d data files read)%n",
              rows,
              request.table(),
              read.snapshotId().isPresent() ? read.snapshotId().getAsLong() : "none",
              batches.filesPlanned());
        }
      }
    }
    out.flush();
    return 0;
  }

  private ReadRequest request() {
    ReadRequest.Builder builder = ReadRequest.builder(arguments.tableId(spec)).columns(columns);
    try {
      if (where != null) {
        builder.filter(WhereParser.parse(where));
      }
      if (asOf != null) {
        builder.asOf(asOf(asOf));
      }
      if (limit < 0) {
        throw new IllegalArgumentException("--limit must be 0 (every row) or more, got " + limit);
      }
      if (limit > 0) {
        builder.limit(limit);
      }
      return builder.build();
    } catch (IllegalArgumentException | ValidationException e) {
      throw new ParameterException(spec.commandLine(), oneLine(e));
    }
  }

  /** Resolves the read; a column, snapshot or literal the table does not have is a usage error. */
  private TableRead resolve(MedallionRuntime runtime, ReadRequest request) {
    try {
      return runtime.read(request);
    } catch (ValidationException e) {
      throw new ParameterException(spec.commandLine(), oneLine(e));
    }
  }

  /** A snapshot id when it is a number, a time when it parses as one, else a branch or tag. */
  static AsOf asOf(String text) {
    if (text.matches("-?[0-9]+")) {
      return AsOf.snapshot(Long.parseLong(text));
    }
    try {
      return AsOf.time(WhereParser.instant(text));
    } catch (DateTimeException notATime) {
      return AsOf.ref(text);
    }
  }

  private static String oneLine(RuntimeException e) {
    return e instanceof ValidationException invalid
        ? String.join("; ", invalid.problems())
        : e.getMessage();
  }

  /** Reads table, csv or json, case-insensitively. */
  static final class FormatConverter implements ITypeConverter<RowOutput.Format> {
    @Override
    public RowOutput.Format convert(String value) {
      for (RowOutput.Format format : RowOutput.Format.values()) {
        if (format.name().equalsIgnoreCase(value)) {
          return format;
        }
      }
      throw new TypeConversionException("'" + value + "' is not a format: give table, csv or json");
    }
  }
}
