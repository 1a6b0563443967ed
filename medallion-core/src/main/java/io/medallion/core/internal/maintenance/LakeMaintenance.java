package io.medallion.core.internal.maintenance;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.iceberg.TableLayout;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.maintenance.MaintenanceOptions;
import io.medallion.maintenance.MaintenanceReport;
import io.medallion.maintenance.TableMaintenance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintains every existing table of a pipeline: compacts small files first (so the files they
 * replace can expire with the old snapshots), then expires snapshots, then lists (and unless it is
 * a dry run, deletes) orphan files. Retention is decided across the whole pipeline, since what a
 * table may forget depends on what its downstream tables have consumed.
 */
public final class LakeMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(LakeMaintenance.class);

  private final TableStore store;
  private final Clock clock;

  /**
   * Creates maintenance over a catalog's tables.
   *
   * @param store the tables
   * @param clock the clock that ages snapshots and files
   */
  public LakeMaintenance(TableStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Maintains the pipeline's tables that exist.
   *
   * @param pipeline the pipeline
   * @param options what to do
   * @return what was done, upstream first
   */
  public MaintenanceReport maintain(Pipeline pipeline, MaintenanceOptions options) {
    Map<TableId, Table> tables = new LinkedHashMap<>();
    for (TableLayout layout : TableLayouts.of(pipeline)) {
      if (store.exists(layout.id())) {
        tables.put(layout.id(), store.load(layout.id()));
      }
    }
    long now = clock.millis();
    List<TableMaintenance> done = new ArrayList<>();
    for (Map.Entry<TableId, Table> entry : tables.entrySet()) {
      done.add(maintain(entry.getKey(), entry.getValue(), byName(tables), options, now));
    }
    return new MaintenanceReport(done, options.dryRun());
  }

  private TableMaintenance maintain(
      TableId id, Table table, Map<String, Table> all, MaintenanceOptions options, long now) {
    SmallFileCompaction.Plan compaction =
        SmallFileCompaction.plan(table, options.smallFileBytes(), options.minFilesToCompact());
    int written = 0;
    if (!options.dryRun()) {
      written = SmallFileCompaction.apply(table, compaction);
      table.refresh();
    }
    SnapshotExpiry.Plan expiry =
        SnapshotExpiry.plan(
            table,
            RetentionFloor.pinned(table, id.toString(), all),
            options.retainLastSnapshots(),
            now - options.expireSnapshotsOlderThan().toMillis());
    if (!options.dryRun()) {
      SnapshotExpiry.apply(table, expiry);
      table.refresh();
    }
    List<String> orphans = OrphanFiles.find(table, now - options.orphanFilesOlderThan().toMillis());
    if (!options.dryRun()) {
      OrphanFiles.delete(table, orphans);
    }
    LOG.info(
        "{} {}: {} small files into {}, {} snapshots expired ({} kept for downstream), {} orphan"
            + " files",
        options.dryRun() ? "Would maintain" : "Maintained",
        id,
        compaction.files(),
        written,
        expiry.expired().size(),
        expiry.pinnedPastAge(),
        orphans.size());
    return new TableMaintenance(
        id, expiry.expired(), expiry.pinnedPastAge(), orphans, compaction.files(), written);
  }

  /** Markers name tables by their id, as {@code namespace.name}. */
  private static Map<String, Table> byName(Map<TableId, Table> tables) {
    Map<String, Table> byName = new LinkedHashMap<>();
    tables.forEach((id, table) -> byName.put(id.toString(), table));
    return byName;
  }
}
