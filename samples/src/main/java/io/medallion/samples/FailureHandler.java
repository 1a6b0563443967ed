package io.medallion.samples;

import io.medallion.quality.QualityGateException;
import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where a failed command becomes an exit code and one line on standard error (what,
 * where, what to do); the stack trace follows only with {@code --verbose}. A usage error names the
 * problem and points to {@code --help} instead of printing the whole usage.
 */
final class FailureHandler
    implements IExecutionExceptionHandler,
        IParameterExceptionHandler,
        IExitCodeExceptionMapper,
        IExecutionStrategy {
  static final String VERBOSE = "--verbose";

  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

  private final IExecutionStrategy commands = new CommandLine.RunLast();

  /**
   * Runs the chosen command. An {@link OutOfMemoryError} is an {@link Error}, which picocli lets
   * through unhandled; it is handed to the exception handler like any other failure.
   */
  @Override
  public int execute(ParseResult parseResult) {
    try {
      return commands.execute(parseResult);
    } catch (OutOfMemoryError e) {
      List<CommandLine> commandChain = parseResult.asCommandLineList();
      throw new ExecutionException(commandChain.get(commandChain.size() - 1), "Out of memory", e);
    }
  }

  @Override
  public int handleParseException(ParameterException failure, String[] args) {
    CommandLine command = failure.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(command.getCommandName() + ": " + failure.getMessage());
    UnmatchedArgumentException.printSuggestions(failure, err);
    err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCode.USAGE.code();
  }

  @Override
  public int getExitCode(Throwable failure) {
    return classify(failure).code();
  }

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine command, ParseResult parseResult) {
    ExitCode exit = classify(failure);
    boolean verbose = verbose(parseResult);
    // A failure the command described itself, with no cause, has no trace worth offering.
    boolean traceHelps = !(failure instanceof CliFailure) || failure.getCause() != null;
    PrintWriter err = command.getErr();
    err.println(
        command.getCommandName()
            + ": "
            + describe(failure, exit)
            + (traceHelps && !verbose ? " (" + VERBOSE + " prints the stack trace)" : ""));
    if (verbose) {
      failure.printStackTrace(err);
    }
    err.flush();
    return exit.code();
  }

  private static ExitCode classify(Throwable failure) {
    if (failure instanceof ParameterException) {
      return ExitCode.USAGE;
    }
    if (failure instanceof CliFailure cli) {
      return cli.exitCode();
    }
    if (outOfMemory(failure)) {
      return ExitCode.OUT_OF_MEMORY;
    }
    return causedBy(failure, QualityGateException.class)
        ? ExitCode.QUALITY_GATE
        : ExitCode.RUN_FAILED;
  }

  private static String describe(Throwable failure, ExitCode exit) {
    if (exit == ExitCode.OUT_OF_MEMORY) {
      return "out of memory with a heap of at most "
          + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB; give the JVM more heap (e.g. java -Xmx2g -jar ...) or ingest less per run";
    }
    String what = failure.getMessage() != null ? failure.getMessage() : failure.toString();
    return LINE_BREAKS.matcher(what).replaceAll("; ");
  }

  private static boolean outOfMemory(Throwable failure) {
    return causedBy(failure, OutOfMemoryError.class);
  }

  /** Whether the failure or any of its causes is of a kind, however the engine wrapped it. */
  private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (kind.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }
}
