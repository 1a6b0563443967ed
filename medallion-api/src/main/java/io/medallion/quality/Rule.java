package io.medallion.quality;

import io.medallion.Problems;
import io.medallion.SetOnce;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A named, weighted quality rule: a {@link Check}, a weight in the row's score, and a {@link
 * Severity}. Rules are immutable; each {@code with}-style method returns a new rule.
 *
 * <pre>{@code
 * Rule email = Rule.matches("email", "[^@\\s]+@[^@\\s]+\\.[a-z]{2,}").named("email_format").weight(2);
 * Rule id = Rule.notNull("user_id").critical();
 * Rule age = Rule.range("age", 0, 120);
 * }</pre>
 *
 * @param name a stable name, stored with every failure and in metrics
 * @param check the condition
 * @param weight the rule's share of the score, &gt; 0
 * @param severity whether a failure alone triggers the policy's action
 * @param action what a failure of this rule alone does, overriding the policy; null when the score
 *     and severity decide
 */
public record Rule(
    String name, Check check, double weight, Severity severity, PolicyAction action) {

  /**
   * Validates the rule.
   *
   * @param name the name
   * @param check the condition
   * @param weight the weight
   * @param severity the severity
   * @param action the rule's own action, or null
   */
  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(severity, "severity");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "Invalid rule name '" + name + "': expected lower-case letters, digits and underscores");
    }
    if (!(weight > 0 && Double.isFinite(weight))) {
      throw new IllegalArgumentException(
          "Invalid weight " + weight + " for rule '" + name + "': expected a finite number > 0");
    }
  }

  /**
   * The column must be present (and not blank, for text).
   *
   * @param column the column
   * @return a rule named {@code <column>_not_null}, weight 1, severity warning
   */
  public static Rule notNull(String column) {
    return of(column + "_not_null", new Check.NotNull(column));
  }

  /**
   * The column's text must match a regular expression entirely. The pattern is compiled here, once.
   *
   * @param column the column
   * @param regex the regular expression
   * @return a rule named {@code <column>_format}
   * @throws IllegalArgumentException when the expression does not compile
   */
  public static Rule matches(String column, String regex) {
    try {
      return of(column + "_format", new Check.Matches(column, Pattern.compile(regex)));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "Invalid regular expression for '" + column + "': " + e.getDescription(), e);
    }
  }

  /**
   * The column's value must lie within inclusive bounds.
   *
   * @param column a numeric column
   * @param min the lowest allowed value
   * @param max the highest allowed value
   * @return a rule named {@code <column>_range}
   */
  public static Rule range(String column, double min, double max) {
    return of(column + "_range", new Check.InRange(column, min, max));
  }

  /**
   * The column's text must be one of the given values.
   *
   * @param column the column
   * @param allowed the allowed values
   * @return a rule named {@code <column>_allowed}
   */
  public static Rule allowedValues(String column, Set<String> allowed) {
    return of(column + "_allowed", new Check.AllowedValues(column, allowed));
  }

  /**
   * A named predicate over several columns.
   *
   * @param name the rule's and the predicate's name
   * @param inputs the columns it reads
   * @param predicate the condition
   * @return the rule
   */
  public static Rule predicate(String name, List<String> inputs, RowPredicate predicate) {
    return predicate(name, inputs, Dimension.CONSISTENCY, predicate);
  }

  /**
   * A named predicate measuring a given dimension.
   *
   * @param name the rule's and the predicate's name
   * @param inputs the columns it reads
   * @param dimension what it measures
   * @param predicate the condition
   * @return the rule
   */
  public static Rule predicate(
      String name, List<String> inputs, Dimension dimension, RowPredicate predicate) {
    return of(name, new Check.Custom(name, inputs, predicate, dimension));
  }

  /**
   * The column's text length must lie within inclusive bounds.
   *
   * @param column the column
   * @param min the shortest allowed length
   * @param max the longest allowed length
   * @return a rule named {@code <column>_length}
   */
  public static Rule length(String column, int min, int max) {
    return of(column + "_length", new Check.Length(column, min, max));
  }

  /**
   * The column's date or timestamp must not be after the run's time.
   *
   * @param column the column
   * @return a rule named {@code <column>_not_in_future}
   */
  public static Rule notInFuture(String column) {
    return of(column + "_not_in_future", new Check.NotInFuture(column));
  }

  /**
   * The column must hold a valid email address (syntax, domain, known TLD, not disposable).
   *
   * @param column the column
   * @return a rule named {@code <column>_valid}
   */
  public static Rule validEmail(String column) {
    return of(column + "_valid", new Check.ValidEmail(column));
  }

  /**
   * The column must hold a phone number valid for the region in another column.
   *
   * @param column the phone column
   * @param regionColumn the region column, e.g. a nationality code
   * @param types allowed types such as {@code "mobile"} or {@code "fixed_line"}; none allows any
   * @return a rule named {@code <column>_valid}
   */
  public static Rule validPhone(String column, String regionColumn, String... types) {
    return of(column + "_valid", new Check.ValidPhone(column, regionColumn, Set.of(types)));
  }

  /**
   * An event must come at least a minimum number of years after birth.
   *
   * @param eventColumn the event's date or timestamp, e.g. a registration
   * @param birthColumn the birth date or timestamp
   * @param minYears the minimum age at the event
   * @return a rule named {@code <eventColumn>_after_<birthColumn>}
   */
  public static Rule afterBirth(String eventColumn, String birthColumn, int minYears) {
    return of(
        eventColumn + "_after_" + birthColumn,
        new Check.AfterBirth(eventColumn, birthColumn, minYears));
  }

  /**
   * A column must agree with a value derived from other columns: {@code column - derived} must lie
   * within inclusive bounds.
   *
   * <pre>{@code
   * // a stated age may lag the years since birth by up to 10
   * Rule.matchesDerived("age", DerivedValue.YEARS_SINCE, List.of("born_at"), -10, 0);
   * }</pre>
   *
   * @param column the numeric column checked
   * @param function how the value is derived
   * @param arguments the columns the function reads
   * @param minDifference the lowest allowed difference
   * @param maxDifference the highest allowed difference
   * @return a rule named {@code <column>_matches_<arguments joined by _>}
   */
  public static Rule matchesDerived(
      String column,
      DerivedValue function,
      List<String> arguments,
      double minDifference,
      double maxDifference) {
    return of(
        column + "_matches_" + String.join("_", arguments),
        new Check.MatchesDerived(column, function, arguments, minDifference, maxDifference));
  }

  /**
   * A column's value must be among those a lookup table allows for another column's value.
   *
   * <pre>{@code
   * Rule.inLookup("country", "nationality", countriesByNationality);
   * }</pre>
   *
   * @param column the column checked
   * @param keyColumn the column whose value selects what is allowed
   * @param table the lookup table
   * @return a rule named {@code <column>_matches_<keyColumn>}
   */
  public static Rule inLookup(String column, String keyColumn, LookupTable table) {
    return of(column + "_matches_" + keyColumn, new Check.InLookup(column, keyColumn, table));
  }

  /**
   * Returns the dimension this rule measures.
   *
   * @return the check's dimension
   */
  public Dimension dimension() {
    return check.dimension();
  }

  /**
   * Returns this rule with its own action on failure, whatever the score: {@link
   * PolicyAction#KEEP_FLAGGED} to only warn, {@link PolicyAction#QUARANTINE} or {@link
   * PolicyAction#FAIL_BATCH}.
   *
   * @param onFailure the action
   * @return a new rule
   */
  public Rule onFailure(PolicyAction onFailure) {
    return new Rule(name, check, weight, severity, java.util.Objects.requireNonNull(onFailure));
  }

  /**
   * Returns this rule under another name.
   *
   * @param newName the name
   * @return a new rule
   */
  public Rule named(String newName) {
    return new Rule(newName, check, weight, severity, action);
  }

  /**
   * Returns this rule with another weight.
   *
   * @param newWeight the weight, &gt; 0
   * @return a new rule
   */
  public Rule weight(double newWeight) {
    return new Rule(name, check, newWeight, severity, action);
  }

  /**
   * Returns this rule with another severity.
   *
   * @param newSeverity the severity
   * @return a new rule
   */
  public Rule severity(Severity newSeverity) {
    return new Rule(name, check, weight, newSeverity, action);
  }

  /**
   * Returns this rule as {@link Severity#CRITICAL}.
   *
   * @return a new rule
   */
  public Rule critical() {
    return severity(Severity.CRITICAL);
  }

  /**
   * Returns a builder holding this rule's properties, to change several at once.
   *
   * <pre>{@code
   * Rule stricter = rule.toBuilder().weight(3).severity(Severity.CRITICAL).build();
   * }</pre>
   *
   * @return a builder; each property may be set once
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Changes several properties of a rule at once. Setting a property twice is a problem, not a
   * silent overwrite; {@link #build()} reports every problem together.
   *
   * <pre>{@code
   * Rule rule = Rule.notNull("email").toBuilder().name("email_present").weight(2).build();
   * }</pre>
   */
  public static final class Builder {
    private final SetOnce given = new SetOnce();
    private final Check check;
    private String name;
    private double weight;
    private Severity severity;
    private PolicyAction action;

    private Builder(Rule rule) {
      this.check = rule.check;
      this.name = rule.name;
      this.weight = rule.weight;
      this.severity = rule.severity;
      this.action = rule.action;
    }

    /**
     * Sets the name.
     *
     * @param newName lower-case letters, digits and underscores
     * @return this builder
     */
    public Builder name(String newName) {
      name = given.set("name", newName);
      return this;
    }

    /**
     * Sets the weight.
     *
     * @param newWeight a finite number &gt; 0
     * @return this builder
     */
    public Builder weight(double newWeight) {
      weight = given.set("weight", newWeight);
      return this;
    }

    /**
     * Sets the severity.
     *
     * @param newSeverity the severity
     * @return this builder
     */
    public Builder severity(Severity newSeverity) {
      severity = given.set("severity", newSeverity);
      return this;
    }

    /**
     * Sets the rule's own action on failure.
     *
     * @param onFailure the action, or null to let the score and severity decide
     * @return this builder
     */
    public Builder onFailure(PolicyAction onFailure) {
      action = given.set("action", onFailure);
      return this;
    }

    /**
     * Builds the rule.
     *
     * @return the rule
     * @throws io.medallion.ValidationException listing every problem: properties set twice, an
     *     invalid name or weight
     */
    public Rule build() {
      Problems problems = given.problems();
      problems.check(
          name != null && name.matches("[a-z][a-z0-9_]*"),
          "name '" + name + "' is invalid: expected lower-case letters, digits and underscores");
      problems.check(
          weight > 0 && Double.isFinite(weight),
          "weight " + weight + " is invalid: expected a finite number > 0");
      problems.check(severity != null, "severity is missing");
      problems.throwIfAny("rule '" + name + "'");
      return new Rule(name, check, weight, severity, action);
    }
  }

  @Override
  public String toString() {
    return name
        + ": "
        + check.describe()
        + " ("
        + check.dimension().label()
        + ", weight "
        + weight
        + ", "
        + severity.name().toLowerCase(java.util.Locale.ROOT)
        + (action == null ? "" : ", on failure " + action)
        + ")";
  }

  private static Rule of(String name, Check check) {
    return new Rule(ruleName(name), check, 1.0, Severity.WARNING, null);
  }

  /**
   * Makes a stable rule name from column names, which may use any case or symbols ({@code "E-Mail"}
   * gives {@code "e_mail"}).
   */
  private static String ruleName(String text) {
    StringBuilder name = new StringBuilder(text.length());
    for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (keep) {
        name.append(c);
      } else if (name.length() > 0 && name.charAt(name.length() - 1) != '_') {
        name.append('_');
      }
    }
    String cleaned = name.toString();
    if (cleaned.isEmpty() || !(cleaned.charAt(0) >= 'a' && cleaned.charAt(0) <= 'z')) {
      cleaned = "rule_" + cleaned;
    }
    return cleaned.endsWith("_") ? cleaned.substring(0, cleaned.length() - 1) : cleaned;
  }
}
