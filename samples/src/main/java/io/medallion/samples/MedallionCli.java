package io.medallion.samples;

import io.medallion.samples.bench.BenchCommand;
import io.medallion.samples.bench.BenchWorkerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The samples' command-line program: {@code java -jar medallion-samples.jar <command>}. */
@Command(
    name = "medallion-samples",
    mixinStandardHelpOptions = true,
    version = "medallion samples 0.1.0-SNAPSHOT",
    description = "Sample medallion pipelines on an embedded Iceberg lakehouse.",
    subcommands = {
      RandomUserCommand.class,
      RegisterCommand.class,
      MaintainCommand.class,
      QualityBenchCommand.class,
      BenchCommand.class,
      BenchWorkerCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MedallionCli {

  private MedallionCli() {}

  /**
   * Runs the program.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Returns the configured command line, for tests and embedding.
   *
   * @return the picocli command line
   */
  public static CommandLine commandLine() {
    return new CommandLine(new MedallionCli());
  }
}
