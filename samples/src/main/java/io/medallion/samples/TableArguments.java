package io.medallion.samples;

import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** The lake, its catalog and one table of it, as {@code show} and {@code history} take them. */
final class TableArguments {
  @Mixin LakeArguments lake = new LakeArguments();

  @Parameters(index = "0", paramLabel = "TABLE", description = "The table, e.g. silver.users.")
  String table;

  /**
   * Parses the table, as a usage error when it is not {@code namespace.name}.
   *
   * @param spec the command, for the error
   * @return the id
   */
  TableId tableId(CommandSpec spec) {
    try {
      return TableId.parse(table);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "TABLE: " + e.getMessage());
    }
  }

  /**
   * Opens the lake, which must exist.
   *
   * @param spec the command, for catalog option errors
   * @param consequence what the command cannot do without a lake, e.g. "nothing to show"
   * @return the open runtime
   */
  MedallionRuntime open(CommandSpec spec, String consequence) {
    return lake.open(spec, consequence);
  }
}
