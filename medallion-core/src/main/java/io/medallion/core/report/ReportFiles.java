package io.medallion.core.report;

import io.medallion.report.QualityReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a report's three files into a folder: {@code report.json}, {@code report.md} and {@code
 * report.html}, replacing earlier ones.
 *
 * <pre>{@code
 * ReportFiles.Written files = ReportFiles.write(report, Path.of("reports", "users"));
 * }</pre>
 */
public final class ReportFiles {
  /** The JSON file's name. */
  public static final String JSON = "report.json";

  /** The Markdown file's name. */
  public static final String MARKDOWN = "report.md";

  /** The HTML file's name. */
  public static final String HTML = "report.html";

  private static final Logger LOG = LoggerFactory.getLogger(ReportFiles.class);

  private ReportFiles() {}

  /**
   * The files one {@link #write} produced.
   *
   * <pre>{@code
   * Path page = ReportFiles.write(report, dir).html();
   * }</pre>
   *
   * @param json the JSON file
   * @param markdown the Markdown file
   * @param html the HTML file
   */
  public record Written(Path json, Path markdown, Path html) {
    /**
     * Checks the paths are present.
     *
     * <pre>{@code
     * new ReportFiles.Written(dir.resolve("report.json"), dir.resolve("report.md"), dir.resolve("report.html"));
     * }</pre>
     *
     * @param json the JSON file
     * @param markdown the Markdown file
     * @param html the HTML file
     */
    public Written {
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(markdown, "markdown");
      Objects.requireNonNull(html, "html");
    }
  }

  /**
   * Renders the report and writes the three files, creating the folder if needed. Each file is
   * written to a temporary sibling first and then moved into place, so a reader never sees half a
   * page.
   *
   * <pre>{@code
   * ReportFiles.write(report, lake.resolve("reports").resolve("silver.users"));
   * }</pre>
   *
   * @param report the report
   * @param dir the folder
   * @return the written files
   * @throws IOException when the folder or a file cannot be written
   */
  public static Written write(QualityReport report, Path dir) throws IOException {
    return write(report, RunHistory.NONE, dir);
  }

  /**
   * Writes the three files as {@link #write(QualityReport, Path)} does, the HTML page with the
   * table's run history and alerts.
   *
   * <pre>{@code
   * RunLogQuery recent = RunLogQuery.builder().table(users).last(10).build();
   * ReportFiles.write(report, new RunHistory(runtime.runs(recent), runtime.alerts(recent)), dir);
   * }</pre>
   *
   * @param report the report
   * @param history the table's run log rows and alerts
   * @param dir the folder
   * @return the written files
   * @throws IOException when the folder or a file cannot be written
   */
  public static Written write(QualityReport report, RunHistory history, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    Written written =
        new Written(
            replace(dir.resolve(JSON), ReportJson.write(report)),
            replace(dir.resolve(MARKDOWN), ReportMarkdown.render(report)),
            replace(dir.resolve(HTML), ReportHtml.render(report, history)));
    LOG.info("Wrote quality report of {} run {} to {}", report.table(), report.runId(), dir);
    return written;
  }

  private static Path replace(Path target, String content) throws IOException {
    // Not Files.createTempFile: its owner-only permissions would carry over to the report.
    Path temp =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
