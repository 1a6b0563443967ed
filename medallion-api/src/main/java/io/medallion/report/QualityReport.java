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
import java.util.function.Supplier;

/**
 * The data-quality report of one silver table run. Undefined numbers (the average score of a run
 * that scored no rows, the pass rate of a rule that never applied) are empty rather than NaN, so
 * every present number is finite.
 *
 * <pre>{@code
 * QualityReport.Builder report =
 *     QualityReport.builder("silver.users", "run-42", Instant.now())
 *         .rule("email_format", Dimension.VALIDITY, "WARNING", 2.0);
 * // for each silver row:
 * report.rowScore(0.5).dimensionScore(Dimension.VALIDITY, 0.0);
 * report.failed("email_format", "email does not match", () -> sample);
 * // at the end of the run:
 * QualityReport done = report.rows(1, 0, 1, 0).build();
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
    List<DatasetCheck> datasetChecks) {

  /** How many failure reasons a builder keeps unless told otherwise. */
  public static final int DEFAULT_TOP_FAILURES = 10;

  /** How many sample rows per failure reason a builder keeps unless told otherwise. */
  public static final int DEFAULT_SAMPLES_PER_FAILURE = 3;

  /**
   * Validates and copies the report; the trend is sorted oldest first.
   *
   * <pre>{@code
   * new QualityReport(
   *     "silver.users", "run-1", Instant.now(), RowCounts.none(), OptionalDouble.empty(),
   *     Map.of(), List.of(), ScoreDistribution.empty(), List.of(), List.of());
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
  }

  /**
   * Starts a report for one run.
   *
   * <pre>{@code
   * QualityReport.builder("silver.users", batchId, Instant.now());
   * }</pre>
   *
   * @param table the silver table, e.g. {@code "silver.users"}
   * @param runId the run's id
   * @param runAt when the run started
   * @return a builder with no rows, rules or trend
   */
  public static Builder builder(String table, String runId, Instant runAt) {
    return new Builder(table, runId, runAt);
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

  /**
   * Collects a report while the engine scores rows: declare rules, then report each row's score and
   * each rule outcome; {@link #build()} computes averages, the histogram and the top failures. Not
   * thread-safe.
   *
   * <pre>{@code
   * QualityReport.Builder b = QualityReport.builder("silver.users", "run-1", Instant.now());
   * b.rule("user_id_not_null", Dimension.COMPLETENESS, "CRITICAL", 1.0);
   * b.rowScore(1.0).passed("user_id_not_null");
   * QualityReport report = b.rows(1, 1, 0, 0).build();
   * }</pre>
   */
  public static final class Builder {
    private final String table;
    private final String runId;
    private final Instant runAt;
    private RowCounts rows = RowCounts.none();
    private boolean failedBatch;
    private long scoredRows;
    private double scoreSum;
    private final long[] buckets = new long[ScoreDistribution.BUCKETS];
    private final Map<Dimension, double[]> dimensionSums = new EnumMap<>(Dimension.class);
    private final Map<String, RuleTally> rules = new LinkedHashMap<>();
    private final Map<FailureKey, FailureTally> failures = new LinkedHashMap<>();
    private List<TrendPoint> trend = List.of();
    private List<DatasetCheck> datasetChecks = List.of();
    private int maxFailures = DEFAULT_TOP_FAILURES;
    private int maxSamples = DEFAULT_SAMPLES_PER_FAILURE;

    private Builder(String table, String runId, Instant runAt) {
      this.table = Checks.text("table", table);
      this.runId = Checks.text("run id", runId);
      this.runAt = Objects.requireNonNull(runAt, "runAt");
    }

    /**
     * Sets the row counts.
     *
     * <pre>{@code
     * builder.rows(1000, 950, 40, 10);
     * }</pre>
     *
     * @param read rows read
     * @param kept rows written to silver
     * @param quarantined rows written to quarantine
     * @param duplicates rows dropped as duplicates
     * @return this builder
     */
    public Builder rows(long read, long kept, long quarantined, long duplicates) {
      rows = new RowCounts(read, kept, quarantined, duplicates, false);
      return this;
    }

    /**
     * Marks whether the quality gate failed the batch.
     *
     * <pre>{@code
     * builder.failedBatch(true);
     * }</pre>
     *
     * @param failed whether nothing was committed because of the gate
     * @return this builder
     */
    public Builder failedBatch(boolean failed) {
      failedBatch = failed;
      return this;
    }

    /**
     * Adds one row's overall score to the average and the histogram.
     *
     * <pre>{@code
     * builder.rowScore(quality.score());
     * }</pre>
     *
     * @param score the score, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException when the score is outside [0, 1]
     */
    public Builder rowScore(double score) {
      buckets[ScoreDistribution.bucketOf(score)]++;
      scoredRows++;
      scoreSum += score;
      return this;
    }

    /**
     * Adds one row's score in one dimension to that dimension's average.
     *
     * <pre>{@code
     * builder.dimensionScore(Dimension.COMPLETENESS, 1.0);
     * }</pre>
     *
     * @param dimension the dimension
     * @param score the row's score in it, in [0, 1]
     * @return this builder
     */
    public Builder dimensionScore(Dimension dimension, double score) {
      Checks.share(dimension.label() + " score", score);
      double[] sum = dimensionSums.computeIfAbsent(dimension, d -> new double[2]);
      sum[0] += score;
      sum[1]++;
      return this;
    }

    /**
     * Declares a rule; its statistics appear in declaration order.
     *
     * <pre>{@code
     * builder.rule(rule.name(), Dimension.VALIDITY, rule.severity().name(), rule.weight());
     * }</pre>
     *
     * @param name the rule's name
     * @param dimension what it measures
     * @param severity its severity, e.g. {@code "WARNING"}
     * @param weight its weight
     * @return this builder
     * @throws IllegalArgumentException when the rule was already declared
     */
    public Builder rule(String name, Dimension dimension, String severity, double weight) {
      // Validates the declaration now rather than at build(), where the caller is long gone.
      new RuleStats(name, dimension, severity, weight, 0, 0, 0);
      if (rules.putIfAbsent(name, new RuleTally(dimension, severity, weight)) != null) {
        throw new IllegalArgumentException("Rule '" + name + "' is already declared");
      }
      return this;
    }

    /**
     * Counts a row that satisfied a rule.
     *
     * <pre>{@code
     * builder.passed("email_format");
     * }</pre>
     *
     * @param rule a declared rule
     * @return this builder
     */
    public Builder passed(String rule) {
      tally(rule).passed++;
      return this;
    }

    /**
     * Counts a row a rule did not apply to.
     *
     * <pre>{@code
     * builder.skipped("email_format");
     * }</pre>
     *
     * @param rule a declared rule
     * @return this builder
     */
    public Builder skipped(String rule) {
      tally(rule).skipped++;
      return this;
    }

    /**
     * Counts a row that violated a rule, without a sample.
     *
     * <pre>{@code
     * builder.failed("user_id_not_null", "user_id is missing");
     * }</pre>
     *
     * @param rule a declared rule
     * @param reason why it failed
     * @return this builder
     */
    public Builder failed(String rule, String reason) {
      return failed(rule, reason, null);
    }

    /**
     * Counts a row that violated a rule. The sample is only asked for while this reason still needs
     * samples, so masking costs nothing for the thousandth row with the same reason.
     *
     * <pre>{@code
     * builder.failed("email_format", reason, () -> new FailureSample(coordinate, masking.mask(row)));
     * }</pre>
     *
     * @param rule a declared rule
     * @param reason why it failed
     * @param sample makes the masked sample row; may be null for none
     * @return this builder
     */
    public Builder failed(String rule, String reason, Supplier<FailureSample> sample) {
      Objects.requireNonNull(reason, "reason");
      tally(rule).failed++;
      FailureTally failure =
          failures.computeIfAbsent(new FailureKey(rule, reason), k -> new FailureTally());
      failure.count++;
      if (sample != null && failure.samples.size() < maxSamples) {
        failure.samples.add(Objects.requireNonNull(sample.get(), "sample"));
      }
      return this;
    }

    /**
     * Sets how many failure reasons and samples per reason the report keeps. Set it before counting
     * failures: samples already collected are not re-collected.
     *
     * <pre>{@code
     * builder.limits(5, 2);
     * }</pre>
     *
     * @param topFailures how many reasons, most frequent first; &gt;= 0
     * @param samplesPerFailure how many sample rows per reason; &gt;= 0
     * @return this builder
     */
    public Builder limits(int topFailures, int samplesPerFailure) {
      maxFailures = (int) Checks.count("number of top failures", topFailures);
      maxSamples = (int) Checks.count("number of samples per failure", samplesPerFailure);
      return this;
    }

    /**
     * Sets the earlier runs.
     *
     * <pre>{@code
     * builder.trend(previousReports.stream().map(TrendPoint::of).toList());
     * }</pre>
     *
     * @param points earlier runs, in any order
     * @return this builder
     */
    public Builder trend(List<TrendPoint> points) {
      trend = List.copyOf(points);
      return this;
    }

    /**
     * Sets the dataset rules' outcomes.
     *
     * <pre>{@code
     * builder.datasetChecks(List.of(new DatasetCheck("row_count", "row count between 1 and 10",
     *     true, "row count 5 within 1..10", false)));
     * }</pre>
     *
     * @param checks the outcomes, in definition order
     * @return this builder
     */
    public Builder datasetChecks(List<DatasetCheck> checks) {
      datasetChecks = List.copyOf(checks);
      return this;
    }

    /**
     * Builds the report.
     *
     * <pre>{@code
     * QualityReport report = builder.build();
     * }</pre>
     *
     * @return the report
     */
    public QualityReport build() {
      Map<Dimension, Double> dimensions = new EnumMap<>(Dimension.class);
      dimensionSums.forEach((dimension, sum) -> dimensions.put(dimension, sum[0] / sum[1]));
      List<RuleStats> stats = new ArrayList<>();
      rules.forEach(
          (name, t) ->
              stats.add(
                  new RuleStats(
                      name, t.dimension, t.severity, t.weight, t.passed, t.failed, t.skipped)));
      List<FailureReason> top = new ArrayList<>();
      failures.forEach(
          (key, t) -> top.add(new FailureReason(key.rule(), key.reason(), t.count, t.samples)));
      top.sort(
          Comparator.comparingLong(FailureReason::count)
              .reversed()
              .thenComparing(FailureReason::rule)
              .thenComparing(FailureReason::reason));
      return new QualityReport(
          table,
          runId,
          runAt,
          new RowCounts(
              rows.read(), rows.kept(), rows.quarantined(), rows.duplicates(), failedBatch),
          scoredRows == 0 ? OptionalDouble.empty() : OptionalDouble.of(scoreSum / scoredRows),
          dimensions,
          stats,
          ScoreDistribution.ofCounts(buckets),
          top.subList(0, Math.min(maxFailures, top.size())),
          trend,
          datasetChecks);
    }

    private RuleTally tally(String rule) {
      RuleTally tally = rules.get(rule);
      if (tally == null) {
        throw new IllegalArgumentException(
            "Unknown rule '" + rule + "': declare it with rule(...) first");
      }
      return tally;
    }
  }

  private static final class RuleTally {
    final Dimension dimension;
    final String severity;
    final double weight;
    long passed;
    long failed;
    long skipped;

    RuleTally(Dimension dimension, String severity, double weight) {
      this.dimension = dimension;
      this.severity = severity;
      this.weight = weight;
    }
  }

  private record FailureKey(String rule, String reason) {}

  private static final class FailureTally {
    long count;
    final List<FailureSample> samples = new ArrayList<>();
  }
}
