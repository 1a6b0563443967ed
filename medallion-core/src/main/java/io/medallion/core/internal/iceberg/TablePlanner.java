package io.medallion.core.internal.iceberg;

import io.medallion.MedallionException;
import io.medallion.catalog.PlannedChange;
import io.medallion.catalog.PlannedChange.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * Compares a table with its layout and evolves it compatibly: adds columns, widens types, orders
 * columns as defined, sets docs and managed properties. Anything else (a column dropped or
 * narrowed, another partitioning) is a conflict, named, and never applied.
 *
 * <pre>{@code
 * TablePlan plan = TablePlanner.plan(existingOrNull, TableLayouts.silver(users));
 * Table table = TablePlanner.apply(catalog, plan); // throws when plan.conflicts() is not empty
 * }</pre>
 */
public final class TablePlanner {
  /** The write profile every reader accepts: v2, Parquet zstd, positional deletes only. */
  private static final Map<String, String> WRITE_PROFILE =
      Map.of(
          "format-version", "2",
          "write.format.default", "parquet",
          "write.parquet.compression-codec", "zstd",
          "write.delete.mode", "merge-on-read",
          "write.update.mode", "merge-on-read",
          "write.merge.mode", "merge-on-read");

  private static final int EVOLVE_ATTEMPTS = 5;

  private TablePlanner() {}

  /**
   * Plans the changes for one table.
   *
   * @param existing the table, or null when it does not exist
   * @param layout the wanted layout
   * @return the plan
   */
  public static TablePlan plan(Table existing, TableLayout layout) {
    String target = layout.id().toString();
    Schema wanted = IcebergSchemas.schema(layout.columns());
    if (existing == null) {
      return new TablePlan(
          layout,
          false,
          List.of(
              new PlannedChange(
                  Kind.CREATE_TABLE,
                  target,
                  layout.layer().label()
                      + " table with "
                      + wanted.columns().size()
                      + " columns"
                      + (layout.partitioning().isEmpty()
                          ? ""
                          : ", partitioned by " + layout.partitioning()))),
          List.of());
    }
    List<PlannedChange> changes = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    Schema have = existing.schema();
    for (Types.NestedField field : wanted.columns()) {
      Types.NestedField current = have.findField(field.name());
      if (current == null) {
        changes.add(
            new PlannedChange(
                Kind.ADD_COLUMN,
                target,
                "add column '" + field.name() + "' " + describe(field.type())));
      } else if (!describe(current.type()).equals(describe(field.type()))) {
        if (current.type().isPrimitiveType()
            && field.type().isPrimitiveType()
            && TypeUtil.isPromotionAllowed(current.type(), field.type().asPrimitiveType())) {
          changes.add(
              new PlannedChange(
                  Kind.WIDEN_COLUMN,
                  target,
                  "widen column '"
                      + field.name()
                      + "' from "
                      + current.type()
                      + " to "
                      + field.type()));
        } else {
          conflicts.add(
              target
                  + ": column '"
                  + field.name()
                  + "' is "
                  + describe(current.type())
                  + " in the table but "
                  + describe(field.type())
                  + " in the definition, and "
                  + (current.type().isPrimitiveType() && field.type().isPrimitiveType()
                      ? "Iceberg can only widen int to long, float to double and decimal"
                          + " precision"
                      : "nested types are not evolved in place; give the column a new name"));
        }
      }
      if (current != null && field.doc() != null && !field.doc().equals(current.doc())) {
        changes.add(
            new PlannedChange(
                Kind.UPDATE_COLUMN_DOC,
                target,
                "describe column '" + field.name() + "' as '" + field.doc() + "'"));
      }
    }
    for (Types.NestedField field : have.columns()) {
      if (wanted.findField(field.name()) == null) {
        conflicts.add(
            target
                + ": column '"
                + field.name()
                + "' "
                + describe(field.type())
                + " is in the table but not in the definition; add it back, or drop it with"
                + " Iceberg's updateSchema().deleteColumn() if its data may go");
      }
    }
    List<String> order = new ArrayList<>(names(have));
    names(wanted).stream().filter(name -> !order.contains(name)).forEach(order::add);
    if (conflicts.isEmpty() && !order.equals(names(wanted))) {
      changes.add(
          new PlannedChange(
              Kind.MOVE_COLUMN, target, "order columns as defined: " + names(wanted)));
    }
    String havePartitioning = partitioning(existing.spec(), have);
    String wantPartitioning =
        partitioning(IcebergSchemas.spec(wanted, layout.partitioning()), wanted);
    if (!havePartitioning.equals(wantPartitioning)) {
      conflicts.add(
          target
              + ": partitioning is "
              + havePartitioning
              + " in the table but "
              + wantPartitioning
              + " in the definition; evolve it with Iceberg's updateSpec()");
    }
    Map<String, String> properties = changedProperties(existing, layout);
    if (!properties.isEmpty()) {
      changes.add(new PlannedChange(Kind.SET_PROPERTIES, target, "set " + properties));
    }
    return new TablePlan(layout, true, changes, conflicts);
  }

