package io.medallion.core.internal.catalog;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.catalog.PlannedChange;
import io.medallion.catalog.PlannedChange.Kind;
import io.medallion.catalog.RegistrationPlan;
import io.medallion.core.internal.iceberg.TableLayout;
import io.medallion.core.internal.iceberg.TableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.BaseMetastoreTableOperations;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.RESTException;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.util.SnapshotUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the tables a runtime writes into another catalog without copying data: each target
 * entry points at the same metadata file (Iceberg's {@code registerTable}). Publishing again moves
 * an entry forward to the newest metadata in one catalog operation where the catalog allows it, but
 * only along the source's own history: an entry that moved on through the target (a commit made
 * there) is a conflict, never rolled back.
 *
 * <pre>{@code
 * RegistrationPlan plan = new Publisher(lakeCatalog, glueCatalog, "medallion (glue)").plan(pipeline);
 * }</pre>
 */
public final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

  private final Catalog source;
  private final Catalog target;
  private final String targetLabel;

  /** One planned step, with the values it needs; the public plan shows it as text. */
  private record Step(PlannedChange change, TableIdentifier table, String from, String to) {}

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
   * @return the plan, with a conflict for each table missing at the source or diverged at the
   *     target
   */
  public RegistrationPlan plan(Pipeline pipeline) {
    List<String> conflicts = new ArrayList<>();
    List<Step> steps = steps(pipeline, conflicts);
    return new RegistrationPlan(targetLabel, steps.stream().map(Step::change).toList(), conflicts);
  }

  /**
   * Publishes: registers missing tables and moves stale entries to the current metadata.
   *
   * @param pipeline the pipeline whose tables to publish
   * @return the plan that was applied
   * @throws MedallionException naming every conflict; nothing is changed then
   */
  public RegistrationPlan publish(Pipeline pipeline) {
    List<String> conflicts = new ArrayList<>();
    List<Step> steps = steps(pipeline, conflicts);
    if (!conflicts.isEmpty()) {
      throw new MedallionException(
          "Cannot publish pipeline "
              + pipeline.name()
              + " to "
              + targetLabel
              + ": "
              + String.join("; ", conflicts));
    }
    for (Step step : steps) {
      switch (step.change().kind()) {
        case CREATE_NAMESPACE ->
            ((SupportsNamespaces) target)
                .createNamespace(
                    Namespace.of(step.change().target()),
                    new HashMap<>(Map.of("comment", step.change().detail())));
        case REGISTER_TABLE -> target.registerTable(step.table(), step.to());
        case UPDATE_REGISTRATION -> moveForward(step);
        default -> throw new IllegalStateException("not a publication step: " + step.change());
      }
    }
    return new RegistrationPlan(targetLabel, steps.stream().map(Step::change).toList(), List.of());
  }

  private List<Step> steps(Pipeline pipeline, List<String> conflicts) {
    List<Step> steps = new ArrayList<>();
    if (target instanceof HadoopCatalog) {
      conflicts.add(
          targetLabel + " is a file-system catalog, which cannot register existing tables");
      return steps;
    }
    Map<String, String> namespaces = new LinkedHashMap<>();
    for (TableLayout layout : TableLayouts.of(pipeline)) {
      TableIdentifier identifier = TableStore.identifier(layout.id());
      String name = layout.id().toString();
      if (!source.tableExists(identifier)) {
        conflicts.add(name + " does not exist in the source catalog yet; run the pipeline first");
        continue;
      }
      Table sourceTable = source.loadTable(identifier);
      TableMetadata current = metadata(sourceTable);
      String namespace = layout.id().namespace();
      if (target instanceof SupportsNamespaces spaces
          && !namespaces.containsKey(namespace)
          && !spaces.namespaceExists(Namespace.of(namespace))) {
        String description = pipeline.namespaceDescription(namespace);
        namespaces.put(namespace, description);
        steps.add(
            new Step(
                new PlannedChange(Kind.CREATE_NAMESPACE, namespace, description),
                null,
                null,
                null));
      }
      String newest = current.metadataFileLocation();
      if (!target.tableExists(identifier)) {
        steps.add(
            new Step(
                new PlannedChange(Kind.REGISTER_TABLE, name, newest), identifier, null, newest));
        continue;
      }
      TableMetadata published = metadata(target.loadTable(identifier));
      String publishedFile = published.metadataFileLocation();
      if (sameVersion(published, current)) {
        continue;
      }
      if (!isEarlierVersion(published, current, sourceTable)) {
        conflicts.add(
            name
                + " in "
                + targetLabel
                + " points at "
                + publishedFile
                + ", which is not an earlier version of "
                + newest
                + ": it is another table, or something committed through "
                + targetLabel
                + "; publishing would roll that back");
        continue;
      }
      steps.add(
          new Step(
              new PlannedChange(Kind.UPDATE_REGISTRATION, name, publishedFile + " -> " + newest),
              identifier,
              publishedFile,
              newest));
    }
    return steps;
  }

  /**
   * Moves an entry to newer metadata in one catalog operation, so readers of the target always find
   * the table. Metastore catalogs (JDBC, Glue) take the newer metadata as a commit through the
   * table's operations: the catalog swaps its pointer only if the entry is still where it was
   * planned, and writes the metadata beside the old (same snapshots, same files, a new metadata
   * file name). REST catalogs re-register with overwrite. A catalog that supports neither gets the
   * old way: the entry is dropped (never its files) and registered again, and readers see the table
   * missing for that moment.
   */
  private void moveForward(Step step) {
    Table published = target.loadTable(step.table());
    if (published instanceof HasTableOperations hasOperations
        && hasOperations.operations() instanceof BaseMetastoreTableOperations operations) {
      TableMetadata base = operations.current();
      if (!base.metadataFileLocation().equals(step.from())) {
        throw new MedallionException(
            step.table() + " in " + targetLabel + " moved while publishing; publish again");
      }
      operations.commit(base, TableMetadataParser.read(operations.io(), step.to()));
      return;
    }
    try {
      target.registerTable(step.table(), step.to(), true);
    } catch (UnsupportedOperationException | RESTException e) {
      // The REST spec answers an operation a server does not support with 406; the client keeps
      // only the message.
      if (e instanceof RESTException && !String.valueOf(e.getMessage()).contains("code: 406")) {
        throw e;
      }
      LOG.warn(
          "{} cannot re-register with overwrite; {} is dropped and registered again, and readers"
              + " see it missing for that moment",
          targetLabel,
          step.table());
      dropAndRegister(step);
    }
  }

  private void dropAndRegister(Step step) {
    target.dropTable(step.table(), false);
    try {
      target.registerTable(step.table(), step.to());
    } catch (RuntimeException e) {
      target.registerTable(step.table(), step.from());
      throw new MedallionException(
          "Cannot move "
              + step.table()
              + " in "
              + targetLabel
              + " to "
              + step.to()
              + "; it still points at "
              + step.from()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The same version of a table: the same metadata file, or, after a move by commit, a copy of it
   * (same table, same last update and sequence number).
   */
  private static boolean sameVersion(TableMetadata published, TableMetadata current) {
    return published.metadataFileLocation().equals(current.metadataFileLocation())
        || (published.uuid().equals(current.uuid())
            && published.lastUpdatedMillis() == current.lastUpdatedMillis()
            && published.lastSequenceNumber() == current.lastSequenceNumber());
  }

  /**
   * The source's metadata log names its recent files; older ones have fallen out of it (100 by
   * default), so the same table whose current snapshot is in the source's history also counts.
   */
  private static boolean isEarlierVersion(
      TableMetadata published, TableMetadata current, Table sourceTable) {
    String file = published.metadataFileLocation();
    if (current.previousFiles().stream().anyMatch(entry -> entry.file().equals(file))) {
      return true;
    }
    if (!published.uuid().equals(current.uuid())) {
      return false;
    }
    Snapshot publishedHead = published.currentSnapshot();
    return publishedHead == null
        || (current.currentSnapshot() != null
            && SnapshotUtil.isAncestorOf(
                sourceTable, current.currentSnapshot().snapshotId(), publishedHead.snapshotId()));
  }

  private static TableMetadata metadata(Table table) {
    if (table instanceof HasTableOperations operations) {
      return operations.operations().current();
    }
    throw new MedallionException(
        "Table " + table.name() + " does not expose its metadata file; it cannot be published");
  }
}
