package io.medallion.samples;

import io.medallion.catalog.CatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.maintenance.MaintenanceOptions;
import io.medallion.maintenance.MaintenanceReport;
import io.medallion.maintenance.TableMaintenance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Maintains the RandomUser lake: merges small files, expires snapshots, removes orphan files. */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description = {
      "Maintains the RandomUser lake's tables: merges small data files, expires old snapshots and"
          + " removes files that no snapshot references (left by writers that failed before their"
          + " commit). Snapshots that a downstream table resumes from are always kept.",
      "--dry-run lists what would be done, including every orphan file, and changes nothing."
    })
final class MaintainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--lake",
      defaultValue = "lakehouse",
      description = "Lake folder (default: ${DEFAULT-VALUE}).")
  Path lake;

  @Mixin CatalogOptions catalog = new CatalogOptions();

  @Option(
      names = "--snapshot-age",
      paramLabel = "AGE",
      defaultValue = "7d",
      converter = AgeConverter.class,
      description =
          "Expire snapshots older than this, e.g. 7d, 12h, 0 (default: ${DEFAULT-VALUE}).")
  Duration snapshotAge;

  @Option(
      names = "--retain-last",
      paramLabel = "N",
      defaultValue = "5",
      description = "Always keep each table's newest N snapshots (default: ${DEFAULT-VALUE}).")
  int retainLast;

  @Option(
      names = "--orphan-age",
      paramLabel = "AGE",
      defaultValue = "3d",
      converter = AgeConverter.class,
      description =
          "Remove unreferenced files older than this; younger ones may belong to a commit in"
              + " progress (default: ${DEFAULT-VALUE}).")
  Duration orphanAge;

  @Option(
      names = "--small-file-mib",
      paramLabel = "MIB",
      defaultValue = "32",
      description =
          "Merge data files under this size; 0 merges nothing (default: ${DEFAULT-VALUE}).")
  long smallFileMib;

  @Option(names = "--dry-run", description = "List what would be done; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    MaintenanceOptions options =
        MaintenanceOptions.builder()
            .expireSnapshotsOlderThan(snapshotAge)
            .retainLastSnapshots(retainLast)
            .orphanFilesOlderThan(orphanAge)
            .smallFileBytes(smallFileMib * 1024 * 1024)
            .dryRun(dryRun)
            .build();
    PrintWriter out = spec.commandLine().getOut();
    CatalogConfig config = catalog.toConfig(spec, lake);
    Preflight.existingLake(lake, config, "nothing to maintain");
    try (MedallionRuntime runtime =
        Preflight.open(MedallionRuntime.builder().lake(lake).catalog(config))) {
      MaintenanceReport report = runtime.maintain(RandomUserPipeline.PIPELINE, options);
      out.println(dryRun ? "Dry run: nothing was changed." : "Maintained " + lake + ".");
      for (TableMaintenance table : report.tables()) {
        out.printf(
            "%-40s %d small files merged into %d, %d snapshots expired (%d kept for downstream),"
                + " %d orphan files %s%n",
            table.table(),
            table.filesCompacted(),
            table.filesWritten(),
            table.snapshotsExpired().size(),
            table.snapshotsPinned(),
            table.orphanFiles().size(),
            dryRun ? "found" : "removed");
        table.orphanFiles().forEach(file -> out.println("  orphan: " + file));
      }
    }
    out.flush();
    return 0;
  }

  /**
   * Reads an age as a number and a unit ({@code 7d}, {@code 12h}, {@code 30m}, {@code 10s}) or 0.
   */
  static final class AgeConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      if (text.equals("0")) {
        return Duration.ZERO;
      }
      if (text.length() < 2) {
        throw new TypeConversionException(invalid(value));
      }
      long amount;
      try {
        amount = Long.parseLong(text.substring(0, text.length() - 1));
      } catch (NumberFormatException e) {
        throw new TypeConversionException(invalid(value));
      }
      switch (text.charAt(text.length() - 1)) {
        case 'd':
          return Duration.ofDays(amount);
        case 'h':
          return Duration.ofHours(amount);
        case 'm':
          return Duration.ofMinutes(amount);
        case 's':
          return Duration.ofSeconds(amount);
        default:
          throw new TypeConversionException(invalid(value));
      }
    }

    private static String invalid(String value) {
      return "'" + value + "' is not an age: give a number and a unit d, h, m or s (e.g. 7d), or 0";
    }
  }
}
