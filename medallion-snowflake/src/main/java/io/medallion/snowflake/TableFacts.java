package io.medallion.snowflake;

import io.medallion.TableId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the lake says about one table at planning time: its format, where its current metadata and
 * data files are, whether its history holds equality deletes, and which column types Snowflake
 * cannot read. {@link LakeFacts#read} gathers them; tests may build them directly.
 *
 * <pre>{@code
 * TableFacts users = facts.table(TableId.of("silver", "users")).orElseThrow();
 * users.formatVersion(); // 2
 * }</pre>
 *
 * @param id the table
 * @param formatVersion the Iceberg format version
 * @param location the table's location, e.g. {@code s3://lake/medallion/silver/users}
 * @param metadataLocation the current metadata file
 * @param snapshotId the current snapshot, or empty when the table has none yet
 * @param snapshotMillis when the current snapshot was committed (epoch milliseconds), or 0
 * @param dataFiles the current snapshot's data files, absolute
 * @param deleteFiles how many delete files the current snapshot applies
 * @param equalityDeleteSnapshots the snapshots in the history that added equality deletes
 * @param unmappedColumns the columns whose type has no Snowflake type, as {@code name: type}
 */
public record TableFacts(
    TableId id,
    int formatVersion,
    String location,
    String metadataLocation,
    Optional<Long> snapshotId,
    long snapshotMillis,
    List<String> dataFiles,
    int deleteFiles,
    List<Long> equalityDeleteSnapshots,
    List<String> unmappedColumns) {

  /**
   * Copies the lists and checks for missing values.
   *
   * @param id the table
   * @param formatVersion the format version
   * @param location the table location
   * @param metadataLocation the metadata file
   * @param snapshotId the current snapshot
   * @param snapshotMillis the commit time
   * @param dataFiles the data files
   * @param deleteFiles the delete file count
   * @param equalityDeleteSnapshots snapshots with equality deletes
   * @param unmappedColumns unreadable columns
   */
  public TableFacts {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(metadataLocation, "metadataLocation");
    Objects.requireNonNull(snapshotId, "snapshotId");
    dataFiles = List.copyOf(dataFiles);
    equalityDeleteSnapshots = List.copyOf(equalityDeleteSnapshots);
    unmappedColumns = List.copyOf(unmappedColumns);
  }
}
