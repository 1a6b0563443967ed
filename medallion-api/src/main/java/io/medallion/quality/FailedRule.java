package io.medallion.quality;

import java.util.Objects;

/**
 * Why one row failed: a rule it broke, a value that could not be read as its column's type, or a
 * payload that could not be parsed. Failures travel as these values from scoring to the silver and
 * quarantine tables (a list of structs with the same fields), reports and summaries; {@link
 * #toString()} renders the familiar {@code "rule: reason"} text for logs and messages.
 *
 * <pre>{@code
 * FailedRule failure = FailedRule.typeProblem("born_at", "expected a timestamp, got 12345 at $.dob");
 * failure.rule();     // "born_at_type"
 * failure.replayable(); // false: the value was never typed, scoring again cannot change that
 * }</pre>
 *
 * @param rule the rule's name; {@code column_type} for a type problem, {@code payload} for a
 *     payload that did not parse
 * @param dimension the quality dimension the failure counts against
 * @param severity how grave the failure is
 * @param reason what was wrong, naming the value and what was expected
 * @param origin what failed: a rule, a type conversion or the payload
 */
public record FailedRule(
    String rule, Dimension dimension, Severity severity, String reason, Origin origin) {

  /** What produced a failure. */
  public enum Origin {
    /** A row rule failed. */
    RULE,
    /** A value could not be converted to its column's type. */
    TYPE,
    /** The upstream payload could not be parsed. */
    PAYLOAD;

    /**
     * Returns the lower-case name stored in tables.
     *
     * @return e.g. {@code "type"}
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Rule name of a payload that could not be parsed. */
  public static final String PAYLOAD_RULE = "payload";

  /**
   * Checks that every part is present.
   *
   * @param rule the rule's name
   * @param dimension the dimension
   * @param severity the severity
   * @param reason the reason
   * @param origin what failed
   */
  public FailedRule {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * A rule the row broke.
   *
   * @param rule the rule
   * @param reason what was wrong
   * @return the failure
   */
  public static FailedRule of(Rule rule, String reason) {
    return new FailedRule(rule.name(), rule.dimension(), rule.severity(), reason, Origin.RULE);
  }

  /**
   * A value that could not be read as its column's type: a critical validity failure.
   *
   * @param column the column
   * @param reason what was read, where, and what was expected
   * @return the failure, named {@code column_type}
   */
  public static FailedRule typeProblem(String column, String reason) {
    return new FailedRule(
        column + "_type", Dimension.VALIDITY, Severity.CRITICAL, reason, Origin.TYPE);
  }

  /**
   * A payload that could not be parsed: a critical validity failure.
   *
   * @param reason why it did not parse
   * @return the failure, named {@value #PAYLOAD_RULE}
   */
  public static FailedRule unreadablePayload(String reason) {
    return new FailedRule(
        PAYLOAD_RULE, Dimension.VALIDITY, Severity.CRITICAL, reason, Origin.PAYLOAD);
  }

  /**
   * Tells whether scoring the row again under other rules can change this failure: only a rule's
   * failure can; a value that was never typed or a payload never parsed stays as it is until its
   * upstream record is fixed.
   *
   * @return true for a rule's failure
   */
  public boolean replayable() {
    return origin == Origin.RULE;
  }

  /**
   * Renders the failure as text.
   *
   * @return {@code "rule: reason"}
   */
  @Override
  public String toString() {
    return rule + ": " + reason;
  }
}
