package io.medallion.samples;

import io.medallion.TableId;
import io.medallion.catalog.CatalogConfig;
import io.medallion.core.MedallionRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Lists a table's snapshots, oldest first, with their row counts and medallion's markers: what each
 * commit consumed upstream, its batch and commit ids, how many source parts it loaded.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the snapshots of a table of the lake, oldest first: id, commit time, operation, rows"
          + " added, deleted and in total, and medallion's markers (the upstream snapshot each"
          + " commit consumed, batch and commit ids, source parts loaded). Any snapshot id listed"
          + " can be given to show --as-of."
    })
final class HistoryCommand implements Callable<Integer> {
  private static final String MEDALLION = "medallion.";
  private static final String LOADED = "medallion.loaded.";

  @Spec CommandSpec spec;

  @Option(
      names = "--lake",
      defaultValue = "lakehouse",
      description = "Lake folder (default: ${DEFAULT-VALUE}).")
  Path lake;

  @Mixin CatalogOptions catalog = new CatalogOptions();

  @Parameters(index = "0", paramLabel = "TABLE", description = "The table, e.g. silver.users.")
  String table;

  @Override
  public Integer call() {
    TableId id = ShowCommand.tableId(spec, table);
    CatalogConfig config = catalog.toConfig(spec, lake);
    Preflight.existingLake(lake, config, "no history to list");
    PrintWriter out = spec.commandLine().getOut();
    try (MedallionRuntime runtime =
        Preflight.open(MedallionRuntime.builder().lake(lake).catalog(config))) {
      if (!runtime.exists(id)) {
        throw new CliFailure(
            ExitCode.RUN_FAILED, id + " does not exist in " + config.label() + "; check TABLE");
      }
      print(out, runtime.table(id));
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, Table table) {
    List<Snapshot> snapshots = new ArrayList<>();
    table.snapshots().forEach(snapshots::add);
    snapshots.sort(Comparator.comparingLong(Snapshot::sequenceNumber));
    Snapshot current = table.currentSnapshot();
    for (Snapshot snapshot : snapshots) {
      Map<String, String> summary = snapshot.summary();
      out.printf(
          "%d%s  %s  %-9s  +%s -%s rows, %s total%n",
          snapshot.snapshotId(),
          current != null && current.snapshotId() == snapshot.snapshotId() ? " (current)" : "",
          Instant.ofEpochMilli(snapshot.timestampMillis()),
          snapshot.operation(),
          summary.getOrDefault("added-records", "0"),
          deleted(summary),
          summary.getOrDefault("total-records", "?"));
      long loaded = 0;
      for (Map.Entry<String, String> entry : summary.entrySet()) {
        if (entry.getKey().startsWith(LOADED)) {
          loaded += entry.getKey().endsWith(".source") ? 1 : 0;
        } else if (entry.getKey().startsWith(MEDALLION)) {
          out.printf("    %s = %s%n", entry.getKey(), entry.getValue());
        }
      }
      if (loaded > 0) {
        out.printf("    %d source parts loaded%n", loaded);
      }
    }
    out.printf("%d snapshots of %s%n", snapshots.size(), table.name());
  }

  /** Rows removed: deleted outright, plus those positional deletes mark. */
  private static long deleted(Map<String, String> summary) {
    return Long.parseLong(summary.getOrDefault("deleted-records", "0"))
        + Long.parseLong(summary.getOrDefault("added-position-deletes", "0"));
  }
}
