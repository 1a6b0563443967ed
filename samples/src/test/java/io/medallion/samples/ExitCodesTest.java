package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.MedallionException;
import io.medallion.core.CommitConflictException;
import io.medallion.quality.QualityGateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every exit code a scheduler branches on, produced through the CLI's own failure handling by a
 * command that fails the way the engine does, and the documented table matching {@link ExitCode}.
 */
class ExitCodesTest {
  private static final Path DOCS = Path.of("..", "docs", "observability.md");
  private static final Pattern TABLE_ROW =
      Pattern.compile("^\\| (\\d+) \\| `([A-Z_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

  /** A command that ends as it is told: with a result or by throwing. */
  @Command(name = "probe")
  static final class Probe implements Callable<Integer> {
    private final Throwable failure;

    Probe(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      if (failure instanceof Exception exception) {
        throw exception;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      return ExitCode.OK.code();
    }
  }

  private static Cli.Result probe(Throwable failure, String... options) {
    CommandLine cli = MedallionCli.commandLine();
    cli.addSubcommand("probe", new Probe(failure));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] args = new String[options.length + 1];
    args[0] = "probe";
    System.arraycopy(options, 0, args, 1, options.length);
    int code = cli.execute(args);
    return new Cli.Result(code, out.toString(), err.toString());
  }

  @Test
  void execute_completes_ok() {
    assertThat(probe(null).exitCode()).isEqualTo(ExitCode.OK.code()).isZero();
  }

  @Test
  void execute_policyGateFails_qualityGateWithOneLineNamingTheTable() {
    Cli.Result result =
        probe(new QualityGateException("silver.users", 40, 100, List.of("line 3: email_valid")));

    assertThat(result.exitCode()).isEqualTo(ExitCode.QUALITY_GATE.code()).isEqualTo(6);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).startsWith("probe: ").contains("silver.users");
  }

  @Test
  void execute_datasetRuleGateWrappedByTheEngine_qualityGate() {
    QualityGateException rule =
        new QualityGateException("silver.users", List.of("row_count >= 1000: was 20"));

    Cli.Result result = probe(new MedallionException("silver.users was not updated", rule));

    assertThat(result.exitCode()).isEqualTo(ExitCode.QUALITY_GATE.code());
  }

  @Test
  void execute_engineFailure_runFailedNotQualityGate() {
    Cli.Result result =
        probe(new MedallionException("silver.users was not updated: catalog lake failed"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.RUN_FAILED.code()).isEqualTo(1);
    assertThat(result.err()).contains("catalog lake failed");
  }

  @Test
  void execute_commitConflict_runFailed() {
    Cli.Result result =
        probe(
            new CommitConflictException(
                "silver.users", "another runtime committed first; run again", null));

    assertThat(result.exitCode()).isEqualTo(ExitCode.RUN_FAILED.code());
  }

  @Test
  void execute_inputFailure_input() {
    Cli.Result result = probe(new CliFailure(ExitCode.INPUT, "--input a.json: no such file"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT.code()).isEqualTo(3);
  }

  @Test
  void execute_lakeFailure_lake() {
    Cli.Result result = probe(new CliFailure(ExitCode.LAKE, "--lake x: is a file"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.LAKE.code()).isEqualTo(4);
  }

  @Test
  void execute_outOfHeap_outOfMemory() {
    Cli.Result result = probe(new OutOfMemoryError("Java heap space"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.OUT_OF_MEMORY.code()).isEqualTo(5);
    assertThat(result.err()).contains("out of memory");
  }

  @Test
  void execute_unknownOption_usage() {
    Cli.Result result = probe(null, "--bogus");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code()).isEqualTo(2);
  }

  @Test
  void codes_eachNumberOnce_andHelpListsTheQualityGate() {
    assertThat(ExitCode.values())
        .extracting(ExitCode::code)
        .doesNotHaveDuplicates()
        .containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(Cli.run("randomuser", "--help").out()).contains("6   A quality gate failed");
  }

  @Test
  void docs_exitCodeTable_matchesExitCode() throws IOException {
    String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher row = TABLE_ROW.matcher(docs);
    while (row.find()) {
      assertThat(row.group(2)).as("row " + row.group(1)).isEqualTo(nameOf(row.group(1)));
      documented.put(row.group(1), row.group(3).trim());
    }

    assertThat(documented).as(DOCS.toString()).isEqualTo(ExitCode.helpList());
  }

  private static String nameOf(String code) {
    for (ExitCode exit : ExitCode.values()) {
      if (Integer.toString(exit.code()).equals(code)) {
        return exit.name();
      }
    }
    return "no ExitCode numbered " + code;
  }
}
