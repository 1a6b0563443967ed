package io.medallion.core.dqdl;

import io.medallion.quality.Check;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.Rule;
import io.medallion.quality.Severity;
import io.medallion.quality.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import software.amazon.glue.dqdl.model.DQRule;
import software.amazon.glue.dqdl.model.DQRuleLogicalOperator;
import software.amazon.glue.dqdl.model.condition.Condition;
import software.amazon.glue.dqdl.model.condition.date.DateBasedCondition;
import software.amazon.glue.dqdl.model.condition.date.DateBasedConditionOperator;
import software.amazon.glue.dqdl.model.condition.duration.DurationBasedCondition;
import software.amazon.glue.dqdl.model.condition.duration.DurationBasedConditionOperator;
import software.amazon.glue.dqdl.model.condition.number.NumberBasedCondition;
import software.amazon.glue.dqdl.model.condition.string.KeywordStringOperand;
import software.amazon.glue.dqdl.model.condition.string.QuotedStringOperand;
import software.amazon.glue.dqdl.model.condition.string.StringBasedCondition;
import software.amazon.glue.dqdl.model.condition.string.StringOperand;

/**
 * Translates parsed DQDL rules into medallion rules, collecting the results. The semantics of each
 * mapping are documented on {@link DqdlRuleset}.
 *
 * <pre>{@code
 * RuleTranslator translator = new RuleTranslator();
 * translator.add(dqRule, "dqdl_1");
 * translator.rules(); // e.g. [dqdl_1_is_complete_email: email is present ...]
 * }</pre>
 */
final class RuleTranslator {
  /** The rule types {@link #add} translates, in the order error messages list them. */
  static final List<String> SUPPORTED =
      List.of(
          "IsComplete",
          "Completeness",
          "ColumnValues",
          "ColumnLength",
          "IsUnique",
          "IsPrimaryKey",
          "Uniqueness",
          "RowCount",
          "DataFreshness");

  private static final String COLUMN = "TargetColumn";

  private final List<Rule> rules = new ArrayList<>();
  private final List<DatasetRule> datasetRules = new ArrayList<>();

  /**
   * Translates a rule and keeps the result. A rule that fails may leave part of its translation
   * behind; callers discard everything once any rule failed.
   *
   * @param rule the parsed rule
   * @param prefix the start of the generated names, e.g. {@code dqdl_3}
   * @throws UnsupportedRuleException when the rule has no medallion equivalent
   * @throws IllegalArgumentException when medallion rejects a value, e.g. an invalid regular
   *     expression
   */
  void add(DQRule rule, String prefix) {
    if (isComposite(rule)) {
      addComposite(rule, prefix);
    } else {
      addSimple(rule, prefix);
    }
  }

  /**
   * Returns the row rules translated so far.
   *
   * @return the rules, in ruleset order
   */
  List<Rule> rules() {
    return List.copyOf(rules);
  }

  /**
   * Returns the dataset rules translated so far.
   *
   * @return the dataset rules, in ruleset order
   */
  List<DatasetRule> datasetRules() {
    return List.copyOf(datasetRules);
  }

