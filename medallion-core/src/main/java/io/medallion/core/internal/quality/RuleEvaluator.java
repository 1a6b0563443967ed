package io.medallion.core.internal.quality;

import io.medallion.quality.Check;
import io.medallion.quality.DerivedValue;
import io.medallion.quality.Dimension;
import io.medallion.quality.FailedRule;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.RowView;
import io.medallion.quality.Rule;
import io.medallion.quality.RuleOutcome;
import io.medallion.quality.Severity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a silver table's rules on typed rows: an outcome per rule, a score per dimension and
 * overall, the failure reasons, and the action a failure demands. Patterns were compiled when the
 * rules were defined; evaluation allocates only the failure messages.
 *
 * <pre>{@code
 * RuleEvaluator rules = new RuleEvaluator(silver.rules(), silver.policy(), now, contacts);
 * RowQuality quality = rules.evaluate(row, List.of());
 * }</pre>
 */
public final class RuleEvaluator {
  /** Outcome codes in {@link RowQuality#outcomes()}. */
  public static final byte PASSED = 0;

  /** Outcome code of a failed rule. */
  public static final byte FAILED = 1;

  /** Outcome code of a rule that did not apply. */
  public static final byte SKIPPED = 2;

  private final List<Rule> rules;
  private final PolicyAction criticalAction;
  private final OffsetDateTime now;
  private final LocalDate today;
  private final ContactChecks contacts;

  /**
   * Creates an evaluator.
   *
   * @param rules the rules
   * @param policy the policy whose action applies to critical failures
   * @param now the run's time, for dates in the future and ages
   * @param contacts email and phone validity
   */
  public RuleEvaluator(
      List<Rule> rules, QualityPolicy policy, OffsetDateTime now, ContactChecks contacts) {
    this.rules = List.copyOf(rules);
    this.criticalAction = policy.action();
    this.now = now;
    this.today = now.toLocalDate();
    this.contacts = contacts;
  }

