package io.medallion.core.internal.iceberg;

import io.medallion.MedallionException;
import io.medallion.TableId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * Creates and loads medallion tables in a catalog, with the write profile every reader accepts:
 * format v2, Parquet with zstd, no equality deletes, merge-on-read with positional deletes.
 *
 * <p>Within one run a table is ensured once: the registration at the start of a run loads, creates
 * or evolves each table, and the steps after it get that table without another catalog round trip
 * (which on Glue and REST catalogs is a remote call). {@link #beginRun()} forgets them, so the next
 * run sees what other writers changed meanwhile.
 */
public final class TableStore {
  private final Catalog catalog;
  private final Map<TableId, Ensured> ensuredThisRun = new ConcurrentHashMap<>();
  private volatile Audit audit;
  // The audit is the store's, not a thread's: audited runs of one runtime take turns.
  private final Semaphore auditTurn = new Semaphore(1);

  /** The tables a run writes to an audit branch instead of main. */
  private record Audit(String branch, Set<TableId> tables) {}

  /** A table ensured in this run, and the layout it was ensured for. */
  private record Ensured(TableLayout layout, Table table) {
    /**
     * Whether the table was ensured for the same columns, partitioning and managed properties.
     * Ownership is left out: registration sets it, the steps of a run do not repeat it.
     */
    boolean covers(TableLayout wanted) {
      return layout.columns().equals(wanted.columns())
          && layout.partitioning().equals(wanted.partitioning())
          && layout.properties().equals(wanted.properties());
    }
  }

  /**
   * Wraps a catalog.
   *
   * @param catalog the Iceberg catalog
   */
  public TableStore(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Returns the catalog.
   *
   * @return the Iceberg catalog
   */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Loads a table, creating it (and its namespace) on first use, or evolving it compatibly when its
   * layout gained columns, wider types, docs or properties.
   *
   * @param layout the table's layout
   * @return the table
   * @throws MedallionException naming every incompatible difference
   */
  public Table ensure(TableLayout layout) {
    Ensured ensured = ensuredThisRun.get(layout.id());
    if (ensured != null && ensured.covers(layout)) {
      return onBranch(layout.id(), ensured.table());
    }
    Table existing = find(layout.id()).orElse(null);
    if (existing == null) {
      ensureNamespace(layout.id().namespace(), Map.of());
    }
    return onBranch(layout.id(), ensured(layout, existing, TablePlanner.plan(existing, layout)));
  }

  /**
   * Applies a plan made against a table as it was found, and remembers the result for the rest of
   * the run.
   *
   * @param layout the table's layout
   * @param existing the table as found, or null when it did not exist
   * @param plan the plan made against it, without conflicts
   * @return the table as it is now
   * @throws MedallionException when the plan has conflicts
   */
  public Table ensured(TableLayout layout, Table existing, TablePlan plan) {
    Table table =
        existing != null && plan.changes().isEmpty() && plan.conflicts().isEmpty()
            ? existing
            : TablePlanner.apply(catalog, plan);
    ensuredThisRun.put(layout.id(), new Ensured(layout, table));
    return table;
  }

  /**
   * Starts a run: every table is ensured again, once, so this run sees what other writers changed
   * since the last one.
   */
  public void beginRun() {
    ensuredThisRun.clear();
  }

  /**
   * Sends the reads and writes of some tables to an audit branch until {@link #endAudit()}: the
   * tables {@link #ensure} and {@link #load} return for them are {@link BranchTable} views, so
   * every processor commits there without knowing it. An audit begun by another run is waited for:
   * audited runs of one runtime run one at a time, so no run writes to another's branch.
   *
   * @param branch the branch
   * @param tables the physical tables audited
   */
  public void beginAudit(String branch, Set<TableId> tables) {
    auditTurn.acquireUninterruptibly();
    audit = new Audit(branch, Set.copyOf(tables));
  }

  /** Ends the audit {@link #beginAudit} began, sending every read and write back to main. */
  public void endAudit() {
    audit = null;
    auditTurn.release();
  }

  /**
   * Tells whether a table is written to an audit branch in this run.
   *
   * @param id the physical table
   * @return true between {@link #beginAudit} and {@link #endAudit()} for an audited table
   */
  public boolean audited(TableId id) {
    Audit current = audit;
    return current != null && current.tables().contains(id);
  }

  private Table onBranch(TableId id, Table table) {
    Audit current = audit;
    return current != null && current.tables().contains(id)
        ? BranchTable.of(table, current.branch())
        : table;
  }

  /**
   * Loads a table if it exists, in one catalog call.
   *
   * @param id the table id
   * @return the table, or empty when it does not exist
   */
  public Optional<Table> find(TableId id) {
    try {
      return Optional.of(catalog.loadTable(identifier(id)));
    } catch (NoSuchTableException missing) {
      return Optional.empty();
    }
  }

  /**
   * Returns a table as this run last ensured it, without a catalog call: after a commit through it,
   * it shows that commit.
   *
   * @param id the table id
   * @return the table, or empty when this run has not ensured it
   */
  public Optional<Table> ensuredThisRun(TableId id) {
    Ensured ensured = ensuredThisRun.get(id);
    return ensured == null ? Optional.empty() : Optional.of(onBranch(id, ensured.table()));
  }

  /**
   * Loads an existing table.
   *
   * @param id the table id
   * @return the table
   * @throws org.apache.iceberg.exceptions.NoSuchTableException when it does not exist
   */
  public Table load(TableId id) {
    return onBranch(id, catalog.loadTable(identifier(id)));
  }

  /**
   * Tells whether a table exists.
   *
   * @param id the table id
   * @return true when it exists
   */
  public boolean exists(TableId id) {
    return catalog.tableExists(identifier(id));
  }

  /**
   * Converts an id.
   *
   * @param id the medallion table id
   * @return the Iceberg identifier
   */
  public static TableIdentifier identifier(TableId id) {
    return TableIdentifier.of(Namespace.of(id.namespace()), id.name());
  }

  /**
   * Creates a namespace unless it exists.
   *
   * @param name the namespace
   * @param metadata its properties, e.g. {@code comment}; ignored when it exists
   * @return true when this call created it
   */
  public boolean ensureNamespace(String name, Map<String, String> metadata) {
    if (catalog instanceof SupportsNamespaces namespaces) {
      Namespace namespace = Namespace.of(name);
      if (!namespaces.namespaceExists(namespace)) {
        try {
          // A mutable copy: some catalogs probe the map for null keys, which Map.of() refuses.
          namespaces.createNamespace(namespace, new HashMap<>(metadata));
          return true;
        } catch (RuntimeException raced) {
          // Another runtime created it first (JDBC catalogs report that as a failed insert, not
          // AlreadyExistsException): that is the state we wanted.
          if (!namespaces.namespaceExists(namespace)) {
            throw raced;
          }
        }
      }
    }
    return false;
  }
}