  private void addComposite(DQRule rule, String prefix) {
    if (rule.getOperator() == DQRuleLogicalOperator.OR) {
      throw new UnsupportedRuleException(
          "composite 'or' rules are not supported: every medallion rule must pass on its own;"
              + " split them into separate rules, or write a Rule.predicate in Java");
    }
    // A composite "and" passes when every part passes, so each part can be its own rule.
    List<String> failures = new ArrayList<>();
    List<DQRule> parts = andParts(rule);
    for (int i = 0; i < parts.size(); i++) {
      try {
        add(parts.get(i), prefix + "_" + (i + 1));
      } catch (UnsupportedRuleException | IllegalArgumentException e) {
        failures.add("part " + (i + 1) + " '" + parts.get(i) + "': " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new UnsupportedRuleException(String.join("; ", failures));
    }
  }

  /** The parser nests "(a) and (b) and (c)" as "((a) and (b)) and (c)"; this flattens it. */
  private static List<DQRule> andParts(DQRule rule) {
    List<DQRule> parts = new ArrayList<>();
    for (DQRule part : rule.getNestedRules()) {
      if (isComposite(part) && part.getOperator() == DQRuleLogicalOperator.AND) {
        parts.addAll(andParts(part));
      } else {
        parts.add(part);
      }
    }
    return parts;
  }

  private static boolean isComposite(DQRule rule) {
    return rule.getNestedRules() != null && !rule.getNestedRules().isEmpty();
  }

  private void addSimple(DQRule rule, String prefix) {
    String type = rule.getRuleType();
    if (!SUPPORTED.contains(type)) {
      throw new UnsupportedRuleException(
          "rule type "
              + type
              + " is not supported; supported: "
              + String.join(", ", SUPPORTED)
              + ", and 'and' composites of them");
    }
    if (rule.getWhereClause() != null) {
      throw new UnsupportedRuleException(
          "'where' clauses are not supported: medallion rules apply to every row of a batch;"
              + " filter rows before the silver table, or write a Rule.predicate in Java");
    }
    // Parameters are the columns, in the order written (TargetColumn, or TargetColumn1..n).
    String[] columns = rule.getParameters().values().toArray(String[]::new);
    String name = RuleNames.of(prefix, type, columns);
    String column = rule.getParameters().get(COLUMN);
    switch (type) {
      case "IsComplete":
        rules.add(rowRule(name, new Check.NotNull(column)));
        break;
      case "Completeness":
        rules.add(rowRule(name, new Check.NotNull(column)));
        datasetRules.add(DatasetRule.passRate(name, minimumRatio(rule.getCondition())));
        break;
      case "ColumnValues":
        rules.add(rowRule(name, columnValues(column, rule.getCondition())));
        if (rule.getThresholdCondition() != null) {
          datasetRules.add(DatasetRule.passRate(name, minimumRatio(rule.getThresholdCondition())));
        }
        break;
      case "ColumnLength":
        rules.add(rowRule(name, columnLength(column, numeric(rule.getCondition()))));
        break;
      case "IsUnique":
        datasetRules.add(DatasetRule.unique(column).named(name));
        break;
      case "IsPrimaryKey":
        datasetRules.add(DatasetRule.unique(columns).named(name));
        for (String keyColumn : columns) {
          String part = name + "_not_null_" + RuleNames.identifier(keyColumn);
          rules.add(rowRule(part, new Check.NotNull(keyColumn)));
        }
        break;
      case "Uniqueness":
        Bounds uniqueness = Bounds.of(numeric(rule.getCondition()));
        datasetRules.add(DatasetRule.distinctRatio(column, uniqueness.minRatio()).named(name));
        break;
      case "RowCount":
        datasetRules.add(rowCount(numeric(rule.getCondition())).named(name));
        break;
      case "DataFreshness":
        datasetRules.add(DatasetRule.freshness(column, maxAge(rule.getCondition())).named(name));
        break;
    }
  }

  /**
   * Builds a row rule with the defaults of {@link Rule}'s factories. The factories cannot be used:
   * they derive a name from the column and reject upper case and symbols, common in Glue columns.
   */
  private static Rule rowRule(String name, Check check) {
    return new Rule(name, check, 1.0, Severity.WARNING, null);
  }

  private static Check columnValues(String column, Condition condition) {
    if (condition instanceof NumberBasedCondition number) {
      Bounds bounds = Bounds.of(number);
      if (bounds.min() > bounds.max()) {
        throw neverMet();
      }
      return new Check.InRange(column, bounds.min(), bounds.max());
    }
    if (condition instanceof StringBasedCondition text) {
      return textValues(column, text);
    }
    if (condition instanceof DateBasedCondition date && isNotInFuture(date)) {
      return new Check.NotInFuture(column);
    }
    throw new UnsupportedRuleException(
        "the condition '"
            + condition.getFormattedCondition()
            + "' is not supported; supported: between, >, >=, <, <=, = with numbers,"
            + " in [...] or = with text, matches \"regex\", and <= now() for dates");
  }

  private static Check textValues(String column, StringBasedCondition condition) {
    switch (condition.getOperator()) {
      case MATCHES:
        return new Check.Matches(column, pattern(condition.getOperands().get(0).getOperand()));
      case IN:
      case EQUALS:
        return new Check.AllowedValues(column, allowedTexts(condition.getOperands()));
      default:
        throw new UnsupportedRuleException(
            "negated conditions ('!=', 'not in', 'not matches') are not supported;"
                + " use in [...], = or matches");
    }
  }

  private static Set<String> allowedTexts(List<StringOperand> operands) {
    Set<String> allowed = new LinkedHashSet<>();
    for (StringOperand operand : operands) {
      if (operand instanceof QuotedStringOperand) {
        allowed.add(operand.getOperand());
      } else if (!(operand instanceof KeywordStringOperand)) {
        // The parser leaves a reference to an undeclared variable unresolved.
        throw new UnsupportedRuleException(
            "the value " + operand.formatOperand() + " is not defined in the ruleset");
      }
      // NULL, EMPTY and WHITESPACES_ONLY need no entry: medallion skips missing and blank values.
    }
    if (allowed.isEmpty()) {
      throw new UnsupportedRuleException(
          "only NULL, EMPTY or WHITESPACES_ONLY are allowed, which medallion cannot require;"
              + " list at least one quoted value");
    }
    return allowed;
  }

  private static boolean isNotInFuture(DateBasedCondition condition) {
    DateBasedConditionOperator operator = condition.getOperator();
    return (operator == DateBasedConditionOperator.LESS_THAN_EQUAL_TO
            || operator == DateBasedConditionOperator.LESS_THAN)
        && condition.getOperands().size() == 1
        && condition.getOperands().get(0).getFormattedExpression().equals("now()");
  }

  private static Pattern pattern(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid regular expression \"" + regex + "\": " + e.getDescription(), e);
    }
  }

