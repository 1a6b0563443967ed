package io.medallion.snowflake;

import io.medallion.TableId;
import java.time.Duration;
import java.util.Optional;

/**
 * How fresh one table is in Snowflake: the metadata file Snowflake serves against the catalog's
 * current one, as the number of snapshots and the time it is behind.
 *
 * <pre>{@code
 * for (TableStatus table : SnowflakeStatus.of(connection, layer, runtime)) {
 *   log.info(table.describe());
 * }
 * }</pre>
 *
 * @param id the lake table
 * @param snowflakeName the Snowflake table serving it
 * @param catalogSnapshot the catalog's current snapshot, or empty when the table has none
 * @param servedMetadata the metadata file Snowflake serves, or empty when it could not say
 * @param snapshotsBehind how many snapshots were committed after the one Snowflake serves
 * @param lag how much older the served state is than the catalog's current snapshot
 * @param problem why Snowflake could not say, e.g. the table is not created yet
 */
public record TableStatus(
    TableId id,
    String snowflakeName,
    Optional<Long> catalogSnapshot,
    Optional<String> servedMetadata,
    int snapshotsBehind,
    Duration lag,
    Optional<String> problem) {

  /**
   * Tells whether Snowflake serves the catalog's current state.
   *
   * @return true when no snapshot was committed after the served one
   */
  public boolean current() {
    return problem.isEmpty() && snapshotsBehind == 0;
  }

  /**
   * Describes the status in one line.
   *
   * @return e.g. {@code "silver.people: 2 snapshots behind (lag PT5M12S)"}
   */
  public String describe() {
    if (problem.isPresent()) {
      return id + ": unknown (" + problem.get() + ")";
    }
    return current()
        ? id + ": current (snapshot " + catalogSnapshot.map(String::valueOf).orElse("none") + ")"
        : id + ": " + snapshotsBehind + " snapshots behind (lag " + lag + ")";
  }
}
