package io.medallion.core.internal.catalog;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.catalog.PlannedChange;
import io.medallion.catalog.PlannedChange.Kind;
import io.medallion.catalog.RegistrationPlan;
import io.medallion.core.internal.iceberg.TableLayout;
import io.medallion.core.internal.iceberg.TablePlan;
import io.medallion.core.internal.iceberg.TablePlanner;
import io.medallion.core.internal.iceberg.TableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.hadoop.HadoopCatalog;

/**
 * Registers a pipeline's tables in a catalog, idempotently: creates namespaces with their
 * descriptions and tables with column docs and properties, evolves tables compatibly, and refuses
 * incompatible differences, naming each. Planning alone changes nothing.
 *
 * <pre>{@code
 * RegistrationPlan dryRun = new Registrar(store, "medallion (glue)").plan(pipeline);
 * }</pre>
 */
public final class Registrar {
  private static final String COMMENT = "comment";

  private final TableStore store;
  private final String catalogLabel;

  /**
   * Registers into one catalog.
   *
   * @param store the catalog's tables
   * @param catalogLabel how plans name the catalog, e.g. {@code medallion (glue)}
   */
  public Registrar(TableStore store, String catalogLabel) {
    this.store = store;
    this.catalogLabel = catalogLabel;
  }

  /**
   * Plans the registration without changing anything: a dry run.
   *
   * @param pipeline the pipeline
   * @return the plan, with conflicts if any
   */
  public RegistrationPlan plan(Pipeline pipeline) {
    return summarize(namespaceChanges(pipeline), found(pipeline));
  }

  /**
   * Applies the registration: a second call with the same pipeline changes nothing.
   *
   * @param pipeline the pipeline
   * @return the plan that was applied
   * @throws MedallionException naming every incompatible difference; nothing is changed then
   */
  public RegistrationPlan apply(Pipeline pipeline) {
    List<PlannedChange> namespaces = namespaceChanges(pipeline);
    List<Found> tables = found(pipeline);
    RegistrationPlan plan = summarize(namespaces, tables);
    if (plan.hasConflicts()) {
      throw new MedallionException(
          "Cannot register pipeline "
              + pipeline.name()
              + " in "
              + catalogLabel
              + ": "
              + String.join("; ", plan.conflicts()));
    }
    Map<String, String> descriptions = descriptions(pipeline);
    for (PlannedChange change : namespaces) {
      String description = descriptions.get(change.target());
      if (change.kind() == Kind.CREATE_NAMESPACE) {
        store.ensureNamespace(change.target(), metadata(description));
      } else {
        describe((SupportsNamespaces) store.catalog(), Namespace.of(change.target()), description);
      }
    }
    for (Found table : tables) {
      store.ensured(table.plan().layout(), table.existing(), table.plan());
    }
    return plan;
  }

  private RegistrationPlan summarize(List<PlannedChange> namespaces, List<Found> tables) {
    List<PlannedChange> changes = new ArrayList<>(namespaces);
    List<String> conflicts = new ArrayList<>();
    for (Found table : tables) {
      changes.addAll(table.plan().changes());
      conflicts.addAll(table.plan().conflicts());
    }
    return new RegistrationPlan(catalogLabel, changes, conflicts);
  }

  /**
   * Namespaces to create, and descriptions to set: where none is set yet, or where the pipeline
   * describes the namespace itself. A default description never overwrites another, so pipelines
   * sharing a namespace do not take turns.
   */
  private List<PlannedChange> namespaceChanges(Pipeline pipeline) {
    List<PlannedChange> changes = new ArrayList<>();
    if (!(store.catalog() instanceof SupportsNamespaces namespaces)) {
      return changes;
    }
    boolean keepsProperties = !(store.catalog() instanceof HadoopCatalog);
    descriptions(pipeline)
        .forEach(
            (name, description) -> {
              Namespace namespace = Namespace.of(name);
              if (!namespaces.namespaceExists(namespace)) {
                changes.add(new PlannedChange(Kind.CREATE_NAMESPACE, name, description));
                return;
              }
              String current =
                  keepsProperties ? namespaces.loadNamespaceMetadata(namespace).get(COMMENT) : null;
              boolean update =
                  keepsProperties
                      && !description.equals(current)
                      && (current == null || pipeline.describesNamespace(name));
              if (update) {
                changes.add(
                    new PlannedChange(Kind.SET_PROPERTIES, name, "set comment=" + description));
              }
            });
    return changes;
  }

  /** Sets a namespace's description; another runtime setting the same one first is fine. */
  private static void describe(SupportsNamespaces catalog, Namespace namespace, String text) {
    try {
      catalog.setProperties(namespace, new HashMap<>(Map.of(COMMENT, text)));
    } catch (RuntimeException raced) {
      if (!text.equals(catalog.loadNamespaceMetadata(namespace).get(COMMENT))) {
        throw raced;
      }
    }
  }

  private static Map<String, String> descriptions(Pipeline pipeline) {
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (TableLayout layout : TableLayouts.of(pipeline)) {
      String name = layout.id().namespace();
      descriptions.computeIfAbsent(name, pipeline::namespaceDescription);
    }
    return descriptions;
  }

  /** A table as found, null when missing, and the plan made against it. */
  private record Found(Table existing, TablePlan plan) {}

  /** Loads each table once: the plan, and the run after it, use what was loaded. */
  private List<Found> found(Pipeline pipeline) {
    List<Found> found = new ArrayList<>();
    for (TableLayout layout : TableLayouts.of(pipeline)) {
      Table existing = store.find(layout.id()).orElse(null);
      found.add(new Found(existing, TablePlanner.plan(existing, layout)));
    }
    return found;
  }

  /** A file-system catalog keeps no namespace properties; every other catalog shows the comment. */
  private Map<String, String> metadata(String description) {
    return store.catalog() instanceof HadoopCatalog ? Map.of() : Map.of(COMMENT, description);
  }
}
