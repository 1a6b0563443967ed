package io.medallion.core.internal.audit;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import io.medallion.table.TableDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Where an audited run leaves its snapshots and what it records there: one branch per run, named
 * {@code audit-<runId>} on every table the run wrote, and the checks that held it back in the
 * summary of the silver commits that failed them.
 *
 * <pre>{@code
 * String branch = AuditBranches.branch("20261203T174900Z-3f2a9c1d"); // "audit-20261203T174900Z-3f2a9c1d"
 * }</pre>
 */
public final class AuditBranches {
  /** Snapshot-summary key: the checks a batch failed, one per line. */
  public static final String FAILED_CHECKS = "medallion.audit.failed-checks";

  /**
   * Snapshot-summary key of the empty snapshot an audited run first commits to a table whose main
   * has none: a state of main a publish interrupted by a crash can be rolled back to.
   */
  public static final String BASE = "medallion.audit.base";

  /** Snapshot-summary key: why an audit was published although checks failed. */
  public static final String PUBLISHED_ANYWAY = "medallion.audit.published-anyway";

  private static final String PREFIX = "audit-";

  private AuditBranches() {}

  /**
   * Names the audit branch of a run.
   *
   * @param runId the run id
   * @return {@code audit-<runId>}
   */
  public static String branch(String runId) {
    return PREFIX + runId;
  }

  /**
   * Adds the failed checks to a commit's summary entries.
   *
   * @param summary the entries
   * @param failedChecks the checks the batch failed, possibly none
   * @return the entries, with {@link #FAILED_CHECKS} when a check failed
   */
  public static Map<String, String> withFailed(
      Map<String, String> summary, List<String> failedChecks) {
    if (failedChecks.isEmpty()) {
      return summary;
    }
    Map<String, String> entries = new LinkedHashMap<>(summary);
    entries.put(FAILED_CHECKS, String.join("\n", failedChecks));
    return entries;
  }

  /**
   * Returns the physical tables one definition writes, in the order they are published: a silver
   * table's quarantine and metrics before the table itself, which is what downstream tables read.
   *
   * @param definition a silver or gold definition
   * @return the tables
   */
  public static List<TableId> tablesOf(TableDefinition definition) {
    if (definition instanceof SilverTable silver) {
      return List.of(silver.quarantineId(), silver.metricsId(), silver.id());
    }
    return List.of(definition.id());
  }

  /**
   * Returns every physical table of a pipeline an audit may write, upstream first.
   *
   * @param pipeline the pipeline
   * @return the tables of its silver and gold definitions
   */
  public static List<TableId> tablesOf(Pipeline pipeline) {
    List<TableId> tables = new ArrayList<>();
    for (TableDefinition definition : pipeline.tables()) {
      if (!(definition instanceof BronzeTable)) {
        tables.addAll(tablesOf(definition));
      }
    }
    return tables;
  }

  /**
   * Returns the run ids of the audit branches a table has.
   *
   * @param table the table, as the catalog loaded it
   * @return the run ids, in no particular order
   */
  public static List<String> runIds(Table table) {
    return table.refs().entrySet().stream()
        .filter(ref -> ref.getValue().isBranch() && ref.getKey().startsWith(PREFIX))
        .map(ref -> ref.getKey().substring(PREFIX.length()))
        .toList();
  }

  /**
   * Returns the head of a branch.
   *
   * @param table the table, as the catalog loaded it
   * @param branch the branch
   * @return the snapshot id, or null when the table has no such branch
   */
  public static Long head(Table table, String branch) {
    SnapshotRef ref = table.refs().get(branch);
    return ref == null ? null : ref.snapshotId();
  }

  /**
   * Returns the checks failed by the commits a branch holds and main does not.
   *
   * @param table the table, as the catalog loaded it
   * @param branch the branch
   * @return the failed checks, oldest commit first; empty when the branch is missing or passed
   */
  public static List<String> failedChecks(Table table, String branch) {
    Long head = head(table, branch);
    if (head == null) {
      return List.of();
    }
    Set<Long> onMain = new HashSet<>();
    Snapshot main = table.currentSnapshot();
    if (main != null) {
      SnapshotUtil.ancestorIds(main, table::snapshot).forEach(onMain::add);
    }
    List<String> checks = new ArrayList<>();
    for (Snapshot snapshot : SnapshotUtil.ancestorsOf(head, table::snapshot)) {
      if (onMain.contains(snapshot.snapshotId())) {
        break;
      }
      String failed = snapshot.summary().get(FAILED_CHECKS);
      if (failed != null) {
        checks.addAll(0, Arrays.asList(failed.split("\n")));
      }
    }
    return checks;
  }
}
