package io.medallion.samples;

import java.util.Objects;

/**
 * An operational failure a command has already described in one line (what, where, what to do),
 * with the exit code that classifies it.
 *
 * <pre>{@code
 * throw new CliFailure(ExitCode.INPUT, "--input a.json: no such file; check the path");
 * }</pre>
 */
public final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exit code. */
  private final transient ExitCode exitCode;

  /**
   * Creates a failure.
   *
   * @param exitCode how the process exits
   * @param message one line: what failed, where, and what to do
   */
  public CliFailure(ExitCode exitCode, String message) {
    this(exitCode, message, null);
  }

  /**
   * Creates a failure with its cause, printed with {@code --verbose}.
   *
   * @param exitCode how the process exits
   * @param message one line: what failed, where, and what to do
   * @param cause the underlying failure, or null
   */
  public CliFailure(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
  }

  /**
   * Returns how the process exits.
   *
   * @return the exit code
   */
  public ExitCode exitCode() {
    return exitCode;
  }
}
