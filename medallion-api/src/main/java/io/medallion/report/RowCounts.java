package io.medallion.report;

import java.util.OptionalDouble;

/**
 * How many rows a silver run read and where they went. In a successful run {@code read = kept +
 * quarantined + duplicates}; when the quality gate failed the batch nothing was kept.
 *
 * <pre>{@code
 * RowCounts rows = new RowCounts(1000, 950, 40, 10, false);
 * rows.quarantinedShare(); // OptionalDouble[0.04]
 * }</pre>
 *
 * @param read rows read from upstream in this run
 * @param kept rows written to the silver table
 * @param quarantined rows written to the quarantine table
 * @param duplicates rows dropped because a later row had the same key
 * @param failedBatch whether the quality gate failed the batch, so nothing was committed
 */
public record RowCounts(
    long read, long kept, long quarantined, long duplicates, boolean failedBatch) {

  /**
   * Validates the counts.
   *
   * <pre>{@code
   * new RowCounts(10, 8, 1, 1, false);
   * }</pre>
   *
   * @param read rows read
   * @param kept rows kept
   * @param quarantined rows quarantined
   * @param duplicates duplicate rows
   * @param failedBatch whether the batch failed
   * @throws IllegalArgumentException when a count is negative or the parts exceed {@code read}
   */
  public RowCounts {
    Checks.count("rows read", read);
    Checks.count("rows kept", kept);
    Checks.count("rows quarantined", quarantined);
    Checks.count("duplicate rows", duplicates);
    if (kept + quarantined + duplicates > read) {
      throw new IllegalArgumentException(
          "Invalid row counts: kept "
              + kept
              + " + quarantined "
              + quarantined
              + " + duplicates "
              + duplicates
              + " exceed rows read "
              + read);
    }
  }

  /**
   * Returns the counts of a run that read nothing.
   *
   * <pre>{@code
   * RowCounts.none().read(); // 0
   * }</pre>
   *
   * @return all zero, batch not failed
   */
  public static RowCounts none() {
    return new RowCounts(0, 0, 0, 0, false);
  }

  /**
   * Returns the share of rows read that went to quarantine.
   *
   * <pre>{@code
   * new RowCounts(200, 150, 50, 0, false).quarantinedShare(); // OptionalDouble[0.25]
   * }</pre>
   *
   * @return {@code quarantined / read}, or empty when nothing was read
   */
  public OptionalDouble quarantinedShare() {
    return read == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) quarantined / read);
  }
}
