package io.medallion.read;

import io.medallion.Problems;
import io.medallion.SetOnce;
import io.medallion.TableId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What to read from one table: which columns (all when none are named), which rows (a {@link
 * Filter}), at which point in time ({@link AsOf}, the current snapshot by default) and at most how
 * many rows. Immutable; built by a {@link Builder} that reports every problem at once. Whether the
 * columns exist is checked by the read against the table's schema at that point in time.
 *
 * <pre>{@code
 * ReadRequest request =
 *     ReadRequest.builder(TableId.of("silver", "users"))
 *         .columns("user_id", "country")
 *         .filter(Filter.eq("country", "FR"))
 *         .limit(100)
 *         .build();
 * }</pre>
 */
public final class ReadRequest {
  private final TableId table;
  private final List<String> columns;
  private final Filter filter;
  private final AsOf asOf;
  private final Long limit;

  private ReadRequest(Builder builder) {
    this.table = builder.table;
    this.columns = List.copyOf(builder.columns);
    this.filter = builder.filter;
    this.asOf = builder.asOf != null ? builder.asOf : AsOf.current();
    this.limit = builder.limit;
  }

  /**
   * Starts a request for a table.
   *
   * @param table the table to read
   * @return a builder reading every column of every row of the current snapshot
   */
  public static Builder builder(TableId table) {
    return new Builder(table);
  }

  /**
   * Reads a whole table as it is now.
   *
   * <pre>{@code
   * ReadRequest everything = ReadRequest.of(TableId.of("gold", "users_by_country"));
   * }</pre>
   *
   * @param table the table to read
   * @return the request
   */
  public static ReadRequest of(TableId table) {
    return builder(table).build();
  }

  /**
   * Returns the table read.
   *
   * @return the table id
   */
  public TableId table() {
    return table;
  }

  /**
   * Returns the columns read, in the order given.
   *
   * @return the names, empty for every column of the table
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * Returns the row condition.
   *
   * @return the filter, or empty for every row
   */
  public Optional<Filter> filter() {
    return Optional.ofNullable(filter);
  }

  /**
   * Returns the point in time read.
   *
   * @return the version of the table, {@link AsOf.Current} by default
   */
  public AsOf asOf() {
    return asOf;
  }

  /**
   * Returns the most rows returned.
   *
   * @return the limit, or empty for every matching row
   */
  public OptionalLong limit() {
    return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
  }

  /**
   * A builder holding every setting of this request, to derive a changed copy.
   *
   * <pre>{@code
   * ReadRequest older = request.toBuilder().asOfSnapshot(4242L).build();
   * }</pre>
   *
   * @return a builder that builds an equal request until a setting is changed
   */
  public Builder toBuilder() {
    Builder builder = new Builder(table);
    builder.columns.addAll(columns);
    builder.filter = filter;
    builder.asOf = asOf instanceof AsOf.Current ? null : asOf;
    builder.limit = limit;
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReadRequest that
        && table.equals(that.table)
        && columns.equals(that.columns)
        && Objects.equals(filter, that.filter)
        && asOf.equals(that.asOf)
        && Objects.equals(limit, that.limit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, columns, filter, asOf, limit);
  }

  @Override
  public String toString() {
    return "read "
        + table
        + (columns.isEmpty() ? "" : " " + columns)
        + (filter == null ? "" : " where " + filter)
        + " as of "
        + asOf
        + (limit == null ? "" : " limit " + limit);
  }

  /**
   * Builds a {@link ReadRequest}. The filter, the point in time and the limit are set once: setting
   * one again (or two different points in time) is a validation problem naming both values. {@link
   * #columns} adds to the columns given; {@link #clearColumns()} empties them.
   */
  public static final class Builder {
    private final TableId table;
    private final List<String> columns = new ArrayList<>();
    private Filter filter;
    private AsOf asOf;
    private Long limit;
    private final SetOnce given = new SetOnce();

    private Builder(TableId table) {
      this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Adds columns to read, in the order they are returned.
     *
     * @param names column names of the table
     * @return this builder
     */
    public Builder columns(String... names) {
      return columns(List.of(names));
    }

    /**
     * Adds columns to read, in the order they are returned.
     *
     * @param names column names of the table
     * @return this builder
     */
    public Builder columns(List<String> names) {
      columns.addAll(names);
      return this;
    }

    /**
     * Forgets the columns given, so every column is read.
     *
     * @return this builder
     */
    public Builder clearColumns() {
      columns.clear();
      return this;
    }

    /**
     * Sets the row condition.
     *
     * @param condition the filter
     * @return this builder
     */
    public Builder filter(Filter condition) {
      this.filter = given.set("filter", Objects.requireNonNull(condition, "filter"));
      return this;
    }

    /**
     * Reads a snapshot by id.
     *
     * @param snapshotId the snapshot id
     * @return this builder
     */
    public Builder asOfSnapshot(long snapshotId) {
      return asOf(AsOf.snapshot(snapshotId));
    }

    /**
     * Reads the snapshot that was current at an instant.
     *
     * @param instant the instant
     * @return this builder
     */
    public Builder asOfTime(Instant instant) {
      return asOf(AsOf.time(instant));
    }

    /**
     * Reads the head of a branch or tag.
     *
     * @param name the branch or tag
     * @return this builder
     */
    public Builder asOfRef(String name) {
      return asOf(AsOf.ref(name));
    }

    /**
     * Sets the point in time.
     *
     * @param pointInTime the version of the table to read
     * @return this builder
     */
    public Builder asOf(AsOf pointInTime) {
      this.asOf = given.set("point in time", Objects.requireNonNull(pointInTime, "asOf"));
      return this;
    }

    /**
     * Returns at most this many rows.
     *
     * @param rows the limit, at least 1
     * @return this builder
     */
    public Builder limit(long rows) {
      this.limit = given.set("limit", rows);
      return this;
    }

    /**
     * Validates and builds the request.
     *
     * @return the request
     * @throws io.medallion.ValidationException listing every problem
     */
    public ReadRequest build() {
      Problems problems = given.problems();
      Set<String> seen = new HashSet<>();
      for (String column : columns) {
        if (column == null || column.isBlank()) {
          problems.add("a column name is blank; give the names of the table's columns");
        } else if (!seen.add(column)) {
          problems.add("column '" + column + "' is given twice; give each column once");
        }
      }
      if (limit != null) {
        problems.check(limit > 0, "limit must be at least 1, got " + limit);
      }
      problems.throwIfAny("read of " + table);
      return new ReadRequest(this);
    }
  }
}
