package io.medallion.report;

import io.medallion.quality.Dimension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The data-quality report of one silver table run, as the engine makes it after the run (see {@code
 * MedallionRuntime.run}) and the renderers print it. Undefined numbers (the average score of a run
 * that scored no rows, the pass rate of a rule that never applied) are empty rather than NaN, so
 * every present number is finite.
 *
 * <pre>{@code
 * QualityReport report = runtime.run(pipeline).report(users.id()).orElseThrow();
 * report.averageScore(); // e.g. OptionalDouble[0.93]
 * report.rules().get(0).passRate();
 * }</pre>
 *
 * @param table the silver table, e.g. {@code "silver.users"}
 * @param runId the run's id, e.g. the bronze batch id
 * @param runAt when the run started
 * @param rows row counts
 * @param averageScore the average row score, empty when no row was scored
 * @param dimensionScores the average score per dimension, for dimensions some rule measured; in
 *     dimension order
 * @param rules per-rule statistics, in the order the rules were declared; names are unique
 * @param distribution the histogram of row scores
 * @param topFailures the most frequent failures, most frequent first
 * @param trend earlier runs, oldest first; see {@link #pastRuns()}
 * @param datasetChecks the dataset rules' outcomes, in definition order
 * @param referenceLists the reference lists the checks used, by what they are for, in order, e.g.
 *     {@code "disposable email domains" -> "disposable-email-domains of 2026-08-21 (8335 domains)"}
 */
public record QualityReport(
    String table,
    String runId,
    Instant runAt,
    RowCounts rows,
    OptionalDouble averageScore,
    Map<Dimension, Double> dimensionScores,
    List<RuleStats> rules,
    ScoreDistribution distribution,
    List<FailureReason> topFailures,
    List<TrendPoint> trend,
    List<DatasetCheck> datasetChecks,
    Map<String, String> referenceLists) {

  /**
   * Validates and copies the report; the trend is sorted oldest first.
   *
   * <pre>{@code
   * new QualityReport(
   *     "silver.users", "run-1", Instant.now(), RowCounts.none(), OptionalDouble.empty(),
   *     Map.of(), List.of(), ScoreDistribution.empty(), List.of(), List.of(), List.of(), Map.of());
   * }</pre>
   *
   * @param table the table
   * @param runId the run id
   * @param runAt the run time
   * @param rows the row counts
   * @param averageScore the average score
   * @param dimensionScores the per-dimension scores
   * @param rules the rule statistics
   * @param distribution the score histogram
   * @param topFailures the top failures
   * @param trend the earlier runs
   * @param datasetChecks the dataset rules' outcomes
   * @param referenceLists the reference lists used, by purpose
   * @throws IllegalArgumentException when a text is blank, a score is outside [0, 1] or two rules
   *     share a name
   */
  public QualityReport {
    Checks.text("table", table);
    Checks.text("run id", runId);
    Objects.requireNonNull(runAt, "runAt");
    Objects.requireNonNull(rows, "rows");
    Checks.share("average score", averageScore);
    Map<Dimension, Double> scores = new EnumMap<>(Dimension.class);
    dimensionScores.forEach(
        (dimension, score) ->
            scores.put(
                Objects.requireNonNull(dimension, "dimension"),
                Checks.share(dimension.label() + " score", score)));
    dimensionScores = Collections.unmodifiableMap(scores);
    rules = List.copyOf(rules);
    Set<String> names = new HashSet<>();
    for (RuleStats rule : rules) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("Duplicate rule '" + rule.name() + "' in report");
      }
    }
    Objects.requireNonNull(distribution, "distribution");
    topFailures = List.copyOf(topFailures);
    List<TrendPoint> sorted = new ArrayList<>(trend);
    sorted.sort(Comparator.comparing(TrendPoint::runAt));
    trend = List.copyOf(sorted);
    datasetChecks = List.copyOf(datasetChecks);
    Map<String, String> lists = new LinkedHashMap<>();
    referenceLists.forEach(
        (purpose, source) ->
            lists.put(Checks.text("reference list", purpose), Checks.text(purpose, source)));
    referenceLists = Collections.unmodifiableMap(lists);
  }

  /**
   * Returns the average score of one dimension.
   *
   * <pre>{@code
   * report.dimensionScore(Dimension.VALIDITY).orElse(1.0);
   * }</pre>
   *
   * @param dimension the dimension
   * @return its average score, empty when no rule measured it
   */
  public OptionalDouble dimensionScore(Dimension dimension) {
    Double score = dimensionScores.get(dimension);
    return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
  }

  /**
   * Returns the trend points from before this run. An engine may also put the current run into
   * {@link #trend()}; pages show the current run from the report's own numbers, so they draw the
   * history from this list and never show the run twice.
   *
   * <pre>{@code
   * report.pastRuns().size(); // earlier runs only
   * }</pre>
   *
   * @return the trend points whose run time is before {@link #runAt()}, oldest first
   */
  public List<TrendPoint> pastRuns() {
    return trend.stream().filter(point -> point.runAt().isBefore(runAt)).toList();
  }
}
