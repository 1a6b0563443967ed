package io.medallion.core.iceberg;

import io.medallion.MedallionException;
import io.medallion.TableId;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Creates and loads medallion tables in a catalog, with the write profile every reader accepts:
 * format v2, Parquet with zstd, no equality deletes, merge-on-read with positional deletes.
 */
public final class TableStore {
  private final Catalog catalog;

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
    TableIdentifier identifier = identifier(layout.id());
    Table existing = catalog.tableExists(identifier) ? catalog.loadTable(identifier) : null;
    if (existing == null) {
      ensureNamespace(layout.id().namespace(), Map.of());
    }
    return TablePlanner.apply(catalog, TablePlanner.plan(existing, layout));
  }

  /**
   * Loads an existing table.
   *
   * @param id the table id
   * @return the table
   * @throws org.apache.iceberg.exceptions.NoSuchTableException when it does not exist
   */
  public Table load(TableId id) {
    return catalog.loadTable(identifier(id));
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
