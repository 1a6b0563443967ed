package io.medallion.core.iceberg;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.PartitionField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Types;

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
   * Loads a table, creating it (and its namespace) on first use.
   *
   * @param id the table id
   * @param layer the layer, stored as a table property
   * @param columns the columns
   * @param partitioning the partitioning
   * @param description the table comment
   * @return the table
   */
  public Table ensure(
      TableId id,
      Layer layer,
      List<Column> columns,
      List<PartitionField> partitioning,
      String description) {
    TableIdentifier identifier = identifier(id);
    if (catalog.tableExists(identifier)) {
      Table existing = catalog.loadTable(identifier);
      requireSameColumns(id, existing.schema(), IcebergSchemas.schema(columns));
      return existing;
    }
    ensureNamespace(id.namespace());
    Schema schema = IcebergSchemas.schema(columns);
    Map<String, String> properties = new HashMap<>();
    properties.put("format-version", "2");
    properties.put("write.format.default", "parquet");
    properties.put("write.parquet.compression-codec", "zstd");
    properties.put("write.delete.mode", "merge-on-read");
    properties.put("write.update.mode", "merge-on-read");
    properties.put("write.merge.mode", "merge-on-read");
    properties.put(TableProperties.LAYER, layer.label());
    if (!description.isEmpty()) {
      properties.put("comment", description);
    }
    try {
      return catalog
          .buildTable(identifier, schema)
          .withPartitionSpec(IcebergSchemas.spec(schema, partitioning))
          .withProperties(properties)
          .create();
    } catch (AlreadyExistsException raced) {
      return catalog.loadTable(identifier);
    }
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
   * Rows are written by position, so a definition whose columns differ from the table's would put
   * values into the wrong columns: refuse, naming every difference.
   */
  private static void requireSameColumns(TableId id, Schema table, Schema definition) {
    List<String> problems = new ArrayList<>();
    List<Types.NestedField> stored = table.columns();
    List<Types.NestedField> wanted = definition.columns();
    for (int i = 0; i < Math.max(stored.size(), wanted.size()); i++) {
      String have = i < stored.size() ? describe(stored.get(i)) : "nothing";
      String want = i < wanted.size() ? describe(wanted.get(i)) : "nothing";
      if (!have.equals(want)) {
        problems.add(
            "column "
                + (i + 1)
                + " is "
                + have
                + " in the table but "
                + want
                + " in the definition");
      }
    }
    if (!problems.isEmpty()) {
      throw new MedallionException(
          "Cannot use table "
              + id
              + ": its columns differ from the definition (schema evolution is not supported"
              + " yet); "
              + String.join("; ", problems));
    }
  }

  private static String describe(Types.NestedField field) {
    return "'" + field.name() + "' " + field.type();
  }

  private void ensureNamespace(String name) {
    if (catalog instanceof SupportsNamespaces namespaces) {
      Namespace namespace = Namespace.of(name);
      if (!namespaces.namespaceExists(namespace)) {
        try {
          namespaces.createNamespace(namespace);
        } catch (AlreadyExistsException raced) {
          // Another runtime created it first: that is the state we wanted.
        }
      }
    }
  }
}