  /**
   * Returns the rules, in the order of {@link RowQuality#outcomes()}.
   *
   * @return the rules
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Scores a row.
   *
   * @param row the typed row
   * @param typeErrors values that could not be converted to their column's type; each is a critical
   *     failure
   * @return the verdict
   */
  public RowQuality evaluate(RowView row, List<FailedRule> typeErrors) {
    double[] applicable = new double[3];
    double[] passed = new double[3];
    byte[] outcomes = new byte[rules.size()];
    PolicyAction forced = typeErrors.isEmpty() ? null : criticalAction;
    List<FailedRule> failures = typeErrors.isEmpty() ? List.of() : new ArrayList<>(typeErrors);
    RowChecks checks = new RowChecks(row);
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      Verdict verdict = checks.check(rule.check());
      if (verdict.outcome == RuleOutcome.SKIPPED) {
        outcomes[i] = SKIPPED;
        continue;
      }
      int dimension = rule.dimension().ordinal();
      applicable[dimension] += rule.weight();
      if (verdict.outcome == RuleOutcome.PASSED) {
        outcomes[i] = PASSED;
        passed[dimension] += rule.weight();
        continue;
      }
      outcomes[i] = FAILED;
      if (failures.isEmpty()) {
        failures = new ArrayList<>();
      }
      failures.add(FailedRule.of(rule, verdict.reason));
      PolicyAction action =
          rule.action() != null
              ? rule.action()
              : rule.severity() == Severity.CRITICAL ? criticalAction : null;
      forced = stronger(forced, action);
    }
    double totalApplicable = applicable[0] + applicable[1] + applicable[2];
    double score =
        totalApplicable == 0 ? 1.0 : (passed[0] + passed[1] + passed[2]) / totalApplicable;
    return new RowQuality(
        score,
        share(passed, applicable, Dimension.COMPLETENESS),
        share(passed, applicable, Dimension.VALIDITY),
        share(passed, applicable, Dimension.CONSISTENCY),
        failures,
        forced,
        outcomes);
  }

  private static double share(double[] passed, double[] applicable, Dimension dimension) {
    int i = dimension.ordinal();
    return applicable[i] == 0 ? 1.0 : passed[i] / applicable[i];
  }

  private static PolicyAction stronger(PolicyAction current, PolicyAction candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null || candidate.ordinal() > current.ordinal() ? candidate : current;
  }

  /**
   * Checks one row. Apart from presence and user predicates, a check needs all its inputs: an
   * absent one is completeness's business, so the check is skipped.
   */
  private final class RowChecks implements Check.Visitor<Verdict> {
    private final RowView row;

    RowChecks(RowView row) {
      this.row = row;
    }

    Verdict check(Check check) {
      return check.accept(this);
    }

    @Override
    public Verdict visitNotNull(Check.NotNull check) {
      return Rows.isPresent(row.get(check.column()))
          ? Verdict.PASS
          : Verdict.fail(check.column() + " is missing");
    }

    @Override
    public Verdict visitCustom(Check.Custom check) {
      try {
        return check.predicate().test(row)
            ? Verdict.PASS
            : Verdict.fail("predicate " + check.name() + " is false");
      } catch (RuntimeException e) {
        return Verdict.fail("predicate " + check.name() + " threw " + e);
      }
    }

    @Override
    public Verdict visitMatches(Check.Matches check) {
      Object value = row.get(check.column());
      if (!Rows.isPresent(value)) {
        return Verdict.SKIP;
      }
      return check.pattern().matcher(value.toString()).matches()
          ? Verdict.PASS
          : Verdict.fail(quote(value) + " does not match /" + check.pattern().pattern() + "/");
    }

    @Override
    public Verdict visitInRange(Check.InRange check) {
      Object value = row.get(check.column());
      if (!Rows.isPresent(value)) {
        return Verdict.SKIP;
      }
      double number = ((Number) value).doubleValue();
      return number >= check.min() && number <= check.max()
          ? Verdict.PASS
          : Verdict.fail(
              value + " is outside " + check.describe().substring(check.column().length() + 1));
    }

    @Override
    public Verdict visitAllowedValues(Check.AllowedValues check) {
      Object value = row.get(check.column());
      if (!Rows.isPresent(value)) {
        return Verdict.SKIP;
      }
      return check.allowed().contains(value.toString())
          ? Verdict.PASS
          : Verdict.fail(
              quote(value) + " is not one of " + new java.util.TreeSet<>(check.allowed()));
    }

    @Override
    public Verdict visitLength(Check.Length check) {
      Object value = row.get(check.column());
      if (!Rows.isPresent(value)) {
        return Verdict.SKIP;
      }
      String text = value.toString();
      int size = text.codePointCount(0, text.length());
      return size >= check.min() && size <= check.max()
          ? Verdict.PASS
          : Verdict.fail("length " + size + " is outside " + check.min() + ".." + check.max());
    }

    @Override
    public Verdict visitNotInFuture(Check.NotInFuture check) {
      Object value = row.get(check.column());
      if (!Rows.isPresent(value)) {
        return Verdict.SKIP;
      }
      return isAfterNow(value) ? Verdict.fail(value + " is in the future") : Verdict.PASS;
    }

    @Override
    public Verdict visitValidEmail(Check.ValidEmail check) {
      Object value = row.get(check.column());
      if (!Rows.isPresent(value)) {
        return Verdict.SKIP;
      }
      return reason(contacts.emailProblem(value.toString()));
    }

    @Override
    public Verdict visitValidPhone(Check.ValidPhone check) {
      Object value = row.get(check.column());
      Object region = row.get(check.regionColumn());
      if (!Rows.isPresent(value) || !Rows.isPresent(region)) {
        return Verdict.SKIP;
      }
      return reason(contacts.phoneProblem(value.toString(), region.toString(), check.types()));
    }

    @Override
    public Verdict visitAfterBirth(Check.AfterBirth check) {
      Object eventValue = row.get(check.eventColumn());
      Object bornValue = row.get(check.birthColumn());
      if (!Rows.isPresent(eventValue) || !Rows.isPresent(bornValue)) {
        return Verdict.SKIP;
      }
      LocalDate event = date(eventValue);
      LocalDate born = date(bornValue);
      return !event.isBefore(born.plusYears(check.minYears()))
          ? Verdict.PASS
          : Verdict.fail(
              check.eventColumn()
                  + " "
                  + event
                  + " is less than "
                  + check.minYears()
                  + " years after "
                  + check.birthColumn()
                  + " "
                  + born);
    }

    @Override
    public Verdict visitMatchesDerived(Check.MatchesDerived check) {
      for (String column : check.columns()) {
        if (!Rows.isPresent(row.get(column))) {
          return Verdict.SKIP;
        }
      }
      Object stated = row.get(check.column());
      long derived = derive(check.function(), check.arguments());
      double difference = ((Number) stated).doubleValue() - derived;
      return difference >= check.minDifference() && difference <= check.maxDifference()
          ? Verdict.PASS
          : Verdict.fail(
              check.column() + " " + stated + " but " + check.derived() + " is " + derived);
    }

    @Override
    public Verdict visitInLookup(Check.InLookup check) {
      Object value = row.get(check.column());
      Object key = row.get(check.keyColumn());
      if (!Rows.isPresent(value) || !Rows.isPresent(key)) {
        return Verdict.SKIP;
      }
      Boolean allowed = check.table().allows(key.toString(), value.toString());
      if (allowed == null) {
        return Verdict.SKIP;
      }
      return allowed
          ? Verdict.PASS
          : Verdict.fail(
              quote(value)
                  + " is not allowed for "
                  + quote(key.toString().strip())
                  + " by "
                  + check.table().name());
    }

    private long derive(DerivedValue function, List<String> arguments) {
      // A switch expression over the enum: a new function is a compile error until handled here.
      return switch (function) {
        case YEARS_SINCE -> ChronoUnit.YEARS.between(date(row.get(arguments.get(0))), today);
        case YEARS_BETWEEN ->
            ChronoUnit.YEARS.between(
                date(row.get(arguments.get(0))), date(row.get(arguments.get(1))));
      };
    }
  }

  private boolean isAfterNow(Object value) {
    if (value instanceof OffsetDateTime timestamp) {
      return timestamp.isAfter(now);
    }
    return value instanceof LocalDate date && date.isAfter(today);
  }

  private static LocalDate date(Object value) {
    return value instanceof OffsetDateTime timestamp ? timestamp.toLocalDate() : (LocalDate) value;
  }

  private static Verdict reason(String problem) {
    return problem == null ? Verdict.PASS : Verdict.fail(problem);
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
