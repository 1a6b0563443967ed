package io.medallion.samples;

import io.medallion.catalog.CatalogConfig;
import io.medallion.core.MedallionRuntime;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * An existing lake and its catalog, as the commands that read one ({@code show}, {@code runs}) take
 * them.
 */
final class LakeArguments {
  @Option(
      names = "--lake",
      defaultValue = "lakehouse",
      description = "Lake folder (default: ${DEFAULT-VALUE}).")
  Path lake;

  @Mixin CatalogOptions catalog = new CatalogOptions();

  /**
   * Opens the lake, which must exist.
   *
   * @param spec the command, for catalog option errors
   * @param consequence what the command cannot do without a lake, e.g. "nothing to show"
   * @return the open runtime
   */
  MedallionRuntime open(CommandSpec spec, String consequence) {
    CatalogConfig config = catalog.toConfig(spec, lake);
    Preflight.existingLake(lake, config, consequence);
    return Preflight.open(MedallionRuntime.builder().lake(lake).catalog(config));
  }
}
