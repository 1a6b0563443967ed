package io.medallion.samples;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --quiet} option of the long commands, and how they show their progress. */
final class ProgressOptions {
  @Option(
      names = "--quiet",
      description =
          "No progress: neither the live progress line (rewritten in place on a terminal, a line"
              + " every 10 s otherwise) nor the step lines; the summary is still printed.")
  boolean quiet;

  /**
   * Returns how the progress line is shown in this process.
   *
   * @return off with {@code --quiet}, else by whether there is a terminal
   */
  ProgressLine.Mode mode() {
    return ProgressLine.Mode.detect(quiet);
  }

  /**
   * Prints a step of the command, unless {@code --quiet}.
   *
   * @param out where
   * @param message what was done
   */
  void step(PrintWriter out, String message) {
    if (!quiet) {
      out.println("[medallion] " + message);
      out.flush();
    }
  }
}
