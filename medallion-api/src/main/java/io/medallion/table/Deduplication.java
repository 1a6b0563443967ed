package io.medallion.table;

import java.util.Objects;
import java.util.Optional;

/**
 * How silver keeps one row per key: the latest by an ordering column, ties broken by ingestion
 * order (the later ingested record wins).
 *
 * <pre>{@code
 * Deduplication latest = new Deduplication("user_id", "registered_at");
 * }</pre>
 *
 * @param key the key column
 * @param orderBy the column deciding which record is latest, or null for ingestion order only
 */
public record Deduplication(String key, String orderBy) {
  /**
   * Validates the settings.
   *
   * @param key the key column
   * @param orderBy the ordering column, may be null
   */
  public Deduplication {
    Objects.requireNonNull(key, "key");
  }

  /**
   * Returns the ordering column.
   *
   * @return the column, or empty for ingestion order
   */
  public Optional<String> orderColumn() {
    return Optional.ofNullable(orderBy);
  }

  @Override
  public String toString() {
    return "on " + key + " keeping the latest" + (orderBy == null ? "" : " by " + orderBy);
  }
}
