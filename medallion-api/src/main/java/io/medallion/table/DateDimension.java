package io.medallion.table;

import io.medallion.Layer;
import io.medallion.Problems;
import io.medallion.SetOnce;
import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A generated calendar dimension: one row per day of a range, keyed by {@code date_key} ({@code
 * yyyymmdd}), with calendar attributes, and an unknown member ({@code date_key} {@link
 * #UNKNOWN_KEY}) for facts whose date is missing or outside the range. It reads no table.
 *
 * <pre>{@code
 * DateDimension dimDate = DateDimension.builder(
 *         TableId.of("gold", "dim_date"), LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31))
 *     .build();
 * }</pre>
 */
public final class DateDimension implements GoldSource {
  /** The date key of the unknown member. */
  public static final int UNKNOWN_KEY = -1;

  /** The key column: the date as the number {@code yyyymmdd}. */
  public static final String DATE_KEY = "date_key";

  /** The most days a range may span, about 270 years. */
  public static final long MAX_DAYS = 100_000;

  /** The columns, in order; day of week is ISO (1 = Monday), weeks are ISO weeks. */
  public static final List<Column> COLUMNS =
      List.of(
          Column.of(DATE_KEY, ColumnType.INT)
              .withDoc("yyyymmdd; " + UNKNOWN_KEY + " is the unknown member"),
          Column.of("date", ColumnType.DATE),
          Column.of("year", ColumnType.INT),
          Column.of("quarter", ColumnType.INT),
          Column.of("month", ColumnType.INT),
          Column.of("month_name", ColumnType.STRING),
          Column.of("day_of_month", ColumnType.INT),
          Column.of("day_of_week", ColumnType.INT).withDoc("ISO: 1 = Monday ... 7 = Sunday"),
          Column.of("day_name", ColumnType.STRING),
          Column.of("day_of_year", ColumnType.INT),
          Column.of("iso_week", ColumnType.INT),
          Column.of("iso_week_year", ColumnType.INT),
          Column.of("is_weekend", ColumnType.BOOLEAN),
          Column.of("first_day_of_month", ColumnType.DATE));

  private final TableId id;
  private final LocalDate from;
  private final LocalDate to;
  private final String description;

  private DateDimension(Builder builder) {
    this.id = builder.id;
    this.from = builder.from;
    this.to = builder.to;
    this.description = builder.description;
  }

  /**
   * Starts a date dimension.
   *
   * @param id the table id
   * @param from the first day, inclusive
   * @param to the last day, inclusive
   * @return a builder
   */
  public static Builder builder(TableId id, LocalDate from, LocalDate to) {
    return new Builder(id, from, to);
  }

  /**
   * Returns the key of a day, whether or not a dimension's range holds it.
   *
   * <pre>{@code
   * DateDimension.keyOf(LocalDate.of(2024, 2, 29)); // 20240229
   * }</pre>
   *
   * @param day the day
   * @return {@code yyyymmdd}
   */
  public static int keyOf(LocalDate day) {
    return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
  }

  /**
   * Returns the key a fact gets for a day: its own key inside the range, else the unknown member.
   *
   * @param day the day, or null
   * @return {@code yyyymmdd}, or {@link #UNKNOWN_KEY}
   */
  public int keyWithin(LocalDate day) {
    return day == null || day.isBefore(from) || day.isAfter(to) ? UNKNOWN_KEY : keyOf(day);
  }

  @Override
  public TableId id() {
    return id;
  }

  @Override
  public Layer layer() {
    return Layer.GOLD;
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<PartitionField> partitioning() {
    return List.of();
  }

  @Override
  public String description() {
    return description;
  }

  /**
   * Returns nothing: the rows are generated.
   *
   * @return empty
   */
  @Override
  public Optional<TableDefinition> upstream() {
    return Optional.empty();
  }

  /**
   * Returns the first day.
   *
   * @return the first day, inclusive
   */
  public LocalDate from() {
    return from;
  }

  /**
   * Returns the last day.
   *
   * @return the last day, inclusive
   */
  public LocalDate to() {
    return to;
  }

  /**
   * Describes the range in one line.
   *
   * @return e.g. {@code "days 2000-01-01 to 2030-12-31 (11323 rows + unknown)"}
   */
  public String describeRange() {
    return "days "
        + from
        + " to "
        + to
        + " ("
        + (ChronoUnit.DAYS.between(from, to) + 1)
        + " rows + unknown)";
  }

  /**
   * A builder holding this dimension's settings, to derive a changed copy.
   *
   * <pre>{@code
   * DateDimension described = dimDate.toBuilder().description("calendar").build();
   * }</pre>
   *
   * @return a builder that builds an equal dimension until a setting is changed
   */
  public Builder toBuilder() {
    Builder builder = new Builder(id, from, to);
    builder.description = description;
    return builder;
  }

  /**
   * Tells whether another definition has the same id, range and description.
   *
   * @param other the other object
   * @return true when both define the same dimension
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof DateDimension that
        && id.equals(that.id)
        && from.equals(that.from)
        && to.equals(that.to)
        && description.equals(that.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, from, to, description);
  }

  @Override
  public String toString() {
    return "date dimension " + id;
  }

  /** Builds a {@link DateDimension}; the description is set once. */
  public static final class Builder {
    private final TableId id;
    private final LocalDate from;
    private final LocalDate to;
    private String description = "";
    private final SetOnce given = new SetOnce();

    private Builder(TableId id, LocalDate from, LocalDate to) {
      this.id = Objects.requireNonNull(id, "id");
      this.from = Objects.requireNonNull(from, "from");
      this.to = Objects.requireNonNull(to, "to");
    }

    /**
     * Sets the description.
     *
     * @param text the description
     * @return this builder
     */
    public Builder description(String text) {
      this.description = given.set("description", Objects.requireNonNull(text, "description"));
      return this;
    }

    /**
     * Validates and builds the definition.
     *
     * @return the date dimension
     * @throws io.medallion.ValidationException listing every problem
     */
    public DateDimension build() {
      Problems problems = given.problems();
      long days = ChronoUnit.DAYS.between(from, to) + 1;
      problems.check(
          !to.isBefore(from),
          "the range ends on " + to + ", before it starts on " + from + "; give from <= to");
      problems.check(
          days <= MAX_DAYS,
          "the range " + from + " to " + to + " spans " + days + " days; at most " + MAX_DAYS);
      problems.check(
          from.getYear() >= 1 && to.getYear() <= 9999,
          "the range " + from + " to " + to + " must lie within the years 1 to 9999");
      problems.throwIfAny("date dimension " + id);
      return new DateDimension(this);
    }
  }
}
