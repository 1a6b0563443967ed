package io.medallion.core.internal.audit;

import io.medallion.MedallionException;
import io.medallion.TableId;
import io.medallion.core.internal.iceberg.BranchTable;
import io.medallion.core.internal.iceberg.Commits;
import io.medallion.core.internal.iceberg.TableStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes an audit: fast-forwards each table's main branch to the audit branch, upstream first,
 * then removes the branches. Fast-forwarding several tables cannot be one atomic commit, so the
 * publish records what it intends first, as a property of the first table ({@code
 * medallion.audit.publishing.<runId>}: every table with its main snapshot before), and {@link
 * #recover} finishes an interrupted publish, or rolls back what it fast-forwarded when a table can
 * no longer be, so a publish never stays half done.
 *
 * <pre>{@code
 * new AuditPublisher(store).publish(runId, List.of(quarantine, metrics, silver), Optional.empty());
 * }</pre>
 */
public final class AuditPublisher {
  /** Table-property prefix of a publish in progress, followed by the run id. */
  public static final String PUBLISHING = "medallion.audit.publishing.";

  private static final Logger LOG = LoggerFactory.getLogger(AuditPublisher.class);

  private final TableStore store;
  private final Consumer<TableId> afterFastForward;

  /**
   * Creates a publisher.
   *
   * @param store the tables
   */
  public AuditPublisher(TableStore store) {
    this(store, table -> {});
  }

  /**
   * Creates a publisher that calls a hook after each fast-forward, for tests that interrupt a
   * publish between two tables.
   *
   * @param store the tables
   * @param afterFastForward called with each table right after its main branch moved
   */
  public AuditPublisher(TableStore store, Consumer<TableId> afterFastForward) {
    this.store = store;
    this.afterFastForward = afterFastForward;
  }

  /**
   * Publishes the audit branch of a run on some tables: every main branch is checked to be a
   * fast-forward first, so a publish that cannot finish changes nothing.
   *
   * @param runId the run
   * @param tables the tables, upstream first; those without the run's branch are skipped
   * @param reason why checks that failed are overruled, recorded in each table's history; empty
   *     when they passed
   * @return the tables published
   * @throws MedallionException naming the table whose main branch moved on since the audit
   */
  public List<TableId> publish(String runId, List<TableId> tables, Optional<String> reason) {
    String branch = AuditBranches.branch(runId);
    Map<TableId, Table> withBranch = new LinkedHashMap<>();
    for (TableId id : tables) {
      Table table = catalogTable(id);
      if (table == null) {
        continue;
      }
      Long head = AuditBranches.head(table, branch);
      if (head == null) {
        continue;
      }
      if (!fastForwards(table, head)) {
        throw new MedallionException(
            "Cannot publish audit "
                + runId
                + ": the main branch of "
                + id
                + " moved on since the audit was written, so it cannot be fast-forwarded; nothing"
                + " was published. Discard the audit and run again");
      }
      withBranch.put(id, table);
    }
    if (withBranch.isEmpty()) {
      return List.of();
    }
    reason.ifPresent(text -> withBranch.values().forEach(t -> recordReason(t, branch, text)));
    Table first = withBranch.values().iterator().next();
    first.updateProperties().set(PUBLISHING + runId, intent(withBranch)).commit();
    finish(runId, first, withBranch.keySet());
    return List.copyOf(withBranch.keySet());
  }

  /**
   * Finishes every publish a crash interrupted on these tables: fast-forwards the tables not yet
   * published, or, when one of them can no longer be, moves back those already published, so the
   * audit is either wholly published or wholly pending.
   *
   * @param tables every table an audit may write, e.g. a pipeline's
   */
  public void recover(List<TableId> tables) {
    for (TableId id : tables) {
      Table table = catalogTable(id);
      if (table == null) {
        continue;
      }
      for (Map.Entry<String, String> property : Map.copyOf(table.properties()).entrySet()) {
        if (property.getKey().startsWith(PUBLISHING)) {
          String runId = property.getKey().substring(PUBLISHING.length());
          LOG.warn("Audit {} was being published when it stopped; finishing it", runId);
          Map<TableId, Long> before = parse(property.getValue());
          if (canFinish(runId, before.keySet())) {
            finish(runId, table, before.keySet());
          } else {
            rollBack(runId, table, before);
          }
        }
      }
    }
  }

  /**
   * Removes a run's audit branches; the files only they reference are left to orphan-file cleanup.
   *
   * @param runId the run
   * @param tables the tables to look at
   * @return the tables whose branch was removed
   */
  public List<TableId> discard(String runId, List<TableId> tables) {
    String branch = AuditBranches.branch(runId);
    List<TableId> discarded = new ArrayList<>();
    for (TableId id : tables) {
      Table table = catalogTable(id);
      if (table != null && AuditBranches.head(table, branch) != null) {
        table.manageSnapshots().removeBranch(branch).commit();
        discarded.add(id);
      }
    }
    return discarded;
  }

  /** Fast-forwards every table, then removes the branches and the intent. */
  private void finish(String runId, Table intentTable, Collection<TableId> tables) {
    String branch = AuditBranches.branch(runId);
    for (TableId id : tables) {
      Table table = catalogTable(id);
      Long head = table == null ? null : AuditBranches.head(table, branch);
      if (head != null && !isMain(table, head)) {
        table.manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, branch).commit();
        LOG.info("{}: audit {} published, main is now snapshot {}", id, runId, head);
        afterFastForward.accept(id);
      }
    }
    discard(runId, List.copyOf(tables));
    intentTable.refresh();
    intentTable.updateProperties().remove(PUBLISHING + runId).commit();
  }

  private boolean canFinish(String runId, Collection<TableId> tables) {
    String branch = AuditBranches.branch(runId);
    for (TableId id : tables) {
      Table table = catalogTable(id);
      Long head = table == null ? null : AuditBranches.head(table, branch);
      if (head != null && !isMain(table, head) && !fastForwards(table, head)) {
        return false;
      }
    }
    return true;
  }

  /** Moves main back where it was on tables already published; the audit stays pending. */
  private void rollBack(String runId, Table intentTable, Map<TableId, Long> before) {
    String branch = AuditBranches.branch(runId);
    before.forEach(
        (id, previous) -> {
          Table table = catalogTable(id);
          Long head = table == null ? null : AuditBranches.head(table, branch);
          if (head != null && previous != null && isMain(table, head)) {
            table.manageSnapshots().replaceBranch(SnapshotRef.MAIN_BRANCH, previous).commit();
            LOG.warn("{}: publish of audit {} rolled back to snapshot {}", id, runId, previous);
          }
        });
    intentTable.refresh();
    intentTable.updateProperties().remove(PUBLISHING + runId).commit();
  }

  /** Commits an empty snapshot on the branch whose summary holds the reason. */
  private static void recordReason(Table table, String branch, String reason) {
    Table audit = BranchTable.of(table, branch);
    Commits.commit(audit, () -> audit.newAppend().set(AuditBranches.PUBLISHED_ANYWAY, reason));
  }

  private static boolean isMain(Table table, long head) {
    Snapshot main = table.currentSnapshot();
    return main != null && main.snapshotId() == head;
  }

  private static boolean fastForwards(Table table, long head) {
    Snapshot main = table.currentSnapshot();
    return main == null || SnapshotUtil.isAncestorOf(table, head, main.snapshotId());
  }

  /** The intent: each table with its main snapshot before the publish, empty for none. */
  private static String intent(Map<TableId, Table> tables) {
    List<String> entries = new ArrayList<>();
    tables.forEach(
        (id, table) -> {
          Snapshot main = table.currentSnapshot();
          entries.add(id + "=" + (main == null ? "" : Long.toString(main.snapshotId())));
        });
    return String.join(",", entries);
  }

  private static Map<TableId, Long> parse(String intent) {
    Map<TableId, Long> before = new LinkedHashMap<>();
    for (String entry : intent.split(",")) {
      int equals = entry.indexOf('=');
      String snapshot = entry.substring(equals + 1);
      before.put(
          TableId.parse(entry.substring(0, equals)),
          snapshot.isEmpty() ? null : Long.parseLong(snapshot));
    }
    return before;
  }

  /** The table on its main branch, fresh from the catalog, or null when it does not exist. */
  private Table catalogTable(TableId id) {
    return store.find(id).orElse(null);
  }
}
