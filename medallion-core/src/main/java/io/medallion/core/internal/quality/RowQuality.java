package io.medallion.core.internal.quality;

import io.medallion.quality.FailedRule;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityPolicy;
import java.util.List;

/**
 * The quality verdict on one row.
 *
 * @param score the weighted share of applicable rules passed, in [0, 1]
 * @param completeness the score over completeness rules
 * @param validity the score over validity rules
 * @param consistency the score over consistency rules
 * @param failures the failed rules, type problems first
 * @param forcedAction the strongest action a failed rule demands on its own (a rule's own action,
 *     the policy's action for a critical rule or an untyped value), or null
 * @param outcomes each rule's outcome, in rule order (0 passed, 1 failed, 2 skipped)
 */
public record RowQuality(
    double score,
    double completeness,
    double validity,
    double consistency,
    List<FailedRule> failures,
    PolicyAction forcedAction,
    byte[] outcomes) {
  /**
   * Returns what a policy does with this row: the action a failed rule forced, else the policy's
   * action when the score is under its minimum, else null (the row is kept).
   *
   * @param policy the table's quality policy
   * @return the action, or null
   */
  public PolicyAction actionUnder(QualityPolicy policy) {
    if (forcedAction == null && score < policy.minScore()) {
      return policy.action();
    }
    return forcedAction;
  }
}
