package io.medallion.quality;

import io.medallion.MedallionException;
import java.util.List;

/**
 * A batch failed a quality policy whose action is {@link PolicyAction#FAIL_BATCH}; nothing of the
 * batch was committed.
 *
 * <pre>{@code
 * try {
 *   runtime.run(pipeline);
 * } catch (QualityGateException e) {
 *   e.samples().forEach(log::warn);
 * }
 * }</pre>
 */
public final class QualityGateException extends MedallionException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** Failing rows' coordinates and reasons, a bounded sample. */
  private final List<String> samples;

  /** How many rows fell below the policy. */
  private final long failedRows;

  /**
   * Creates the exception.
   *
   * @param table the silver table
   * @param failedRows how many rows fell below the policy
   * @param rows how many rows the batch had
   * @param samples up to a few failing rows, each with its coordinate and reasons
   */
  public QualityGateException(String table, long failedRows, long rows, List<String> samples) {
    super(
        "Cannot commit "
            + table
            + ": "
            + failedRows
            + " of "
            + rows
            + " rows fell below the quality policy (FAIL_BATCH); first: "
            + samples);
    this.samples = List.copyOf(samples);
    this.failedRows = failedRows;
  }

  /**
   * Creates the exception for dataset rules that fail the batch.
   *
   * @param table the silver table
   * @param failedRules each failed dataset rule as {@code "rule: measured vs bound"}
   */
  public QualityGateException(String table, List<String> failedRules) {
    super(
        "Cannot commit " + table + ": dataset rules failed the batch (FAIL_BATCH): " + failedRules);
    this.samples = List.copyOf(failedRules);
    this.failedRows = 0;
  }

  /**
   * Returns a sample of failing rows.
   *
   * @return each as {@code "coordinate: reasons"}
   */
  public List<String> samples() {
    return samples;
  }

  /**
   * Returns how many rows fell below the policy.
   *
   * @return the count
   */
  public long failedRows() {
    return failedRows;
  }
}
