package io.medallion.report;

import java.util.List;
import java.util.Objects;

/**
 * A frequent failure: a rule, the reason it gave, how many rows failed that way, and a few masked
 * sample rows.
 *
 * <pre>{@code
 * FailureReason reason =
 *     new FailureReason("email_format", "email does not match", 60, List.of(sample));
 * }</pre>
 *
 * @param rule the rule's name
 * @param reason the reason text, as the rule reported it
 * @param count rows that failed the rule with this reason
 * @param samples up to a few of those rows, masked
 */
public record FailureReason(String rule, String reason, long count, List<FailureSample> samples) {

  /**
   * Validates and copies the failure.
   *
   * <pre>{@code
   * new FailureReason("user_id_not_null", "user_id is missing", 3, List.of());
   * }</pre>
   *
   * @param rule the rule
   * @param reason the reason
   * @param count the row count
   * @param samples the samples
   * @throws IllegalArgumentException when the rule is blank, the count is not positive or there are
   *     more samples than rows
   */
  public FailureReason {
    Checks.text("rule name", rule);
    Objects.requireNonNull(reason, "reason");
    samples = List.copyOf(samples);
    if (count < 1) {
      throw new IllegalArgumentException(
          "Invalid count " + count + " for failure of rule '" + rule + "': expected >= 1");
    }
    if (samples.size() > count) {
      throw new IllegalArgumentException(
          "Invalid failure of rule '"
              + rule
              + "': "
              + samples.size()
              + " samples for "
              + count
              + " rows");
    }
  }
}
