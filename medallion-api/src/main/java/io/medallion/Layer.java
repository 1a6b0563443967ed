package io.medallion;

/**
 * The layer a table belongs to.
 *
 * <pre>{@code
 * Layer layer = silver.layer(); // Layer.SILVER
 * }</pre>
 */
public enum Layer {
  /** Raw records exactly as received, with ingestion metadata. */
  BRONZE,
  /** Typed, standardized, validated and de-duplicated rows. */
  SILVER,
  /** Aggregates, dimensions and facts for BI. */
  GOLD,
  /** Silver rows that failed the quality policy, with their reasons. */
  QUARANTINE,
  /** Input that could not be decoded into a record, with the error. */
  DEAD_LETTER,
  /** Quality metrics of every run of a silver table, for history, trends and drift checks. */
  METRICS;

  /**
   * Returns the lower-case name used in table properties and summaries.
   *
   * @return e.g. {@code "dead_letter"}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
