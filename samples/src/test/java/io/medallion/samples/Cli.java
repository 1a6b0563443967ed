package io.medallion.samples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Runs the samples' command line in-process, capturing what it prints. */
final class Cli {
  private Cli() {}

  /** What a command did: its exit code, standard output and error output. */
  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    CommandLine cli = MedallionCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The arguments with more appended. */
  static String[] append(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
