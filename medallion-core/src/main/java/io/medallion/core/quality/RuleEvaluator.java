package io.medallion.core.quality;

import io.medallion.core.silver.Rows;
import io.medallion.quality.Check;
import io.medallion.quality.RowView;
import io.medallion.quality.Rule;
import io.medallion.quality.RuleOutcome;
import io.medallion.quality.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a silver table's rules on typed rows. Patterns were compiled when the rules were
 * defined; evaluation allocates only the failure messages.
 *
 * <pre>{@code
 * RuleEvaluator rules = new RuleEvaluator(silver.rules());
 * RowQuality quality = rules.evaluate(row, List.of());
 * }</pre>
 */
public final class RuleEvaluator {
  private final List<Rule> rules;

  /**
   * Creates an evaluator.
   *
   * @param rules the rules
   */
  public RuleEvaluator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Scores a row.
   *
   * @param row the typed row
   * @param typeErrors values that could not be converted to their column's type; each is a critical
   *     failure
   * @return the verdict
   */
  public RowQuality evaluate(RowView row, List<String> typeErrors) {
    double applicable = 0;
    double passed = 0;
    boolean critical = !typeErrors.isEmpty();
    List<String> failures = typeErrors.isEmpty() ? List.of() : new ArrayList<>(typeErrors);
    for (Rule rule : rules) {
      Verdict verdict = check(rule.check(), row);
      if (verdict.outcome == RuleOutcome.SKIPPED) {
        continue;
      }
      applicable += rule.weight();
      if (verdict.outcome == RuleOutcome.PASSED) {
        passed += rule.weight();
      } else {
        if (failures.isEmpty()) {
          failures = new ArrayList<>();
        }
        failures.add(rule.name() + ": " + verdict.reason);
        critical |= rule.severity() == Severity.CRITICAL;
      }
    }
    double score = applicable == 0 ? 1.0 : passed / applicable;
    return new RowQuality(score, failures, critical);
  }

  /**
   * Evaluates one check on one row.
   *
   * @param check the check
   * @param row the row
   * @return the outcome
   */
  public static RuleOutcome outcome(Check check, RowView row) {
    return check(check, row).outcome;
  }

  private static Verdict check(Check check, RowView row) {
    if (check instanceof Check.NotNull notNull) {
      return Rows.isPresent(row.get(notNull.column()))
          ? Verdict.PASS
          : Verdict.fail(notNull.column() + " is missing");
    }
    if (check instanceof Check.Custom custom) {
      try {
        return custom.predicate().test(row)
            ? Verdict.PASS
            : Verdict.fail("predicate " + custom.name() + " is false");
      } catch (RuntimeException e) {
        return Verdict.fail("predicate " + custom.name() + " threw " + e);
      }
    }
    String column = check.columns().get(0);
    Object value = row.get(column);
    if (!Rows.isPresent(value)) {
      return Verdict.SKIP;
    }
    if (check instanceof Check.Matches matches) {
      return matches.pattern().matcher(value.toString()).matches()
          ? Verdict.PASS
          : Verdict.fail(quote(value) + " does not match /" + matches.pattern().pattern() + "/");
    }
    if (check instanceof Check.InRange range) {
      double number = ((Number) value).doubleValue();
      return number >= range.min() && number <= range.max()
          ? Verdict.PASS
          : Verdict.fail(value + " is outside " + check.describe().substring(column.length() + 1));
    }
    Check.AllowedValues allowed = (Check.AllowedValues) check;
    return allowed.allowed().contains(value.toString())
        ? Verdict.PASS
        : Verdict.fail(
            quote(value) + " is not one of " + new java.util.TreeSet<>(allowed.allowed()));
  }

  private static String quote(Object value) {
    String text = value.toString();
    return "'" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "'";
  }

  private record Verdict(RuleOutcome outcome, String reason) {
    static final Verdict PASS = new Verdict(RuleOutcome.PASSED, null);
    static final Verdict SKIP = new Verdict(RuleOutcome.SKIPPED, null);

    static Verdict fail(String reason) {
      return new Verdict(RuleOutcome.FAILED, reason);
    }
  }
}
