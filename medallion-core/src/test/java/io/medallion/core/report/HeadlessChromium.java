package io.medallion.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens local pages in Debian's headless Chromium, one browser process per page, with a fresh
 * profile, no network features, and a hard timeout. Close it to kill a browser that is still
 * running and delete its temporary files.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  /**
   * A console message or uncaught exception in Chromium's stderr log. Chromium 156 logs {@code
   * INFO:CONSOLE:<line>] "message", source: ...}, older versions {@code INFO:CONSOLE(<line>)]};
   * neither says whether it was console.log or console.error, so every console line counts.
   */
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]|Uncaught");

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2400;

  private final Path workDir;
  private Process running;
  private int runs;

  /** What Chromium made of a page. */
  record Page(String dom, List<String> log, Path screenshot) {
    /** The log lines that report console messages or uncaught exceptions. */
    List<String> consoleProblems() {
      return log.stream().filter(line -> CONSOLE.matcher(line).find()).toList();
    }
  }

  HeadlessChromium() throws IOException {
    workDir = Files.createTempDirectory("medallion-chromium-");
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** Loads a page, lets it settle, and returns its serialized DOM, log and a screenshot. */
  Page open(Path html) throws IOException, InterruptedException {
    Path run = Files.createDirectory(workDir.resolve("run-" + runs++));
    Path dom = run.resolve("dom.html");
    Path log = run.resolve("stderr.log");
    Path screenshot = run.resolve("screenshot.png");
    List<String> command =
        List.of(
            BINARY.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            // Docker's 64 MB /dev/shm crashes renderers; the Debian wrapper's own check for this
            // is broken on some hosts, so ask for it explicitly.
            "--disable-dev-shm-usage",
            "--user-data-dir=" + run.resolve("profile"),
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
            "--hide-scrollbars",
            "--window-size=" + WIDTH + "," + HEIGHT,
            "--screenshot=" + screenshot,
            "--dump-dom",
            html.toUri().toString());
    running =
        new ProcessBuilder(command)
            .redirectOutput(dom.toFile())
            .redirectError(log.toFile())
            .start();
    if (!running.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      kill();
      throw new AssertionError(
          "Chromium did not finish within " + TIMEOUT + "; log:\n" + tail(log));
    }
    int exit = running.exitValue();
    running = null;
    if (exit != 0) {
      throw new AssertionError("Chromium exited with " + exit + "; log:\n" + tail(log));
    }
    return new Page(
        Files.readString(dom, StandardCharsets.UTF_8),
        Files.readAllLines(log, StandardCharsets.UTF_8),
        screenshot);
  }

  @Override
  public void close() throws IOException {
    kill();
    try (Stream<Path> files = Files.walk(workDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Kills the browser and its helper processes (renderer, GPU, zygote). */
  private void kill() {
    if (running == null) {
      return;
    }
    running.descendants().forEach(ProcessHandle::destroyForcibly);
    running.destroyForcibly();
    try {
      running.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running = null;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
