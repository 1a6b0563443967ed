package io.medallion.samples;

import io.medallion.samples.bench.BenchCommand;
import io.medallion.samples.bench.BenchWorkerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The samples' command-line program: {@code java -jar medallion-samples.jar <command>}. A failure
 * prints one line on standard error and exits with an {@link ExitCode}; {@code --verbose} adds the
 * stack trace.
 */
@Command(
    name = "medallion-samples",
    mixinStandardHelpOptions = true,
    version = "medallion samples 0.1.0-SNAPSHOT",
    description = "Sample medallion pipelines on an embedded Iceberg lakehouse.",
    subcommands = {
      RandomUserCommand.class,
      ProduceCommand.class,
      StreamCommand.class,
      KafkaOffsetsCommand.class,
      RegisterCommand.class,
      MaintainCommand.class,
      SnowflakeCommand.class,
      ShowCommand.class,
      HistoryCommand.class,
      AuditsCommand.class,
      RunsCommand.class,
      QualityBenchCommand.class,
      BenchCommand.class,
      BenchWorkerCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MedallionCli {
  @Option(
      names = FailureHandler.VERBOSE,
      scope = ScopeType.INHERIT,
      description = "On a failure, also print the stack trace.")
  boolean verbose;

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
    CommandLine cli = new CommandLine(new MedallionCli());
    // A token that looks like an option is never an option's value: a mistyped option after
    // --input FILE is a usage error, not a file name (a file named "-x" is given as ./-x).
    cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
    FailureHandler failures = new FailureHandler();
    cli.setExecutionStrategy(failures);
    cli.setExecutionExceptionHandler(failures);
    cli.setParameterExceptionHandler(failures);
    cli.setExitCodeExceptionMapper(failures);
    documentExitCodes(cli);
    return cli;
  }

  private static void documentExitCodes(CommandLine command) {
    command
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.helpList());
    command.getSubcommands().values().forEach(MedallionCli::documentExitCodes);
  }
}
