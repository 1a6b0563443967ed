package io.medallion.quality;

/**
 * What happens to a row that falls below the quality policy.
 *
 * <pre>{@code
 * QualityPolicy policy = QualityPolicy.minScore(0.7).below(PolicyAction.QUARANTINE);
 * }</pre>
 */
public enum PolicyAction {
  /** Keep the row in silver with its score and failed rules. */
  KEEP_FLAGGED,
  /** Move the row to the quarantine table with its reasons. */
  QUARANTINE,
  /** Fail the whole batch: nothing is committed. */
  FAIL_BATCH
}
