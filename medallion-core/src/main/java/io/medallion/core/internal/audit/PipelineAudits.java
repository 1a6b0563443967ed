package io.medallion.core.internal.audit;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.audit.Audits;
import io.medallion.core.audit.PendingAudit;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.report.ReportJson;
import io.medallion.report.QualityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.iceberg.Table;

/**
 * The pending audits of one pipeline's tables, found from the audit branches on them.
 *
 * <pre>{@code
 * Audits audits = new PipelineAudits(store, pipeline, lake.resolve("audits"));
 * audits.pending();
 * }</pre>
 */
public final class PipelineAudits implements Audits {
  private final TableStore store;
  private final Pipeline pipeline;
  private final Path reports;
  private final AuditPublisher publisher;

  /**
   * Opens the audits of a pipeline.
   *
   * @param store the runtime's tables
   * @param pipeline the pipeline
   * @param reports the folder the runtime keeps pending audits' quality reports in
   */
  public PipelineAudits(TableStore store, Pipeline pipeline, Path reports) {
    this.store = Objects.requireNonNull(store, "store");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.publisher = new AuditPublisher(store);
  }

  @Override
  public List<PendingAudit> pending() {
    publisher.recover(tables());
    Map<String, List<TableId>> tablesByRun = new TreeMap<>();
    Map<String, List<String>> checksByRun = new TreeMap<>();
    for (TableId id : tables()) {
      Optional<Table> table = store.find(id);
      if (table.isEmpty()) {
        continue;
      }
      for (String runId : AuditBranches.runIds(table.get())) {
        tablesByRun.computeIfAbsent(runId, run -> new ArrayList<>()).add(id);
        checksByRun
            .computeIfAbsent(runId, run -> new ArrayList<>())
            .addAll(AuditBranches.failedChecks(table.get(), AuditBranches.branch(runId)));
      }
    }
    List<PendingAudit> pending = new ArrayList<>();
    tablesByRun.forEach(
        (runId, tables) -> pending.add(new PendingAudit(runId, tables, checksByRun.get(runId))));
    return pending;
  }

  @Override
  public Optional<PendingAudit> find(String runId) {
    return pending().stream().filter(audit -> audit.runId().equals(runId)).findFirst();
  }

  @Override
  public Map<TableId, QualityReport> reports(String runId) {
    Map<TableId, QualityReport> found = new LinkedHashMap<>();
    for (TableId id : tables()) {
      Path file = AuditRun.reportFile(reports, runId, id);
      if (Files.isRegularFile(file)) {
        try {
          found.put(id, ReportJson.read(file));
        } catch (IOException e) {
          throw new MedallionException("Cannot read " + file + ": " + e.getMessage(), e);
        }
      }
    }
    return found;
  }

  @Override
  public List<TableId> publish(String runId, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(
          "Publishing audit " + runId + " anyway needs a reason, got none");
    }
    PendingAudit audit = existing(runId);
    List<TableId> published = publisher.publish(runId, audit.tables(), Optional.of(reason));
    deleteReports(runId);
    return published;
  }

  @Override
  public List<TableId> discard(String runId) {
    PendingAudit audit = existing(runId);
    List<TableId> discarded = publisher.discard(runId, audit.tables());
    deleteReports(runId);
    return discarded;
  }

  private PendingAudit existing(String runId) {
    return find(runId)
        .orElseThrow(
            () ->
                new MedallionException(
                    "No pending audit of run "
                        + runId
                        + " on the tables of pipeline "
                        + pipeline.name()
                        + "; pending: "
                        + pending().stream().map(PendingAudit::runId).toList()));
  }

  private void deleteReports(String runId) {
    for (TableId id : tables()) {
      try {
        Files.deleteIfExists(AuditRun.reportFile(reports, runId, id));
      } catch (IOException e) {
        throw new MedallionException(
            "Cannot delete the kept report of audit " + runId + ": " + e.getMessage(), e);
      }
    }
  }

  private List<TableId> tables() {
    return AuditBranches.tablesOf(pipeline);
  }
}
