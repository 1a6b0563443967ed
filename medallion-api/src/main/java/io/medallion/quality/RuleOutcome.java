package io.medallion.quality;

/**
 * What a rule concluded about one row.
 *
 * <pre>{@code
 * if (outcome == RuleOutcome.FAILED) { ... }
 * }</pre>
 */
public enum RuleOutcome {
  /** The row satisfies the rule. */
  PASSED,
  /** The row violates the rule. */
  FAILED,
  /** The rule does not apply, e.g. its column is null and completeness already counts that. */
  SKIPPED
}
