package io.medallion.samples;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.RegistrationPlan;
import io.medallion.core.MedallionRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Publishes the RandomUser lake's tables in another catalog, without copying any data. */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes the RandomUser lake's tables in another catalog (AWS Glue, a REST catalog, a"
          + " JDBC catalog) by registering their current metadata: no data is copied.",
      "Running it again points each entry at the newest metadata; --dry-run only prints the plan."
    })
final class RegisterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--lake",
      defaultValue = "lakehouse",
      description = "Lake folder of the source (default: ${DEFAULT-VALUE}).")
  Path lake;

  @Mixin CatalogOptions source = new CatalogOptions();

  @Option(
      names = "--to",
      paramLabel = "TYPE",
      required = true,
      description = "Target catalog type: glue, rest or jdbc.")
  String targetType;

  @Option(names = "--to-uri", paramLabel = "URI", description = "Target JDBC URL or REST URI.")
  String targetUri;

  @Option(
      names = "--to-warehouse",
      paramLabel = "LOCATION",
      description = "Target warehouse (required for glue and jdbc).")
  String targetWarehouse;

  @Option(
      names = "--to-config",
      paramLabel = "FILE",
      description = "A properties file of target catalog settings, as --catalog-config.")
  Path targetSettingsFile;

  @Option(
      names = {"-T", "--to-property"},
      paramLabel = "KEY=VALUE",
      description = "One target catalog setting, e.g. -T glue.region=eu-west-1; repeatable.")
  Map<String, String> targetSettings = new LinkedHashMap<>();

  @Option(names = "--dry-run", description = "Print what would change; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CatalogConfig target =
        CatalogOptions.read(
            spec, lake, targetType, targetUri, targetWarehouse, targetSettingsFile, targetSettings);
    CatalogConfig sourceCatalog = source.toConfig(spec, lake);
    Preflight.writableLake(lake);
    Preflight.existingLake(lake, sourceCatalog, "nothing to publish");
    try (MedallionRuntime runtime =
        Preflight.open(MedallionRuntime.builder().lake(lake).catalog(sourceCatalog))) {
      RegistrationPlan plan =
          dryRun
              ? runtime.planPublish(RandomUserPipeline.PIPELINE, target)
              : runtime.publish(RandomUserPipeline.PIPELINE, target);
      out.println((dryRun ? "Dry run. " : "") + plan.describe());
    }
    out.flush();
    return 0;
  }
}
