package io.medallion.core.catalog;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.catalog.PlannedChange;
import io.medallion.catalog.PlannedChange.Kind;
import io.medallion.catalog.RegistrationPlan;
import io.medallion.core.iceberg.TableLayout;
import io.medallion.core.iceberg.TableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;

/**
 * Publishes the tables a runtime writes into another catalog without copying data: each target
 * entry points at the same metadata file (Iceberg's {@code registerTable}). Publishing again points
 * entries at the newest metadata; an entry already current is left alone.
 */
public final class Publisher {
  private final Catalog source;
  private final Catalog target;
  private final String targetLabel;

  /**
   * Publishes from one catalog to another.
   *
   * @param source the catalog the runtime writes to
   * @param target the catalog to publish in
   * @param targetLabel how plans name the target
   */
  public Publisher(Catalog source, Catalog target, String targetLabel) {
    this.source = source;
    this.target = target;
    this.targetLabel = targetLabel;
  }

  /**
   * Plans the publication without changing anything.
   *
   * @param pipeline the pipeline whose tables to publish
   * @return the plan, with a conflict for each table missing at the source or taken at the target
   */
  public RegistrationPlan plan(Pipeline pipeline) {
    List<PlannedChange> changes = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    Set<String> namespaces = new LinkedHashSet<>();
    if (target instanceof HadoopCatalog) {
      conflicts.add(
          targetLabel + " is a file-system catalog, which cannot register existing tables");
      return new RegistrationPlan(targetLabel, changes, conflicts);
    }
    for (TableLayout layout : TableLayouts.of(pipeline)) {
      TableIdentifier identifier = TableStore.identifier(layout.id());
      String name = layout.id().toString();
      if (!source.tableExists(identifier)) {
        conflicts.add(name + " does not exist in the source catalog yet; run the pipeline first");
        continue;
      }
      TableMetadata current = metadata(source.loadTable(identifier));
      String namespace = layout.id().namespace();
      if (target instanceof SupportsNamespaces spaces
          && !spaces.namespaceExists(Namespace.of(namespace))
          && namespaces.add(namespace)) {
        changes.add(
            new PlannedChange(
                Kind.CREATE_NAMESPACE, namespace, pipeline.namespaceDescription(namespace)));
      }
      if (!target.tableExists(identifier)) {
        changes.add(new PlannedChange(Kind.REGISTER_TABLE, name, current.metadataFileLocation()));
        continue;
      }
      TableMetadata published = metadata(target.loadTable(identifier));
      if (!published.location().equals(current.location())) {
        conflicts.add(
            name
                + " in "
                + targetLabel
                + " is another table, at "
                + published.location()
                + " instead of "
                + current.location()
                + "; drop it there or publish under another name");
      } else if (!published.metadataFileLocation().equals(current.metadataFileLocation())) {
        changes.add(
            new PlannedChange(
                Kind.UPDATE_REGISTRATION,
                name,
                published.metadataFileLocation() + " -> " + current.metadataFileLocation()));
      }
    }
    return new RegistrationPlan(targetLabel, changes, conflicts);
  }

  /**
   * Publishes: registers missing tables and moves stale entries to the current metadata.
   *
   * @param pipeline the pipeline whose tables to publish
   * @return the plan that was applied
   * @throws MedallionException naming every conflict; nothing is changed then
   */
  public RegistrationPlan publish(Pipeline pipeline) {
    RegistrationPlan plan = plan(pipeline);
    if (plan.hasConflicts()) {
      throw new MedallionException(
          "Cannot publish pipeline "
              + pipeline.name()
              + " to "
              + targetLabel
              + ": "
              + String.join("; ", plan.conflicts()));
    }
    for (PlannedChange change : plan.changes()) {
      switch (change.kind()) {
        case CREATE_NAMESPACE -> createNamespace(change.target(), change.detail());
        case REGISTER_TABLE -> target.registerTable(identifier(change.target()), change.detail());
        case UPDATE_REGISTRATION -> {
          // Catalogs offer no "repoint": the entry is dropped (never the files) and registered
          // again at the newer metadata. Readers in between see the table briefly missing.
          TableIdentifier identifier = identifier(change.target());
          String newest = change.detail().substring(change.detail().indexOf(" -> ") + 4);
          target.dropTable(identifier, false);
          target.registerTable(identifier, newest);
        }
        default -> throw new IllegalStateException("not a publication change: " + change);
      }
    }
    return plan;
  }

  private void createNamespace(String name, String description) {
    ((SupportsNamespaces) target)
        .createNamespace(Namespace.of(name), new HashMap<>(Map.of("comment", description)));
  }

  private static TableIdentifier identifier(String qualifiedName) {
    return TableIdentifier.parse(qualifiedName);
  }

  private static TableMetadata metadata(Table table) {
    if (table instanceof HasTableOperations operations) {
      return operations.operations().current();
    }
    throw new MedallionException(
        "Table " + table.name() + " does not expose its metadata file; it cannot be published");
  }
}
