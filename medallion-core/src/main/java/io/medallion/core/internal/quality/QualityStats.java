package io.medallion.core.internal.quality;

import io.medallion.quality.FailedRule;
import io.medallion.quality.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Accumulates one silver run's quality figures in constant memory: outcome counts per rule, score
 * sums per dimension, a ten-bucket score histogram, and a few sample rows per failed rule.
 */
public final class QualityStats {
  /** Sample rows kept per failed rule. */
  public static final int SAMPLES_PER_RULE = 3;

  private final List<Rule> rules;
  private final long[] passed;
  private final long[] failed;
  private final long[] skipped;
  private final long[] histogram = new long[10];
  private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
  private double scoreSum;
  private double completenessSum;
  private double validitySum;
  private double consistencySum;
  private long scored;

  /**
   * A failing row, its values already masked.
   *
   * @param coordinate where the row came from
   * @param values column name to masked value
   */
  public record Sample(String coordinate, Map<String, String> values) {}

  /**
   * Starts empty statistics.
   *
   * @param rules the rules, in evaluation order
   */
  public QualityStats(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.passed = new long[rules.size()];
    this.failed = new long[rules.size()];
    this.skipped = new long[rules.size()];
  }

  /**
   * Adds one scored row.
   *
   * @param quality the row's verdict
   * @param coordinate where the row came from
   * @param maskedValues produces the row's masked values, called only when a sample is kept
   */
  public void add(
      RowQuality quality, String coordinate, Supplier<Map<String, String>> maskedValues) {
    scored++;
    scoreSum += quality.score();
    completenessSum += quality.completeness();
    validitySum += quality.validity();
    consistencySum += quality.consistency();
    histogram[Math.min(9, (int) (quality.score() * 10))]++;
    byte[] outcomes = quality.outcomes();
    for (int i = 0; i < outcomes.length; i++) {
      switch (outcomes[i]) {
        case RuleEvaluator.PASSED -> passed[i]++;
        case RuleEvaluator.FAILED -> failed[i]++;
        default -> skipped[i]++;
      }
    }
    for (FailedRule failure : quality.failures()) {
      List<Sample> kept = samples.computeIfAbsent(failure.rule(), r -> new ArrayList<>());
      if (kept.size() < SAMPLES_PER_RULE) {
        // The row's own reason quotes its values unmasked, so samples show masked values only.
        kept.add(new Sample(coordinate, maskedValues.get()));
      }
    }
  }

  /**
   * Returns the rules.
   *
   * @return the rules, indexed like the counts
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Returns how many rows passed a rule.
   *
   * @param rule the rule's index
   * @return the count
   */
  public long passed(int rule) {
    return passed[rule];
  }

  /**
   * Returns how many rows failed a rule.
   *
   * @param rule the rule's index
   * @return the count
   */
  public long failed(int rule) {
    return failed[rule];
  }

  /**
   * Returns how many rows a rule did not apply to.
   *
   * @param rule the rule's index
   * @return the count
   */
  public long skipped(int rule) {
    return skipped[rule];
  }

  /**
   * Returns the number of scored rows.
   *
   * @return the count
   */
  public long scored() {
    return scored;
  }

  /**
   * Returns the mean overall score.
   *
   * @return the mean, or 1 without rows
   */
  public double averageScore() {
    return mean(scoreSum);
  }

  /**
   * Returns the mean completeness score.
   *
   * @return the mean, or 1 without rows
   */
  public double averageCompleteness() {
    return mean(completenessSum);
  }

  /**
   * Returns the mean validity score.
   *
   * @return the mean, or 1 without rows
   */
  public double averageValidity() {
    return mean(validitySum);
  }

  /**
   * Returns the mean consistency score.
   *
   * @return the mean, or 1 without rows
   */
  public double averageConsistency() {
    return mean(consistencySum);
  }

  /**
   * Returns the score histogram: bucket i counts scores in [i/10, (i+1)/10), the last includes 1.
   *
   * @return a copy of the ten counts
   */
  public long[] histogram() {
    return histogram.clone();
  }

  /**
   * Returns sample failing rows per rule name.
   *
   * @return an unmodifiable view
   */
  public Map<String, List<Sample>> samples() {
    return Collections.unmodifiableMap(samples);
  }

  private double mean(double sum) {
    return scored == 0 ? 1.0 : sum / scored;
  }
}
