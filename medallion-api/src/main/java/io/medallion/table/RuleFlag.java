package io.medallion.table;

import java.util.Objects;

/**
 * A boolean silver column holding one rule's outcome for the row: true when it passed, false when
 * it failed, null when it did not apply. Cheaper and truer than re-deriving the same check.
 *
 * <pre>{@code
 * silver.rules(Rule.validEmail("email")).ruleFlag("email_valid", "email_valid");
 * }</pre>
 *
 * @param column the boolean column
 * @param rule the rule's name
 */
public record RuleFlag(String column, String rule) {
  /**
   * Validates the flag.
   *
   * @param column the column
   * @param rule the rule
   */
  public RuleFlag {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(rule, "rule");
  }

  @Override
  public String toString() {
    return column + " = passed(" + rule + ")";
  }
}
