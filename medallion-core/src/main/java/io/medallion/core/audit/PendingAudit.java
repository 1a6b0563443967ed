package io.medallion.core.audit;

import io.medallion.TableId;
import java.util.List;
import java.util.Objects;

/**
 * An audited run whose snapshots wait on audit branches: the tables it wrote and the checks that
 * held it back.
 *
 * <pre>{@code
 * audit.runId();        // "20261203T174900Z-3f2a9c1d"
 * audit.failedChecks(); // ["min_rows: row_count 3 < 10"]
 * }</pre>
 *
 * @param runId the run's id; its branch is {@code audit-<runId>}
 * @param tables the tables with the run's branch, upstream first
 * @param failedChecks the checks its silver batches failed; empty when only an upstream pending
 *     audit or an interrupted run held it back
 */
public record PendingAudit(String runId, List<TableId> tables, List<String> failedChecks) {
  /**
   * Checks and copies the values.
   *
   * @param runId the run id
   * @param tables the tables
   * @param failedChecks the failed checks
   */
  public PendingAudit {
    Objects.requireNonNull(runId, "runId");
    tables = List.copyOf(tables);
    failedChecks = List.copyOf(failedChecks);
  }

  /**
   * Returns the branch the run's snapshots are on, e.g. to read them with {@code AsOf.branch(...)}
   * or from Spark ({@code VERSION AS OF 'audit-...'}).
   *
   * @return {@code audit-<runId>}
   */
  public String branch() {
    return "audit-" + runId;
  }
}
