package io.medallion.samples;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows how a long command is getting on: on a terminal, one line rewritten in place twice a
 * second; otherwise (a log file, a scheduler) a plain line every ten seconds. Closing it stops the
 * updates and ends the terminal line, so what the command prints next starts on a line of its own.
 *
 * <pre>{@code
 * try (ProgressLine line = ProgressLine.start(out, ProgressLine.Mode.detect(quiet), status)) {
 *   runtime.run(pipeline, raw, source);
 * }
 * }</pre>
 */
final class ProgressLine implements AutoCloseable {
  /** Where and how often the line is shown. */
  enum Mode {
    /** A terminal: the line is rewritten in place. */
    TERMINAL(Duration.ofMillis(500)),
    /** Not a terminal: plain lines, far apart. */
    PLAIN(Duration.ofSeconds(10)),
    /** {@code --quiet}: nothing. */
    OFF(Duration.ZERO);

    private final Duration every;

    Mode(Duration every) {
      this.every = every;
    }

    /**
     * Picks the mode for this process: a terminal when the JVM has a console.
     *
     * @param quiet whether {@code --quiet} was given
     * @return the mode
     */
    static Mode detect(boolean quiet) {
      if (quiet) {
        return OFF;
      }
      return System.console() != null ? TERMINAL : PLAIN;
    }
  }

  private final PrintWriter out;
  private final Mode mode;
  private final Supplier<String> status;
  private final ScheduledExecutorService ticker;
  private int shownWidth;

  /**
   * Prepares a line that shows the status when {@link #show()} is called; {@link #start} also
   * schedules the updates.
   *
   * @param out where
   * @param mode how
   * @param status the current status
   */
  ProgressLine(PrintWriter out, Mode mode, Supplier<String> status) {
    this.out = out;
    this.mode = mode;
    this.status = status;
    this.ticker =
        mode == Mode.OFF
            ? null
            : Executors.newSingleThreadScheduledExecutor(
                task -> {
                  Thread thread = new Thread(task, "medallion-progress");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /**
   * Starts showing the status.
   *
   * @param out where
   * @param mode how
   * @param status the current status, asked at every update, from another thread
   * @return the running line; close it when the work is done
   */
  static ProgressLine start(PrintWriter out, Mode mode, Supplier<String> status) {
    ProgressLine line = new ProgressLine(out, mode, status);
    if (line.ticker != null) {
      long millis = mode.every.toMillis();
      line.ticker.scheduleAtFixedRate(line::show, millis, millis, TimeUnit.MILLISECONDS);
    }
    return line;
  }

  /** Shows the status once: rewritten in place on a terminal, as a line of its own otherwise. */
  synchronized void show() {
    String text = "[medallion] " + status.get();
    if (mode == Mode.TERMINAL) {
      // Blanks erase what a longer earlier line left behind.
      out.print("\r" + text + " ".repeat(Math.max(0, shownWidth - text.length())));
      shownWidth = text.length();
    } else if (mode == Mode.PLAIN) {
      out.println(text);
    }
    out.flush();
  }

  @Override
  public void close() {
    if (ticker == null) {
      return;
    }
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (shownWidth > 0) {
        out.println();
        out.flush();
        shownWidth = 0;
      }
    }
  }
}
