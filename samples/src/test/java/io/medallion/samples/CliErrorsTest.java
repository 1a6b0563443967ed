package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.medallion.samples.randomuser.RandomUserGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage and operational errors of the samples CLI: each ends with one line on standard error and a
 * documented exit code, and a command that fails validation creates no lake.
 */
class CliErrorsTest {
  @TempDir Path dir;

  private Path input;
  private Path lake;

  @BeforeEach
  void writeInput() throws IOException {
    input = dir.resolve("users.ndjson");
    try (Writer writer = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      RandomUserGenerator.withSeed(7).writeNdjson(writer, 20);
    }
    lake = dir.resolve("lake");
  }

  @AfterEach
  void makeWritableAgain() throws IOException {
    // A read-only folder left behind would stop @TempDir from deleting the tree.
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.filter(Files::isDirectory).toList()) {
        path.toFile().setWritable(true);
      }
    }
  }

  @Test
  void randomuser_unknownOptionAfterInput_usageErrorAndNoLake() {
    Cli.Result result =
        Cli.run("randomuser", "--input", input.toString(), "--bogus", "--lake", lake.toString());

    assertUsageError(result, "Unknown option: '--bogus'");
  }

  @Test
  void randomuser_unknownOptionBetweenInputs_usageErrorAndNoLake() {
    Cli.Result result =
        Cli.run(
            "randomuser",
            "--input",
            input.toString(),
            "--bogus",
            input.toString(),
            "--lake",
            lake.toString());

    assertUsageError(result, "Unknown option: '--bogus'");
  }

  @Test
  void randomuser_unknownOptionLast_usageErrorAndNoLake() {
    Cli.Result result =
        Cli.run("randomuser", "--input", input.toString(), "--lake", lake.toString(), "--no-reprt");

    assertUsageError(result, "Unknown option: '--no-reprt'");
    assertThat(result.err()).contains("Possible solutions: --no-report");
  }

  @Test
  void randomuser_singleDashTokenAfterInput_isAnOptionNotAFile() {
    Cli.Result result =
        Cli.run("randomuser", "--input", input.toString(), "-x.json", "--lake", lake.toString());

    assertUsageError(result, "Unknown option: '-x.json'");
  }

  @Test
  void randomuser_usersZero_usageErrorAndNoLake() {
    Cli.Result result = Cli.run("randomuser", "--users", "0", "--lake", lake.toString());

    assertUsageError(result, "--users must be >= 1, got 0");
  }

  @Test
  void randomuser_pageSizeAboveTheApiLimit_usageErrorAndNoLake() {
    Cli.Result result =
        Cli.run("randomuser", "--api", "--page-size", "5001", "--lake", lake.toString());

    assertUsageError(result, "--page-size must be 1 to 5000, got 5001");
  }

  @Test
  void randomuser_secondInputMissing_inputErrorNamingItAndNoLake() {
    Path missing = dir.resolve("missing.json");

    Cli.Result result =
        Cli.run(
            "randomuser",
            "--input",
            input.toString(),
            missing.toString(),
            "--lake",
            lake.toString());

    assertOneLineError(result, ExitCode.INPUT);
    assertThat(result.err())
        .isEqualTo(
            "randomuser: --input "
                + missing
                + ": no such file; check the path (a file named like an option is given as"
                + " ./-name)"
                + System.lineSeparator());
    assertThat(lake).doesNotExist();
  }

  @Test
  void randomuser_inputIsAFolder_inputErrorSuggestingItsFiles() {
    Cli.Result result = Cli.run("randomuser", "--input", dir.toString(), "--lake", lake.toString());

    assertOneLineError(result, ExitCode.INPUT);
    assertThat(result.err())
        .contains("--input " + dir + ": is a folder, not a file")
        .contains("--input " + dir + "/*.json");
    assertThat(lake).doesNotExist();
  }

  @Test
  void randomuser_disposableDomainsMissing_inputErrorAndNoLake() {
    Cli.Result result =
        Cli.run(
            "randomuser",
            "--disposable-domains",
            dir.resolve("nope.txt").toString(),
            "--lake",
            lake.toString());

    assertOneLineError(result, ExitCode.INPUT);
    assertThat(result.err()).contains("--disposable-domains " + dir.resolve("nope.txt"));
    assertThat(lake).doesNotExist();
  }

  @Test
  void randomuser_catalogSettingsFileMissing_inputErrorAndNoLake() {
    Cli.Result result =
        Cli.run(
            "randomuser",
            "--catalog-config",
            dir.resolve("catalog.properties").toString(),
            "--lake",
            lake.toString());

    assertOneLineError(result, ExitCode.INPUT);
    assertThat(result.err())
        .contains("catalog settings file " + dir.resolve("catalog.properties") + ": no such file");
    assertThat(lake).doesNotExist();
  }

  @Test
  void randomuser_lakeIsAFile_lakeErrorAndTheFileUntouched() throws IOException {
    Files.writeString(lake, "not a lake");

    Cli.Result result =
        Cli.run("randomuser", "--input", input.toString(), "--lake", lake.toString());

    assertOneLineError(result, ExitCode.LAKE);
    assertThat(result.err())
        .contains("--lake " + lake + ": " + lake + " is a file, not a folder")
        .contains("give --lake a new or existing folder");
    assertThat(lake).hasContent("not a lake");
  }

  @Test
  void randomuser_lakeInsideAFile_lakeErrorNamingTheFile() throws IOException {
    Path file = dir.resolve("file");
    Files.writeString(file, "x");

    Cli.Result result =
        Cli.run(
            "randomuser", "--input", input.toString(), "--lake", file.resolve("lake").toString());

    assertOneLineError(result, ExitCode.LAKE);
    assertThat(result.err()).contains(file + " is a file, not a folder");
  }

  @Test
  void randomuser_readOnlyLake_lakeErrorAndNothingWritten() throws IOException {
    Files.createDirectories(lake);
    Files.setPosixFilePermissions(lake, PosixFilePermissions.fromString("r-xr-xr-x"));
    assumeFalse(
        canWriteInto(lake),
        "Skipped: this user can write into a folder without write permission (running as root),"
            + " so a read-only lake cannot be made here");

    Cli.Result result =
        Cli.run("randomuser", "--input", input.toString(), "--lake", lake.toString());

    assertOneLineError(result, ExitCode.LAKE);
    assertThat(result.err())
        .contains("--lake " + lake + ": the folder " + lake + " is read-only")
        .contains("make it writable or use another --lake");
    assertThat(lake).isEmptyDirectory();
  }

  @Test
  void register_lakeIsAFile_lakeError() throws IOException {
    Files.writeString(lake, "not a lake");

    Cli.Result result =
        Cli.run(
            "register",
            "--lake",
            lake.toString(),
            "--to",
            "jdbc",
            "--to-uri",
            "jdbc:sqlite:" + dir.resolve("target.db"),
            "--to-warehouse",
            dir.resolve("target").toString());

    assertOneLineError(result, ExitCode.LAKE);
    assertThat(result.err()).startsWith("register: --lake " + lake + ": ");
  }

  @Test
  void register_noLakeThere_lakeErrorAndNothingCreated() {
    Path missing = dir.resolve("no-lake");

    Cli.Result result =
        Cli.run(
            "register",
            "--lake",
            missing.toString(),
            "--to",
            "jdbc",
            "--to-uri",
            "jdbc:sqlite:" + dir.resolve("target.db"),
            "--to-warehouse",
            dir.resolve("target").toString());

    assertOneLineError(result, ExitCode.LAKE);
    assertThat(result.err()).contains("there is no lake there, so nothing to publish");
    assertThat(missing).doesNotExist();
  }

  @Test
  void randomuser_catalogUnreachable_lakeErrorNamingTheCatalog() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    Cli.Result result =
        Cli.run(
            "randomuser",
            "--input",
            input.toString(),
            "--lake",
            lake.toString(),
            "--catalog",
            "rest",
            "--catalog-uri",
            "http://127.0.0.1:" + closed);

    assertOneLineError(result, ExitCode.LAKE);
    assertThat(result.err())
        .startsWith(
            "randomuser: Cannot open catalog 'medallion' (rest at http://127.0.0.1:" + closed + ")")
        .contains("check --lake and the catalog settings")
        .contains("(--verbose prints the stack trace)");
  }

  @Test
  void randomuser_verbose_printsTheStackTraceAfterTheLine() {
    Path missing = dir.resolve("missing.json");

    Cli.Result result =
        Cli.run(
            "randomuser", "--verbose", "--input", missing.toString(), "--lake", lake.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT.code());
    List<String> lines = result.err().lines().toList();
    assertThat(lines.get(0)).startsWith("randomuser: --input " + missing + ": no such file");
    assertThat(lines.get(1)).startsWith(CliFailure.class.getName() + ": --input " + missing);
    assertThat(lines).anyMatch(line -> line.contains("at io.medallion.samples.Preflight"));
  }

  @Test
  void verbose_beforeTheCommand_isAcceptedToo() {
    Cli.Result result =
        Cli.run(
            "--verbose",
            "randomuser",
            "--input",
            dir.resolve("missing.json").toString(),
            "--lake",
            lake.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(result.err().lines()).anyMatch(line -> line.contains("at io.medallion.samples."));
  }

  @Test
  void bench_unknownEngine_usageErrorBeforeAnyFolderIsCreated() {
    Path work = dir.resolve("work");

    Cli.Result result = Cli.run("bench", "--engines", "medallion,spark", "--work", work.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err())
        .startsWith(
            "bench: --engines: spark is not an engine; expected some of [medallion,"
                + " medallion-serial, medallion-fused, floor, duckdb, duckdb-split-scan,"
                + " duckdb-two-pass, duckdb-one-pass, kafka-plain, kafka-bronze, kafka-gold,"
                + " read-silver, medallion-incremental]");
    assertThat(work).doesNotExist();
  }

  @Test
  void bench_missingInput_inputErrorBeforeAnyFolderIsCreated() {
    Path work = dir.resolve("work");

    Cli.Result result =
        Cli.run(
            "bench", "--input", dir.resolve("none.ndjson").toString(), "--work", work.toString());

    assertOneLineError(result, ExitCode.INPUT);
    assertThat(result.err()).startsWith("bench: --input " + dir.resolve("none.ndjson"));
    assertThat(work).doesNotExist();
  }

  @Test
  void benchQuality_zeroRepetitions_usageError() {
    Cli.Result result = Cli.run("bench-quality", "--repetitions", "0");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err())
        .startsWith("bench-quality: --records and --repetitions must be >= 1, got 200000 and 0");
  }

  @Test
  void help_listsTheExitCodesAndVerbose() {
    for (String command : List.of("randomuser", "register", "bench", "bench-quality")) {
      Cli.Result result = Cli.run(command, "--help");

      assertThat(result.exitCode()).as(command).isZero();
      assertThat(result.out())
          .as(command)
          .contains("--verbose")
          .contains("Exit codes:")
          .contains("0   The command completed.")
          .contains("2   Invalid command line")
          .contains("3   An input file is missing")
          .contains("4   The lake or catalog cannot be used")
          .contains("5   Out of memory");
    }
  }

  @Test
  void randomuser_outOfMemory_exitFiveWithOneLineAndNoTrace()
      throws IOException, InterruptedException {
    Path err = dir.resolve("err.txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Below what 2,000 users need: the run gets through bronze and silver, then fails on the heap.
    // With much less, start-up itself can run out in a JDK background thread (a process reaper),
    // whose error no handler of the CLI can word.
    command.add("-Xmx48m");
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            MedallionCli.class.getName(),
            "randomuser",
            "--users",
            "2000",
            "--lake",
            lake.toString(),
            "--no-report"));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
    }

    String text = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isEqualTo(ExitCode.OUT_OF_MEMORY.code());
    assertThat(text)
        .containsPattern(
            "randomuser: out of memory with a heap of at most \\d+ MiB; give the JVM more heap")
        .doesNotContain("\tat ")
        .doesNotContain("java.lang.OutOfMemoryError");
  }

  private void assertUsageError(Cli.Result result, String message) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err())
        .startsWith("randomuser: " + message)
        .contains("See 'medallion-samples randomuser --help' for the options.")
        .doesNotContain("Usage:");
    assertThat(result.out()).isEmpty();
    assertThat(lake).doesNotExist();
  }

  private static void assertOneLineError(Cli.Result result, ExitCode expected) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(expected.code());
    assertThat(result.err().lines()).as(result.err()).hasSize(1);
  }

  private static boolean canWriteInto(Path folder) {
    Path probe = folder.resolve("write-probe");
    try {
      Files.createFile(probe);
      Files.delete(probe);
      return true;
    } catch (AccessDeniedException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
