package io.medallion.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.core.TableRun;
import io.medallion.core.report.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the RandomUser commands show a lake after a run: the table printed on standard output, and
 * the {@code --summary-json} file, the same for the batch and the streaming command.
 */
final class SummaryOutput {
  private SummaryOutput() {}

  static void print(PrintWriter out, LakeSummary summary) {
    out.println();
    out.printf("%-45s %-12s %10s%n", "table", "layer", "rows");
    for (LakeSummary.TableEntry table : summary.tables()) {
      out.printf("%-45s %-12s %10d%n", table.name(), table.layer(), table.rows());
    }
    out.println();
    out.println("Quarantined rows by failed rule:");
    if (summary.quarantineReasons().isEmpty()) {
      out.println("  (none)");
    }
    summary.quarantineReasons().forEach((rule, count) -> out.printf("  %-35s %8d%n", rule, count));
    out.printf(
        "Average quality score: %s%n",
        summary.averageQualityScore() == null
            ? "n/a"
            : String.format("%.3f", summary.averageQualityScore()));
    for (Map.Entry<String, List<Map<String, Object>>> gold : summary.goldPreview().entrySet()) {
      out.println();
      out.println(gold.getKey() + " (first rows):");
      for (Map<String, Object> row : gold.getValue()) {
        out.println("  " + row);
      }
    }
    out.println();
    out.println("Lake:      " + summary.lake());
    out.println("Catalog:   " + summary.catalog());
    out.println("Warehouse: " + summary.warehouse());
  }

  /**
   * Writes the summary JSON.
   *
   * @param file where
   * @param runId the run's id, so a scheduler can find its run log and report; null for a stream,
   *     which is many runs
   * @param status {@code succeeded}, or {@code audit-pending} when a batch waits on its audit
   *     branch
   * @param summary the lake's tables
   * @param runs what this run did, per table
   * @param report the quality report's files, or null when none was written
   */
  static void writeJson(
      Path file,
      String runId,
      String status,
      LakeSummary summary,
      List<TableRun> runs,
      ReportFiles.Written report)
      throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("run_id", runId);
    root.put("status", status);
    root.put("lake", summary.lake());
    root.put("catalog", summary.catalog());
    root.put("warehouse", summary.warehouse());
    ArrayNode tables = root.putArray("tables");
    for (LakeSummary.TableEntry table : summary.tables()) {
      tables
          .addObject()
          .put("name", table.name())
          .put("layer", table.layer())
          .put("rows", table.rows())
          .put("location", table.location());
    }
    root.set("quarantine_reasons", json.valueToTree(summary.quarantineReasons()));
    if (summary.averageQualityScore() == null) {
      root.putNull("average_quality_score");
    } else {
      root.put("average_quality_score", summary.averageQualityScore());
    }
    root.set("gold_preview", json.valueToTree(summary.goldPreview()));
    if (report != null) {
      root.put("report_html", report.html().toAbsolutePath().toString());
      root.put("report_markdown", report.markdown().toAbsolutePath().toString());
      root.put("report_json", report.json().toAbsolutePath().toString());
    }
    ArrayNode runEntries = root.putArray("run");
    for (TableRun table : runs) {
      runEntries
          .addObject()
          .put("table", table.table().toString())
          .put("layer", table.layer().label())
          .put("read", table.read())
          .put("written", table.written())
          .put("rejected", table.quarantined())
          .put("duplicates", table.duplicates())
          .put("replaced", table.replaced())
          .put("committed", table.committed());
    }
    write(json, file, root);
  }

  /**
   * Writes the summary of a run that failed: its id, so a scheduler can find its run log row, and
   * the failure.
   *
   * @param file where
   * @param runId the failed run's id
   * @param failure what made it fail
   * @throws IOException when the file cannot be written
   */
  static void writeFailure(Path file, String runId, Exception failure) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("run_id", runId);
    root.put("status", "failed");
    root.put("error_class", failure.getClass().getName());
    root.put("error", String.valueOf(failure.getMessage()));
    write(json, file, root);
  }

  private static void write(ObjectMapper json, Path file, ObjectNode root) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    json.writeValue(file.toFile(), root);
  }
}
