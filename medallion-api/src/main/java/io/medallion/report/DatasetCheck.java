package io.medallion.report;

import java.util.Objects;

/**
 * The outcome of one dataset rule in a run: a row count, uniqueness, freshness, or a metric against
 * the table's history.
 *
 * <pre>{@code
 * new DatasetCheck("email_valid_pass_rate", "pass_rate of email_valid >= 0.95", false,
 *     "pass_rate:email_valid 0.9100 < 0.9500 (0.95)", false);
 * }</pre>
 *
 * @param name the dataset rule's name
 * @param condition the condition in words
 * @param passed whether it held
 * @param detail the measured value against the bound
 * @param failsBatch whether a failure stops the commit (otherwise it warns)
 */
public record DatasetCheck(
    String name, String condition, boolean passed, String detail, boolean failsBatch) {
  /**
   * Validates the check.
   *
   * @param name the name
   * @param condition the condition
   * @param passed whether it held
   * @param detail the measurement
   * @param failsBatch whether it fails the batch
   */
  public DatasetCheck {
    Checks.text("dataset rule name", name);
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(detail, "detail");
  }
}
