package io.medallion.core.dqdl;

import java.util.Locale;

/**
 * Builds medallion rule names for DQDL rules, which have none: the rule's position, its type and
 * its columns, e.g. {@code dqdl_1_is_complete_email}. The position keeps names unique and stable as
 * long as the ruleset is only appended to.
 *
 * <pre>{@code
 * RuleNames.of("dqdl_2", "ColumnValues", "Order-ID"); // dqdl_2_column_values_order_id
 * }</pre>
 */
final class RuleNames {
  private RuleNames() {}

  /**
   * Names a rule.
   *
   * @param prefix the position, e.g. {@code dqdl_3} or {@code dqdl_3_2} for a composite's part
   * @param ruleType the DQDL rule type, e.g. {@code IsComplete}
   * @param columns the rule's columns, possibly none
   * @return a name of lower-case letters, digits and underscores
   */
  static String of(String prefix, String ruleType, String... columns) {
    StringBuilder name = new StringBuilder(prefix).append('_').append(snakeCase(ruleType));
    for (String column : columns) {
      String part = identifier(column);
      if (!part.isEmpty()) {
        name.append('_').append(part);
      }
    }
    return name.toString();
  }

  /**
   * Turns a column name into a name part.
   *
   * @param column the column, e.g. {@code "Order-ID"}
   * @return e.g. {@code order_id}; empty when the column has no ASCII letters or digits
   */
  static String identifier(String column) {
    return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
  }

  private static String snakeCase(String ruleType) {
    return ruleType.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
