package io.medallion.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;

/**
 * The freshness of each Iceberg table a plan exposes: Snowflake's {@code
 * SYSTEM$GET_ICEBERG_TABLE_INFORMATION} names the metadata file it serves, and the catalog's
 * metadata log says when that file was written, so the snapshots committed since are the lag.
 *
 * <pre>{@code
 * List<TableStatus> status = SnowflakeStatus.of(connection, plan, runtime);
 * }</pre>
 */
public final class SnowflakeStatus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SnowflakeStatus() {}

  /**
   * Reads the status of every Iceberg table of a plan.
   *
   * @param connection a connection to Snowflake
   * @param plan the plan applied
   * @param runtime an open runtime on the lake
   * @return one status per Iceberg table, in plan order
   */
  public static List<TableStatus> of(
      Connection connection, SnowflakePlan plan, MedallionRuntime runtime) {
    List<TableStatus> statuses = new ArrayList<>();
    for (PlannedStatement statement : plan.statements()) {
      if (statement.kind() == ObjectKind.ICEBERG_TABLE) {
        TableId id = lakeTable(statement.objectName());
        statuses.add(status(connection, id, statement.objectName(), runtime.table(id)));
      }
    }
    return statuses;
  }

  /** The lake table behind a Snowflake name {@code "DB"."NAMESPACE"."NAME"}. */
  private static TableId lakeTable(String snowflakeName) {
    String[] parts = snowflakeName.split("\"\\.\"");
    return TableId.of(
        parts[1].toLowerCase(java.util.Locale.ROOT),
        parts[2].replace("\"", "").toLowerCase(java.util.Locale.ROOT));
  }

  static TableStatus status(Connection connection, TableId id, String snowflakeName, Table table) {
    Snapshot current = table.currentSnapshot();
    Optional<Long> snapshot = Optional.ofNullable(current).map(Snapshot::snapshotId);
    String served;
    try {
      served = servedMetadata(connection, snowflakeName);
    } catch (SQLException | IOException e) {
      return new TableStatus(
          id,
          snowflakeName,
          snapshot,
          Optional.empty(),
          0,
          Duration.ZERO,
          Optional.of(e.getMessage()));
    }
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    Optional<Long> writtenAt = writtenAt(metadata, served);
    if (writtenAt.isEmpty()) {
      return new TableStatus(
          id,
          snowflakeName,
          snapshot,
          Optional.of(served),
          0,
          Duration.ZERO,
          Optional.of(
              "Snowflake serves " + served + ", which is not in the catalog's metadata log"));
    }
    int behind = 0;
    long newest = writtenAt.get();
    for (Snapshot each : table.snapshots()) {
      if (each.timestampMillis() > writtenAt.get()) {
        behind++;
        newest = Math.max(newest, each.timestampMillis());
      }
    }
    return new TableStatus(
        id,
        snowflakeName,
        snapshot,
        Optional.of(served),
        behind,
        Duration.ofMillis(newest - writtenAt.get()),
        Optional.empty());
  }

  private static String servedMetadata(Connection connection, String snowflakeName)
      throws SQLException, IOException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT SYSTEM$GET_ICEBERG_TABLE_INFORMATION(?)")) {
      query.setString(1, snowflakeName);
      try (ResultSet result = query.executeQuery()) {
        if (!result.next()) {
          throw new SQLException("SYSTEM$GET_ICEBERG_TABLE_INFORMATION returned no row");
        }
        JsonNode information = JSON.readTree(result.getString(1));
        String status = information.path("status").asText("");
        if (!"success".equalsIgnoreCase(status)) {
          throw new SQLException("Snowflake reports status '" + status + "'");
        }
        return information.path("metadataLocation").asText();
      }
    }
  }

  /** When the catalog wrote a metadata file: the current one, or one from the log. */
  private static Optional<Long> writtenAt(TableMetadata metadata, String location) {
    if (location.equals(metadata.metadataFileLocation())) {
      return Optional.of(metadata.lastUpdatedMillis());
    }
    for (TableMetadata.MetadataLogEntry entry : metadata.previousFiles()) {
      if (entry.file().equals(location)) {
        return Optional.of(entry.timestampMillis());
      }
    }
    return Optional.empty();
  }
}
