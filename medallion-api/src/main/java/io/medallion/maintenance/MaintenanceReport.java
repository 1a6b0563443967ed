package io.medallion.maintenance;

import io.medallion.TableId;
import java.util.List;

/**
 * What a maintenance pass did to each table of a pipeline, upstream first.
 *
 * <pre>{@code
 * MaintenanceReport report = runtime.maintain(pipeline, MaintenanceOptions.builder().build());
 * report.orphanFiles().forEach(file -> log.info("orphan file: {}", file));
 * }</pre>
 *
 * @param tables one entry per physical table
 * @param dryRun whether nothing was changed
 */
public record MaintenanceReport(List<TableMaintenance> tables, boolean dryRun) {

  /**
   * Copies the list.
   *
   * @param tables one entry per table
   * @param dryRun whether nothing was changed
   */
  public MaintenanceReport {
    tables = List.copyOf(tables);
  }

  /**
   * Returns the entry of one table.
   *
   * @param id the table
   * @return its entry
   * @throws IllegalArgumentException when the table was not maintained
   */
  public TableMaintenance table(TableId id) {
    return tables.stream()
        .filter(t -> t.table().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No maintenance entry for " + id));
  }

  /**
   * Returns every orphan file found, across tables.
   *
   * @return the file locations
   */
  public List<String> orphanFiles() {
    return tables.stream().flatMap(t -> t.orphanFiles().stream()).toList();
  }
}