  private static Check columnLength(String column, NumberBasedCondition condition) {
    Bounds bounds = Bounds.of(condition);
    long min = Math.max(0, bounds.minWhole());
    long max = Math.min(Integer.MAX_VALUE, bounds.maxWhole());
    if (min > max) {
      throw neverMet();
    }
    return new Check.Length(column, (int) min, (int) max);
  }

  private static DatasetRule rowCount(NumberBasedCondition condition) {
    Optional<Threshold> historical = HistoricalBounds.minimum(condition);
    if (historical.isPresent()) {
      return DatasetRule.metricAtLeast("rows_read", historical.get());
    }
    Bounds bounds = Bounds.of(condition);
    long min = Math.max(0, bounds.minWhole());
    if (min > bounds.maxWhole()) {
      throw neverMet();
    }
    return DatasetRule.rowCount(min, bounds.maxWhole());
  }

  private static Threshold minimumRatio(Condition condition) {
    NumberBasedCondition number = numeric(condition);
    return HistoricalBounds.minimum(number)
        .orElseGet(() -> Threshold.of(Bounds.of(number).minRatio()));
  }

  private static Duration maxAge(Condition condition) {
    if (condition instanceof DurationBasedCondition age && age.getOperands().size() == 1) {
      software.amazon.glue.dqdl.model.condition.duration.Duration limit = age.getOperands().get(0);
      Duration duration =
          switch (limit.getUnit()) {
            case MINUTES -> Duration.ofMinutes(limit.getAmount());
            case HOURS -> Duration.ofHours(limit.getAmount());
            case DAYS -> Duration.ofDays(limit.getAmount());
          };
      if (age.getOperator() == DurationBasedConditionOperator.LESS_THAN_EQUAL_TO) {
        return duration;
      }
      // Medallion compares ages inclusively at nanosecond precision, so "< d" is "<= d - 1ns".
      if (age.getOperator() == DurationBasedConditionOperator.LESS_THAN) {
        return duration.minusNanos(1);
      }
    }
    throw new UnsupportedRuleException(
        "the condition '"
            + condition.getFormattedCondition()
            + "' is not supported; medallion checks a maximum age: use '<= N hours' or '< N days'");
  }

  private static NumberBasedCondition numeric(Condition condition) {
    if (condition instanceof NumberBasedCondition number) {
      return number;
    }
    throw new UnsupportedRuleException(
        "expected a numeric condition such as '> 0.9', got '"
            + (condition == null ? "" : condition.getFormattedCondition())
            + "'");
  }

  private static UnsupportedRuleException neverMet() {
    return new UnsupportedRuleException("the condition can never be met");
  }
}
