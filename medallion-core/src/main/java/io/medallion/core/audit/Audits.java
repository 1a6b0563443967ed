package io.medallion.core.audit;

import io.medallion.TableId;
import io.medallion.report.QualityReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pending audits of a pipeline's tables (see {@link WriteAuditPublish}): list them, read their
 * quality reports, publish one anyway with a reason, or discard one. Each operation first finishes
 * any publish a crash interrupted.
 *
 * <pre>{@code
 * Audits audits = runtime.audits(pipeline);
 * for (PendingAudit audit : audits.pending()) {
 *   log.info("{} waits: {}", audit.runId(), audit.failedChecks());
 * }
 * audits.publish(runId, "late partner file, checked by hand");
 * }</pre>
 */
public interface Audits {
  /**
   * Lists the pending audits, oldest run first.
   *
   * @return one entry per run with audit branches on the pipeline's tables
   */
  List<PendingAudit> pending();

  /**
   * Finds one pending audit.
   *
   * @param runId the run
   * @return the audit, or empty when the run has no audit branch left
   */
  Optional<PendingAudit> find(String runId);

  /**
   * Returns the quality reports a pending audit's tables had when the run left them pending.
   *
   * @param runId the run
   * @return the reports by table; empty for tables without one (gold) or when none was kept
   * @throws io.medallion.MedallionException when a kept report cannot be read
   */
  Map<TableId, QualityReport> reports(String runId);

  /**
   * Publishes a pending audit although its checks failed: each table's main branch is
   * fast-forwarded to the audit branch, upstream first, and the reason is recorded in every table's
   * history (snapshot summary {@code medallion.audit.published-anyway}).
   *
   * @param runId the run
   * @param reason why, e.g. who checked the rows and what they found; not blank
   * @return the tables published
   * @throws IllegalArgumentException when the reason is blank
   * @throws io.medallion.MedallionException when the run has no pending audit, or a table's main
   *     branch moved on since (then nothing is published)
   */
  List<TableId> publish(String runId, String reason);

  /**
   * Discards a pending audit: removes its branches, so its snapshots are no longer reachable;
   * snapshot expiry ({@code maintain}) removes them and the data files only they used.
   *
   * @param runId the run
   * @return the tables whose branch was removed
   * @throws io.medallion.MedallionException when the run has no pending audit
   */
  List<TableId> discard(String runId);
}
