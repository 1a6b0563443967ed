package io.medallion.samples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples' exit codes, one per kind of outcome, so scripts and schedulers can tell success from
 * a quality gate that stopped a run, bad input, a bad command line and a failing engine or lake.
 * Listed under "Exit codes" in every command's {@code --help} and in {@code docs/observability.md};
 * the numbers never change meaning.
 *
 * <pre>{@code
 * System.exit(ExitCode.INPUT.code()); // 3
 * }</pre>
 */
public enum ExitCode {
  /** The command completed. */
  OK(0, "The command completed."),
  /** A run failed inside the engine or its storage, catalog or broker; run again once fixed. */
  RUN_FAILED(1, "A run failed inside the engine or its storage, catalog or broker."),
  /** The command line is invalid. */
  USAGE(2, "Invalid command line: unknown option, missing or bad value."),
  /** An input file is missing, a folder, or unreadable. */
  INPUT(3, "An input file is missing, is a folder, or cannot be read."),
  /** The lake folder or the catalog cannot be used. */
  LAKE(4, "The lake or catalog cannot be used: a file, read-only, or unreachable."),
  /** The JVM ran out of heap. */
  OUT_OF_MEMORY(5, "Out of memory: give the JVM more heap (java -Xmx...)."),
  /**
   * A quality policy or dataset rule failed the batch, or held it on its audit branch; the table's
   * main keeps its earlier rows.
   */
  QUALITY_GATE(
      6, "A quality gate failed the batch, or held it on its audit branch; see the report.");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /**
   * Returns the process exit code.
   *
   * <pre>{@code
   * ExitCode.USAGE.code(); // 2
   * }</pre>
   *
   * @return the number the process exits with
   */
  public int code() {
    return code;
  }

  /**
   * Returns every code with its meaning, in order, as picocli's usage help lists them.
   *
   * <pre>{@code
   * ExitCode.helpList().get("2"); // "Invalid command line: ..."
   * }</pre>
   *
   * @return code (as text) to meaning
   */
  public static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode exit : values()) {
      list.put(Integer.toString(exit.code), exit.meaning);
    }
    return list;
  }
}
