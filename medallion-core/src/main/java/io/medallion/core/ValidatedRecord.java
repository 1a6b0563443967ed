package io.medallion.core;

import io.medallion.quality.FailedRule;
import io.medallion.quality.PolicyAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One JSON record as a silver table would store it: its typed, standardized columns, its quality
 * score, the rules it failed and what the table's policy does with it.
 *
 * <pre>{@code
 * ValidatedRecord checked = validator.validate("{\"email\": \"ada@example\"}");
 * checked.kept();     // false when the policy quarantines it
 * checked.failures(); // [email_valid: ...]
 * }</pre>
 *
 * @param values the silver columns by name, in table order (nulls where a value is absent)
 * @param score the weighted share of applicable rules passed, from 0 to 1
 * @param failures the rules the record failed and the values that could not be typed
 * @param action what the policy does with the record; empty when it is kept as it is
 */
public record ValidatedRecord(
    Map<String, Object> values,
    double score,
    List<FailedRule> failures,
    Optional<PolicyAction> action) {

  /**
   * Copies the collections; the values keep their order and may hold nulls.
   *
   * @param values the columns
   * @param score the score
   * @param failures the failures
   * @param action the policy's action
   */
  public ValidatedRecord {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    failures = List.copyOf(failures);
    Objects.requireNonNull(action, "action");
  }

  /**
   * Tells whether silver would keep the record: no action, or kept flagged.
   *
   * @return false when the record would be quarantined or fail its batch
   */
  public boolean kept() {
    return action.isEmpty() || action.get() == PolicyAction.KEEP_FLAGGED;
  }
}
