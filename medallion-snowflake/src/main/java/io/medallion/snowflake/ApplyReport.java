package io.medallion.snowflake;

import java.util.List;
import java.util.Optional;

/**
 * What an apply did with each statement of a plan, and the statement that stopped it, if any.
 *
 * <pre>{@code
 * ApplyReport report = apply.apply(plan);
 * if (report.failure().isPresent()) { log.error(report.failure().get().message()); }
 * log.info(report.summary());
 * }</pre>
 *
 * @param outcomes one outcome per statement reached, in plan order
 * @param failure the statement that failed with Snowflake's message; the apply stopped there
 */
public record ApplyReport(List<Outcome> outcomes, Optional<Failure> failure) {

  /** What happened to one statement. */
  public enum Result {
    /** Run: the object was new, or the statement runs on every apply (a refresh). */
    RAN,
    /** Skipped: the same statement was applied before. */
    UNCHANGED,
    /** Skipped: the object was applied with a different definition; replacing was not allowed. */
    DRIFTED,
    /** Run as {@code CREATE OR REPLACE}: the object differed and replacing was allowed. */
    REPLACED
  }

  /**
   * One statement's outcome.
   *
   * @param statement the planned statement
   * @param result what happened
   */
  public record Outcome(PlannedStatement statement, Result result) {}

  /**
   * The statement that failed.
   *
   * @param statement the planned statement (secrets still as references)
   * @param message Snowflake's message, with any secret value masked
   */
  public record Failure(PlannedStatement statement, String message) {}

  /**
   * Copies the outcomes.
   *
   * @param outcomes the outcomes
   * @param failure the failure
   */
  public ApplyReport {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * Counts the statements with a result.
   *
   * @param result the result
   * @return how many statements had it
   */
  public long count(Result result) {
    return outcomes.stream().filter(o -> o.result() == result).count();
  }

  /**
   * Summarizes the apply in one line.
   *
   * @return e.g. {@code "3 ran, 28 unchanged, 1 drifted (not replaced), 0 replaced"}, or {@code
   *     "nothing changed: 32 statements were applied before"}
   */
  public String summary() {
    if (failure.isEmpty() && count(Result.UNCHANGED) == outcomes.size()) {
      return "nothing changed: " + outcomes.size() + " statements were applied before";
    }
    String counts =
        count(Result.RAN)
            + " ran, "
            + count(Result.UNCHANGED)
            + " unchanged, "
            + count(Result.DRIFTED)
            + " drifted (not replaced), "
            + count(Result.REPLACED)
            + " replaced";
    return failure
        .map(
            f ->
                counts
                    + "; stopped at "
                    + f.statement().kind().label()
                    + " "
                    + f.statement().objectName()
                    + ": "
                    + f.message())
        .orElse(counts);
  }
}
