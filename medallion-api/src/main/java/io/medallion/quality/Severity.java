package io.medallion.quality;

/**
 * How much a failed rule matters.
 *
 * <pre>{@code
 * Rule id = Rule.notNull("user_id").severity(Severity.CRITICAL);
 * }</pre>
 */
public enum Severity {
  /** The failure lowers the row's score; the policy acts only when the score is too low. */
  WARNING,
  /** The failure alone makes the policy act, whatever the score. */
  CRITICAL
}
