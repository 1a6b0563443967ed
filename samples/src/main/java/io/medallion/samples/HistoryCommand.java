package io.medallion.samples;

import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import java.io.PrintWriter;
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
          + " added, deleted and live, and medallion's markers (the upstream snapshot each"
          + " commit consumed, batch and commit ids, source parts loaded). Any snapshot id listed"
          + " can be given to show --as-of."
    })
final class HistoryCommand implements Callable<Integer> {
  private static final String MEDALLION = "medallion.";
  private static final String LOADED = "medallion.loaded.";

  @Spec CommandSpec spec;

  @Mixin TableArguments arguments = new TableArguments();

  @Override
  public Integer call() {
    TableId id = arguments.tableId(spec);
    PrintWriter out = spec.commandLine().getOut();
    try (MedallionRuntime runtime = arguments.open(spec, "no history to list")) {
      if (!runtime.exists(id)) {
        throw new CliFailure(
            ExitCode.RUN_FAILED,
            id + " does not exist in " + runtime.catalogConfig().label() + "; check TABLE");
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
          "%d%s  %s  %-9s  +%s -%d rows, %d live%n",
          snapshot.snapshotId(),
          current != null && current.snapshotId() == snapshot.snapshotId() ? " (current)" : "",
          Instant.ofEpochMilli(snapshot.timestampMillis()),
          snapshot.operation(),
          summary.getOrDefault("added-records", "0"),
          deleted(summary),
          count(summary, "total-records") - count(summary, "total-position-deletes"));
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
    return count(summary, "deleted-records") + count(summary, "added-position-deletes");
  }

  private static long count(Map<String, String> summary, String key) {
    return Long.parseLong(summary.getOrDefault(key, "0"));
  }
}