  /**
   * Creates or evolves a table as planned, in one commit.
   *
   * @param catalog the catalog
   * @param plan the plan, without conflicts
   * @return the table as it is now
   * @throws MedallionException when the plan has conflicts
   */
  public static Table apply(Catalog catalog, TablePlan plan) {
    requireNoConflicts(plan);
    TableIdentifier identifier = TableStore.identifier(plan.layout().id());
    if (!plan.exists()) {
      return create(catalog, identifier, plan.layout());
    }
    Table table = catalog.loadTable(identifier);
    if (plan.changes().isEmpty()) {
      return table;
    }
    // The table may have moved since it was planned, or move while it evolves (another runtime
    // registering the same pipeline): evolve what it is now, and again if that commit lost.
    for (int attempt = 1; ; attempt++) {
      TablePlan now = plan(table, plan.layout());
      requireNoConflicts(now);
      if (now.changes().isEmpty()) {
        return table;
      }
      try {
        evolve(table, now);
        return table;
      } catch (CommitFailedException lost) {
        if (attempt == EVOLVE_ATTEMPTS) {
          throw lost;
        }
        table.refresh();
      }
    }
  }

  private static void requireNoConflicts(TablePlan plan) {
    if (!plan.conflicts().isEmpty()) {
      throw new MedallionException(
          "Cannot use table "
              + plan.layout().id()
              + ": its definition differs incompatibly; "
              + String.join("; ", plan.conflicts()));
    }
  }

  private static Table create(Catalog catalog, TableIdentifier identifier, TableLayout layout) {
    Schema schema = IcebergSchemas.schema(layout.columns());
    Map<String, String> properties = new HashMap<>(WRITE_PROFILE);
    properties.putAll(layout.wantedProperties(Map.of()));
    try {
      return catalog
          .buildTable(identifier, schema)
          .withPartitionSpec(IcebergSchemas.spec(schema, layout.partitioning()))
          .withProperties(properties)
          .create();
    } catch (RuntimeException raced) {
      // Another runtime created it first; JDBC catalogs on some databases report that as a
      // failed insert rather than AlreadyExistsException.
      if (!catalog.tableExists(identifier)) {
        throw raced;
      }
      Table table = catalog.loadTable(identifier);
      TablePlan again = plan(table, layout);
      return again.changes().isEmpty() && again.conflicts().isEmpty()
          ? table
          : apply(catalog, again);
    }
  }

  private static void evolve(Table table, TablePlan plan) {
    Transaction transaction = table.newTransaction();
    // An empty schema update would still make the transaction depend on the schema it read.
    if (plan.changes().stream().anyMatch(change -> change.kind() != Kind.SET_PROPERTIES)) {
      evolveSchema(table.schema(), IcebergSchemas.schema(plan.layout().columns()), transaction);
    }
    Map<String, String> properties = changedProperties(table, plan.layout());
    if (!properties.isEmpty()) {
      UpdateProperties update = transaction.updateProperties();
      properties.forEach(update::set);
      update.commit();
    }
    transaction.commitTransaction();
  }

  private static void evolveSchema(Schema have, Schema wanted, Transaction transaction) {
    UpdateSchema schema = transaction.updateSchema();
    for (Types.NestedField field : wanted.columns()) {
      Types.NestedField current = have.findField(field.name());
      if (current == null) {
        schema.addColumn(field.name(), field.type(), field.doc());
        continue;
      }
      if (!describe(current.type()).equals(describe(field.type()))) {
        schema.updateColumn(field.name(), field.type().asPrimitiveType());
      }
      if (field.doc() != null && !field.doc().equals(current.doc())) {
        schema.updateColumnDoc(field.name(), field.doc());
      }
    }
    List<String> order = names(wanted);
    List<String> afterAdds = new ArrayList<>(names(have));
    order.stream().filter(name -> !afterAdds.contains(name)).forEach(afterAdds::add);
    if (!afterAdds.equals(order)) {
      schema.moveFirst(order.get(0));
      for (int i = 1; i < order.size(); i++) {
        schema.moveAfter(order.get(i), order.get(i - 1));
      }
    }
    schema.commit();
  }

  private static Map<String, String> changedProperties(Table table, TableLayout layout) {
    Map<String, String> changed = new TreeMap<>();
    layout
        .wantedProperties(table.properties())
        .forEach(
            (key, value) -> {
              if (!Objects.equals(table.properties().get(key), value)) {
                changed.put(key, value);
              }
            });
    return changed;
  }

  private static List<String> names(Schema schema) {
    return schema.columns().stream().map(Types.NestedField::name).toList();
  }

  private static String partitioning(PartitionSpec spec, Schema schema) {
    return spec.fields().stream()
        .map(f -> f.transform() + "(" + schema.findColumnName(f.sourceId()) + ")")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** A type without field ids, so that equal definitions compare equal whatever ids they got. */
  private static String describe(Type type) {
    if (type.isPrimitiveType()) {
      return type.toString();
    }
    if (type instanceof Types.ListType list) {
      return "list<" + describe(list.elementType()) + ">";
    }
    if (type instanceof Types.MapType map) {
      return "map<" + describe(map.keyType()) + ", " + describe(map.valueType()) + ">";
    }
    return type.asStructType().fields().stream()
        .map(f -> f.name() + ": " + describe(f.type()))
        .collect(Collectors.joining(", ", "struct<", ">"));
  }
}
