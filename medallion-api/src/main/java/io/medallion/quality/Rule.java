package io.medallion.quality;

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
 * @param severity whether a failure alone triggers the policy
 */
public record Rule(String name, Check check, double weight, Severity severity) {

  /**
   * Validates the rule.
   *
   * @param name the name
   * @param check the condition
   * @param weight the weight
   * @param severity the severity
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
    return of(name, new Check.Custom(name, inputs, predicate));
  }

  /**
   * Returns this rule under another name.
   *
   * @param newName the name
   * @return a new rule
   */
  public Rule named(String newName) {
    return new Rule(newName, check, weight, severity);
  }

  /**
   * Returns this rule with another weight.
   *
   * @param newWeight the weight, &gt; 0
   * @return a new rule
   */
  public Rule weight(double newWeight) {
    return new Rule(name, check, newWeight, severity);
  }

  /**
   * Returns this rule with another severity.
   *
   * @param newSeverity the severity
   * @return a new rule
   */
  public Rule severity(Severity newSeverity) {
    return new Rule(name, check, weight, newSeverity);
  }

  /**
   * Returns this rule as {@link Severity#CRITICAL}.
   *
   * @return a new rule
   */
  public Rule critical() {
    return severity(Severity.CRITICAL);
  }

  @Override
  public String toString() {
    return name
        + ": "
        + check.describe()
        + " (weight "
        + weight
        + ", "
        + severity.name().toLowerCase(java.util.Locale.ROOT)
        + ")";
  }

  private static Rule of(String name, Check check) {
    return new Rule(name, check, 1.0, Severity.WARNING);
  }
}
