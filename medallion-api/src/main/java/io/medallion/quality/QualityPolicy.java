package io.medallion.quality;

import io.medallion.Problems;
import io.medallion.SetOnce;
import java.util.Objects;

/**
 * When a silver row is good enough, and what happens when it is not. A row falls below the policy
 * when its score is under {@link #minScore()} or when any {@link Severity#CRITICAL} rule failed.
 *
 * <pre>{@code
 * QualityPolicy policy = QualityPolicy.minScore(0.6).below(PolicyAction.QUARANTINE);
 * }</pre>
 *
 * @param minScore the lowest acceptable score, in [0, 1]
 * @param action what happens to a row below the policy
 */
public record QualityPolicy(double minScore, PolicyAction action) {

  /** The default: no minimum score; rows that fail a critical rule are quarantined. */
  public static final QualityPolicy DEFAULT = new QualityPolicy(0.0, PolicyAction.QUARANTINE);

  /**
   * Validates the policy.
   *
   * @param minScore the lowest acceptable score
   * @param action the action below it
   */
  public QualityPolicy {
    Objects.requireNonNull(action, "action");
    if (!(minScore >= 0.0 && minScore <= 1.0)) {
      throw new IllegalArgumentException(
          "Invalid minimum score " + minScore + ": expected a number from 0 to 1");
    }
  }

  /**
   * Starts a policy with a minimum score; rows below it are quarantined unless {@link #below} says
   * otherwise.
   *
   * @param minScore the lowest acceptable score, in [0, 1]
   * @return the policy
   */
  public static QualityPolicy minScore(double minScore) {
    return new QualityPolicy(minScore, PolicyAction.QUARANTINE);
  }

  /**
   * Returns this policy with another action.
   *
   * @param belowAction what happens to rows below the policy
   * @return a new policy
   */
  public QualityPolicy below(PolicyAction belowAction) {
    return new QualityPolicy(minScore, belowAction);
  }

  /**
   * Returns a builder holding this policy's properties.
   *
   * <pre>{@code
   * QualityPolicy policy = QualityPolicy.DEFAULT.toBuilder().minScore(0.8).build();
   * }</pre>
   *
   * @return a builder; each property may be set once
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Changes a policy's properties; setting one twice is a problem reported by {@link #build()}.
   *
   * <pre>{@code
   * QualityPolicy.DEFAULT.toBuilder().minScore(0.9).below(PolicyAction.FAIL_BATCH).build();
   * }</pre>
   */
  public static final class Builder {
    private final SetOnce given = new SetOnce();
    private double minScore;
    private PolicyAction action;

    private Builder(QualityPolicy policy) {
      this.minScore = policy.minScore;
      this.action = policy.action;
    }

    /**
     * Sets the minimum score.
     *
     * @param newMinScore a number from 0 to 1
     * @return this builder
     */
    public Builder minScore(double newMinScore) {
      minScore = given.set("minScore", newMinScore);
      return this;
    }

    /**
     * Sets what happens to rows below the policy.
     *
     * @param belowAction the action
     * @return this builder
     */
    public Builder below(PolicyAction belowAction) {
      action = given.set("action", belowAction);
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws io.medallion.ValidationException listing every problem
     */
    public QualityPolicy build() {
      Problems problems = given.problems();
      problems.check(
          minScore >= 0.0 && minScore <= 1.0,
          "minimum score " + minScore + " is invalid: expected a number from 0 to 1");
      problems.check(action != null, "action is missing");
      problems.throwIfAny("quality policy");
      return new QualityPolicy(minScore, action);
    }
  }

  @Override
  public String toString() {
    return "min score " + minScore + ", else " + action;
  }
}
