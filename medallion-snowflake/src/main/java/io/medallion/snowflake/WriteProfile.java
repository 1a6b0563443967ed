package io.medallion.snowflake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The write profile a table must keep for Snowflake to serve it correctly: a format version
 * Snowflake reads, no equality deletes anywhere in its history (a table written with them stops
 * refreshing and serves stale data) and only column types Snowflake maps.
 *
 * <pre>{@code
 * List<String> reasons = WriteProfile.defaults().violations(facts);
 * }</pre>
 */
public final class WriteProfile {
  private static final WriteProfile DEFAULTS = new WriteProfile(Set.of(1, 2));

  private final Set<Integer> formatVersions;

  private WriteProfile(Set<Integer> formatVersions) {
    this.formatVersions = Set.copyOf(formatVersions);
  }

  /**
   * The profile for Iceberg format versions 1 and 2.
   *
   * @return the default profile
   */
  public static WriteProfile defaults() {
    return DEFAULTS;
  }

  /**
   * A profile accepting other format versions, e.g. once an account reads version 3.
   *
   * <pre>{@code
   * WriteProfile v3 = WriteProfile.formatVersions(Set.of(2, 3));
   * }</pre>
   *
   * @param versions the format versions Snowflake reads
   * @return the profile
   */
  public static WriteProfile formatVersions(Set<Integer> versions) {
    return new WriteProfile(versions);
  }

  /**
   * Lists why a table may not be exposed.
   *
   * @param facts the table's facts
   * @return one reason per violation; empty when the table keeps the profile
   */
  public List<String> violations(TableFacts facts) {
    List<String> reasons = new ArrayList<>();
    if (!formatVersions.contains(facts.formatVersion())) {
      reasons.add(
          "format version "
              + facts.formatVersion()
              + " is not one Snowflake reads here (allowed: "
              + formatVersions.stream().sorted().toList()
              + ")");
    }
    if (!facts.equalityDeleteSnapshots().isEmpty()) {
      reasons.add(
          "snapshots "
              + facts.equalityDeleteSnapshots()
              + " added equality deletes, which stop Snowflake's refresh; rewrite the table"
              + " without them");
    }
    for (String column : facts.unmappedColumns()) {
      reasons.add("column " + column + " has no Snowflake type");
    }
    return reasons;
  }
}
