package io.medallion.core.quality;

import io.medallion.quality.Check;
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
import java.util.regex.Pattern;

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
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      Verdict verdict = check(rule.check(), row);
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

  private Verdict check(Check check, RowView row) {
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
    // Every other check needs all its inputs: an absent one is completeness's business.
    for (String column : check.columns()) {
      if (!Rows.isPresent(row.get(column))) {
        return Verdict.SKIP;
      }
    }
    String column = check.columns().get(0);
    Object value = row.get(column);
    if (check instanceof Check.Matches matches) {
      return matches.pattern().matcher(value.toString()).matches()
          ? Verdict.PASS
          : Verdict.fail(quote(value) + " does not match /" + matches.pattern().pattern() + "/");
    } else if (check instanceof Check.InRange range) {
      double number = ((Number) value).doubleValue();
      return number >= range.min() && number <= range.max()
          ? Verdict.PASS
          : Verdict.fail(value + " is outside " + check.describe().substring(column.length() + 1));
    } else if (check instanceof Check.AllowedValues allowed) {
      return allowed.allowed().contains(value.toString())
          ? Verdict.PASS
          : Verdict.fail(
              quote(value) + " is not one of " + new java.util.TreeSet<>(allowed.allowed()));
    } else if (check instanceof Check.Length length) {
      int size = value.toString().codePointCount(0, value.toString().length());
      return size >= length.min() && size <= length.max()
          ? Verdict.PASS
          : Verdict.fail("length " + size + " is outside " + length.min() + ".." + length.max());
    } else if (check instanceof Check.NotInFuture) {
      return isAfterNow(value) ? Verdict.fail(value + " is in the future") : Verdict.PASS;
    } else if (check instanceof Check.ValidEmail) {
      return reason(contacts.emailProblem(value.toString()));
    } else if (check instanceof Check.ValidPhone phone) {
      return reason(
          contacts.phoneProblem(
              value.toString(), row.get(phone.regionColumn()).toString(), phone.types()));
    }
    return checkConsistency(check, row);
  }

  private Verdict checkConsistency(Check check, RowView row) {
    if (check instanceof Check.AgeMatchesBirthDate age) {
      long stated = ((Number) row.get(age.ageColumn())).longValue();
      long years = ChronoUnit.YEARS.between(date(row.get(age.birthColumn())), today);
      return stated <= years && stated >= years - age.toleranceYears()
          ? Verdict.PASS
          : Verdict.fail("age " + stated + " but " + years + " years since " + age.birthColumn());
    } else if (check instanceof Check.AfterBirth after) {
      LocalDate event = date(row.get(after.eventColumn()));
      LocalDate born = date(row.get(after.birthColumn()));
      return !event.isBefore(born.plusYears(after.minYears()))
          ? Verdict.PASS
          : Verdict.fail(
              after.eventColumn()
                  + " "
                  + event
                  + " is less than "
                  + after.minYears()
                  + " years after "
                  + after.birthColumn()
                  + " "
                  + born);
    } else if (check instanceof Check.CountryMatchesNationality match) {
      String country = row.get(match.countryColumn()).toString();
      String region = row.get(match.nationalityColumn()).toString();
      Boolean matches = PlaceFacts.countryMatches(country, region);
      if (matches == null) {
        return Verdict.SKIP;
      }
      return matches
          ? Verdict.PASS
          : Verdict.fail(quote(country) + " is not the country of " + quote(region));
    }
    Check.PostcodeMatchesCountry postcode = (Check.PostcodeMatchesCountry) check;
    String code = row.get(postcode.postcodeColumn()).toString().strip();
    String region = row.get(postcode.regionColumn()).toString();
    Pattern format = PlaceFacts.postcodeFormat(region);
    if (format == null) {
      return Verdict.SKIP;
    }
    return format.matcher(code).matches()
        ? Verdict.PASS
        : Verdict.fail(quote(code) + " is not a " + region.strip() + " postcode");
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
