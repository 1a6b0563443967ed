package io.medallion.core.spi;

import java.util.Locale;

/**
 * The condition an {@link Alert} reports. A run raises at most one alert per kind and table.
 *
 * <pre>{@code
 * AlertKind.QUALITY_GATE.label(); // "quality-gate"
 * }</pre>
 */
public enum AlertKind {
  /** A quality policy failed the batch: too many rows fell below it, nothing was committed. */
  QUALITY_GATE,
  /**
   * A write-audit-publish batch failed its checks (or read a table whose audit is pending): it
   * waits on its audit branch and main is unchanged until it is published or discarded.
   */
  AUDIT_PENDING,
  /** More of the batch's rows were quarantined or dead-lettered than the configured share. */
  QUARANTINE_RATE,
  /** Dataset rules (row count, uniqueness, freshness, thresholds) failed. */
  DATASET_RULE,
  /** A metric jumped against the table's metrics history (an anomaly dataset rule failed). */
  ANOMALY,
  /** The run failed for another reason than a quality gate, e.g. storage or the catalog. */
  RUN_FAILED,
  /** A stream fell behind its source by more than the configured lag. */
  STREAM_LAG;

  /**
   * Returns the name alerts carry in JSON and logs.
   *
   * @return the lower-case name with hyphens, e.g. {@code "dataset-rule"}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
