package io.medallion.core.observe;

import io.medallion.Problems;
import io.medallion.SetOnce;
import io.medallion.TableId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which run log rows to read: every table's or one table's, of every run or of the last N runs.
 * Rows come newest run first.
 *
 * <pre>{@code
 * List<RunLogEntry> recent =
 *     runtime.runs(RunLogQuery.builder().table(TableId.of("silver", "users")).last(10).build());
 * }</pre>
 */
public final class RunLogQuery {
  private final TableId table;
  private final Integer last;

  private RunLogQuery(Builder builder) {
    this.table = builder.table;
    this.last = builder.last;
  }

  /**
   * Starts a query of every row.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the table whose rows to read.
   *
   * @return the table, empty for every table's rows and the rows of runs that failed before any
   */
  public Optional<TableId> table() {
    return Optional.ofNullable(table);
  }

  /**
   * Returns how many of the newest runs to read.
   *
   * @return the number of runs, empty for every run
   */
  public OptionalInt last() {
    return last == null ? OptionalInt.empty() : OptionalInt.of(last);
  }

  @Override
  public String toString() {
    return "runs" + (table == null ? "" : " of " + table) + (last == null ? "" : ", last " + last);
  }

  /** Builds a {@link RunLogQuery}. */
  public static final class Builder {
    private final SetOnce given = new SetOnce();
    private TableId table;
    private Integer last;

    private Builder() {}

    /**
     * Reads only one table's rows.
     *
     * @param id the table
     * @return this builder
     */
    public Builder table(TableId id) {
      this.table = given.set("table", Objects.requireNonNull(id, "table"));
      return this;
    }

    /**
     * Reads only the newest runs.
     *
     * @param runs how many, at least 1
     * @return this builder
     */
    public Builder last(int runs) {
      this.last = given.set("last", runs);
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     * @throws io.medallion.ValidationException naming every problem, e.g. {@code last} below 1
     */
    public RunLogQuery build() {
      Problems problems = given.problems();
      problems.check(last == null || last >= 1, "last must be at least 1, got " + last);
      problems.throwIfAny("run log query");
      return new RunLogQuery(this);
    }
  }
}
