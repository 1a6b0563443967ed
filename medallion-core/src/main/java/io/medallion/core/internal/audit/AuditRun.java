package io.medallion.core.internal.audit;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.audit.WriteAuditPublish;
import io.medallion.core.internal.iceberg.Commits;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.internal.observe.RunTracker;
import io.medallion.core.observe.TableStatus;
import io.medallion.core.report.ReportJson;
import io.medallion.report.QualityReport;
import io.medallion.table.TableDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit of one run: while it lasts, the store sends the audited tables to the run's branch;
 * after each table, {@link #settle} publishes it when its checks passed and nothing it read waits
 * for an audit, or leaves it pending (its quality report kept for {@code audits show}).
 *
 * <pre>{@code
 * AuditRun audit = AuditRun.start(store, publisher, setting, pipeline, runId, reports);
 * try {
 *   Optional<TableStatus> status = audit.settle(users, report);
 * } finally {
 *   audit.end();
 * }
 * }</pre>
 */
public final class AuditRun {
  private static final Logger LOG = LoggerFactory.getLogger(AuditRun.class);

  private final TableStore store;
  private final AuditPublisher publisher;
  private final String runId;
  private final Path reports;
  private final Set<TableId> audited;
  private final Set<TableId> pending = new HashSet<>();

  private AuditRun(
      TableStore store,
      AuditPublisher publisher,
      String runId,
      Path reports,
      Set<TableId> audited) {
    this.store = store;
    this.publisher = publisher;
    this.runId = runId;
    this.reports = reports;
    this.audited = audited;
  }

  /**
   * Finishes any publish a crash interrupted on a pipeline's tables, before a run of it with
   * write-audit-publish on reads or registers them.
   *
   * @param publisher publishes and recovers
   * @param setting which tables are audited
   * @param pipeline the pipeline about to run
   */
  public static void recover(
      AuditPublisher publisher, WriteAuditPublish setting, Pipeline pipeline) {
    if (setting.enabled()) {
      publisher.recover(AuditBranches.tablesOf(pipeline));
    }
  }

  /**
   * Tells whether a publish a crash interrupted is recorded on a table the run has just registered,
   * without a catalog call: how a run with write-audit-publish off (since the crash, perhaps) still
   * finds one, where {@link #recover} would cost a catalog load per table on every run.
   *
   * @param store the tables, the pipeline's registered in this run
   * @param pipeline the pipeline about to run
   * @return true when {@link AuditPublisher#recover} has work to do
   */
  public static boolean interruptedPublish(TableStore store, Pipeline pipeline) {
    for (TableId id : AuditBranches.tablesOf(pipeline)) {
      Optional<Table> table = store.ensuredThisRun(id);
      if (table.isPresent()
          && table.get().properties().keySet().stream()
              .anyMatch(key -> key.startsWith(AuditPublisher.PUBLISHING))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts a run's audit: sends the audited tables to the run's branch.
   *
   * @param store the tables
   * @param publisher publishes and recovers
   * @param setting which tables are audited
   * @param pipeline the pipeline run
   * @param runId the run id
   * @param reports the folder quality reports of pending audits are kept in
   * @return the audit; one that audits nothing when the setting is off
   */
  public static AuditRun start(
      TableStore store,
      AuditPublisher publisher,
      WriteAuditPublish setting,
      Pipeline pipeline,
      String runId,
      Path reports) {
    Set<TableId> audited = new HashSet<>();
    if (setting.enabled()) {
      Set<TableId> physical = new HashSet<>();
      for (TableDefinition definition : setting.auditedIn(pipeline)) {
        audited.add(definition.id());
        physical.addAll(AuditBranches.tablesOf(definition));
      }
      if (!physical.isEmpty()) {
        physical.forEach(id -> store.ensuredThisRun(id).ifPresent(table -> base(table, runId)));
        store.beginAudit(AuditBranches.branch(runId), physical);
      }
    }
    return new AuditRun(store, publisher, runId, reports, audited);
  }

  /**
   * Gives an empty main a first, empty snapshot, so that every audited table has a main to roll
   * back to: a publish a crash interrupted is then either finished or wholly undone.
   */
  private static void base(Table table, String runId) {
    if (table.currentSnapshot() == null) {
      Commits.commit(table, () -> table.newAppend().set(AuditBranches.BASE, runId));
    }
  }

  /**
   * Publishes a table the run has written to its branch, or leaves it pending.
   *
   * @param definition the table just processed
   * @param report its quality report, or null
   * @return published, or audit-pending with the failed checks; empty when the table is not audited
   *     or the run wrote nothing to it
   */
  public Optional<RunTracker.Audited> settle(TableDefinition definition, QualityReport report) {
    if (!audited.contains(definition.id())) {
      return Optional.empty();
    }
    String branch = AuditBranches.branch(runId);
    List<TableId> written = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (TableId id : AuditBranches.tablesOf(definition)) {
      Table table = store.find(id).orElseThrow();
      if (AuditBranches.head(table, branch) != null) {
        written.add(id);
        failed.addAll(AuditBranches.failedChecks(table, branch));
      }
    }
    if (written.isEmpty()) {
      return Optional.empty();
    }
    for (TableDefinition read : definition.reads()) {
      if (pending.contains(read.id())) {
        failed.add("reads " + read.id() + ", whose audit is pending");
      }
    }
    if (failed.isEmpty()) {
      publisher.publish(runId, written, Optional.empty());
      return Optional.of(new RunTracker.Audited(TableStatus.PUBLISHED, List.of()));
    }
    pending.add(definition.id());
    LOG.warn("{}: audit {} is pending on branch {}: {}", definition.id(), runId, branch, failed);
    if (report != null) {
      keep(definition.id(), report);
    }
    return Optional.of(new RunTracker.Audited(TableStatus.AUDIT_PENDING, failed));
  }

  /** Sends every table back to its main branch and lets the next audited run begin. */
  public void end() {
    if (!audited.isEmpty()) {
      store.endAudit();
    }
  }

  /**
   * Returns the file a pending audit's quality report of a table is kept in.
   *
   * @param reports the reports folder
   * @param runId the run
   * @param table the table
   * @return {@code <reports>/<runId>/<table>.json}
   */
  public static Path reportFile(Path reports, String runId, TableId table) {
    return reports.resolve(runId).resolve(table + ".json");
  }

  private void keep(TableId table, QualityReport report) {
    Path file = reportFile(reports, runId, table);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, ReportJson.write(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MedallionException(
          "Cannot keep the quality report of pending audit "
              + runId
              + " in "
              + file
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
