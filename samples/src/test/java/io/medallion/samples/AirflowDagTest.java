package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example Airflow DAG parses as Python and names only exit codes the CLI has. */
class AirflowDagTest {
  private static final Path DAG = Path.of("airflow", "medallion_randomuser_dag.py");

  /** Prints each entry of the DAG's EXIT_CODES dict as NAME=CODE, read by Python's own parser. */
  private static final String EXIT_CODES_SCRIPT =
      String.join(
          "\n",
          "import ast, sys",
          "tree = ast.parse(open(sys.argv[1], encoding='utf-8').read())",
          "for node in tree.body:",
          "    if isinstance(node, ast.Assign) and any(",
          "            getattr(t, 'id', None) == 'EXIT_CODES' for t in node.targets):",
          "        for name, code in ast.literal_eval(node.value).items():",
          "            print(f'{name}={code}')");

  private static final Pattern CODE_REFERENCE = Pattern.compile("EXIT_CODES\\[\"(\\w+)\"\\]");

  @Test
  void dag_parsedByPython_everyExitCodeItDefinesMatchesExitCode()
      throws IOException, InterruptedException {
    Map<String, Integer> defined = new LinkedHashMap<>();
    for (String line : python(EXIT_CODES_SCRIPT, DAG.toString()).lines().toList()) {
      String[] entry = line.split("=", 2);
      defined.put(entry[0], Integer.valueOf(entry[1]));
    }

    assertThat(defined).as("EXIT_CODES in " + DAG).isNotEmpty();
    defined.forEach(
        (name, code) ->
            assertThat(ExitCode.valueOf(name).code()).as("EXIT_CODES[%s]", name).isEqualTo(code));
    assertThat(defined.keySet()).contains("OK", "QUALITY_GATE", "INPUT");
  }

  @Test
  void dag_everyExitCodeItBranchesOn_isDefinedByExitCode() throws IOException {
    String dag = Files.readString(DAG, StandardCharsets.UTF_8);
    Matcher reference = CODE_REFERENCE.matcher(dag);
    int references = 0;
    while (reference.find()) {
      references++;
      assertThat(ExitCode.valueOf(reference.group(1))).as(reference.group()).isNotNull();
    }

    assertThat(references).isGreaterThanOrEqualTo(3);
    assertThat(dag).contains("--summary-json").contains("BranchPythonOperator");
  }

  /** Runs a Python script; skips the test, saying why, when there is no python3 to run it. */
  private static String python(String script, String argument)
      throws IOException, InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder("python3", "-c", script, argument).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "Skipped: python3 is not on the PATH (" + e.getMessage() + ")");
      throw e;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("python3 finished").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
