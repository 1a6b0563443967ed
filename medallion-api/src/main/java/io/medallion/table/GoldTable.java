package io.medallion.table;

import io.medallion.Layer;
import io.medallion.Problems;
import io.medallion.SetOnce;
import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A gold aggregate: rows of a silver or gold table grouped by columns and optionally a time bucket
 * or a cohort, with measures. With a time bucket or a cohort the table is a time series: it may
 * fill periods that have no rows and add columns computed over the periods (rolling windows,
 * period-over-period change, running totals), per group of the other grouping columns.
 *
 * <pre>{@code
 * GoldTable monthly = GoldTable.builder(TableId.of("gold", "monthly_registrations"), users)
 *     .timeBucket("month", TimeBucket.Unit.MONTH, "registered_at")
 *     .count("registrations")
 *     .cumulativeCount("registrations_to_date")
 *     .build();
 * GoldTable daily = GoldTable.builder(TableId.of("gold", "registrations_daily"), users)
 *     .timeBucket("day", TimeBucket.Unit.DAY, "registered_at")
 *     .count("registrations")
 *     .fillGaps()
 *     .rollingAvg("registrations_7d_avg", "registrations", 7)
 *     .change("registrations_change", "registrations")
 *     .runningTotal("registrations_to_date", "registrations")
 *     .build();
 * }</pre>
 */
public final class GoldTable implements GoldSource {
  private final TableId id;
  private final GoldSource source;
  private final String description;
  private final List<String> groupBy;
  private final TimeBucket timeBucket;
  private final List<Measure> measures;
  private final Cohort cohort;
  private final GapFill gapFill;
  private final List<SeriesColumn> seriesColumns;
  private final List<PartitionField> partitioning;
  private final List<Column> columns;

  private GoldTable(Builder builder, List<Column> columns) {
    this.id = builder.id;
    this.source = builder.source;
    this.description = builder.description;
    this.groupBy = List.copyOf(builder.groupBy);
    this.timeBucket = builder.timeBucket;
    this.measures = List.copyOf(builder.measures);
    this.cohort = builder.cohort();
    this.gapFill = builder.gapFill;
    this.seriesColumns = List.copyOf(builder.seriesColumns);
    this.partitioning = List.copyOf(builder.partitioning);
    this.columns = columns;
  }

  /**
   * Starts a gold aggregate definition.
   *
   * @param id the table id
   * @param source the silver or gold table it reads
   * @return a builder
   */
  public static Builder builder(TableId id, GoldSource source) {
    return new Builder(id, source);
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
    return columns;
  }

  @Override
  public List<PartitionField> partitioning() {
    return partitioning;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Optional<TableDefinition> upstream() {
    return Optional.of(source);
  }

  /**
   * Returns the table this one reads.
   *
   * @return the silver or gold source
   */
  public GoldSource source() {
    return source;
  }

  /**
   * Returns the grouping columns, not counting the time bucket or the cohort.
   *
   * @return the column names
   */
  public List<String> groupBy() {
    return groupBy;
  }

  /**
   * Returns the time bucket.
   *
   * @return the bucket, or empty
   */
  public Optional<TimeBucket> timeBucket() {
    return Optional.ofNullable(timeBucket);
  }

  /**
   * Returns the measures, in output order.
   *
   * @return the measures
   */
  public List<Measure> measures() {
    return measures;
  }

  /**
   * Returns the cohort grouping.
   *
   * @return the cohort, or empty
   */
  public Optional<Cohort> cohort() {
    return Optional.ofNullable(cohort);
  }

  /**
   * Returns which periods without rows are filled.
   *
   * @return the gap fill, or empty when only periods with rows are written
   */
  public Optional<GapFill> gapFill() {
    return Optional.ofNullable(gapFill);
  }

  /**
   * Returns the columns computed over the periods, in output order after the measures.
   *
   * @return the series columns
   */
  public List<SeriesColumn> seriesColumns() {
    return seriesColumns;
  }

  /**
   * Tells whether the table is computed as a time series: it has a cohort, fills gaps, or has
   * series columns.
   *
   * @return true for a time series
   */
  public boolean isTimeSeries() {
    return cohort != null || gapFill != null || !seriesColumns.isEmpty();
  }

  /**
   * Describes the aggregation in one line.
   *
   * @return e.g. {@code "group by country, generation: users = count(*)"}
   */
  public String describeAggregation() {
    List<String> keys = new ArrayList<>(groupBy);
    if (timeBucket != null) {
      keys.add(timeBucket.toString());
    }
    if (cohort != null) {
      keys.add(cohort.toString());
    }
    return "group by "
        + (keys.isEmpty() ? "(all rows)" : String.join(", ", keys))
        + ": "
        + measures.stream().map(Measure::toString).collect(Collectors.joining(", "));
  }

  /**
   * Describes the time series in one line.
   *
   * @return e.g. {@code "series: fill gaps; avg_7d = rolling_avg(users, 7)"}, or empty when the
   *     table is not a time series or only groups by cohort
   */
  public Optional<String> describeSeries() {
    List<String> parts = new ArrayList<>();
    if (gapFill != null) {
      parts.add(gapFill.toString());
    }
    if (!seriesColumns.isEmpty()) {
      parts.add(
          seriesColumns.stream().map(SeriesColumn::toString).collect(Collectors.joining(", ")));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of("series: " + String.join("; ", parts));
  }

  /**
   * A builder holding every setting of this table, to derive a changed copy.
   *
   * <pre>{@code
   * GoldTable yearly = daily.toBuilder().description("per year").build();
   * }</pre>
   *
   * @return a builder that builds a table equal to this one until a setting is changed
   */
  public Builder toBuilder() {
    Builder builder = new Builder(id, source);
    builder.description = description;
    builder.groupBy.addAll(groupBy);
    builder.timeBucket = timeBucket;
    builder.measures.addAll(measures);
    if (cohort != null) {
      builder.cohortStart = new TimeBucket(cohort.name(), cohort.unit(), cohort.cohortColumn());
      builder.periodsSince = List.of(cohort.periodsSinceName(), cohort.periodColumn());
    }
    builder.gapFill = gapFill;
    builder.seriesColumns.addAll(seriesColumns);
    builder.partitioning = partitioning;
    return builder;
  }

  /**
   * Tells whether another definition has the same id, source, description, grouping, measures,
   * series and partitioning.
   *
   * @param other the other object
   * @return true when both define the same table
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof GoldTable that
        && id.equals(that.id)
        && source.equals(that.source)
        && description.equals(that.description)
        && groupBy.equals(that.groupBy)
        && Objects.equals(timeBucket, that.timeBucket)
        && measures.equals(that.measures)
        && Objects.equals(cohort, that.cohort)
        && Objects.equals(gapFill, that.gapFill)
        && seriesColumns.equals(that.seriesColumns)
        && partitioning.equals(that.partitioning);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        source,
        description,
        groupBy,
        timeBucket,
        measures,
        cohort,
        gapFill,
        seriesColumns,
        partitioning);
  }

  @Override
  public String toString() {
    return "gold " + id;
  }

  /**
   * Builds a {@link GoldTable}. Description, time bucket, cohort, periods since, gap fill and
   * partitioning are set once: setting one again is a validation problem naming both values. {@link
   * #groupBy}, the measures and the series columns add to what is there; {@link #clearGroupBy()},
   * {@link #clearMeasures()} and {@link #clearSeries()} empty them.
   */
  public static final class Builder {
    private final TableId id;
    private final GoldSource source;
    private String description = "";
    private final List<String> groupBy = new ArrayList<>();
    private TimeBucket timeBucket;
    private final List<Measure> measures = new ArrayList<>();
    private TimeBucket cohortStart;
    // The periods-since column's name and the column whose period is counted.
    private List<String> periodsSince;
    private GapFill gapFill;
    private final List<SeriesColumn> seriesColumns = new ArrayList<>();
    private List<PartitionField> partitioning = List.of();
    private final SetOnce given = new SetOnce();

    private Builder(TableId id, GoldSource source) {
      this.id = Objects.requireNonNull(id, "id");
      this.source = Objects.requireNonNull(source, "source");
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
     * Adds grouping columns of the source to those already given.
     *
     * @param columns the column names
     * @return this builder
     */
    public Builder groupBy(String... columns) {
      groupBy.addAll(List.of(columns));
      return this;
    }

    /**
     * Forgets the grouping columns given so far, so that the ones given next replace them.
     *
     * <pre>{@code
     * GoldTable byNationality = byCountry.toBuilder().clearGroupBy().groupBy("nationality").build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearGroupBy() {
      groupBy.clear();
      return this;
    }

    /**
     * Groups by a time bucket of a date or timestamp column as well.
     *
     * @param name the output column (a date: the bucket's first day)
     * @param unit the bucket size
     * @param sourceColumn the column bucketed
     * @return this builder
     */
    public Builder timeBucket(String name, TimeBucket.Unit unit, String sourceColumn) {
      this.timeBucket = given.set("timeBucket", new TimeBucket(name, unit, sourceColumn));
      return this;
    }

    /**
     * Groups by cohort as well: the period of a date or timestamp column is each row's cohort. A
     * cohort needs {@link #periodsSince}; a table has a cohort or a time bucket, not both.
     *
     * <pre>{@code
     * GoldTable retention = GoldTable.builder(TableId.of("gold", "retention"), orders)
     *     .cohort("signup_month", TimeBucket.Unit.MONTH, "signed_up_at")
     *     .periodsSince("months_since", "ordered_at")
     *     .countDistinct("customers", "customer_id")
     *     .build();
     * }</pre>
     *
     * @param name the output column (a date: the cohort's first day)
     * @param unit the period size
     * @param cohortColumn the column that places a row in its cohort
     * @return this builder
     */
    public Builder cohort(String name, TimeBucket.Unit unit, String cohortColumn) {
      this.cohortStart = given.set("cohort", new TimeBucket(name, unit, cohortColumn));
      return this;
    }

    /**
     * Groups a cohort's rows by the number of periods from the cohort start to the period of
     * another date or timestamp column (0 is the cohort's first period; a row before its cohort
     * start counts negative).
     *
     * @param name the output column (an int)
     * @param periodColumn the column whose period is counted
     * @return this builder
     */
    public Builder periodsSince(String name, String periodColumn) {
      this.periodsSince =
          given.set(
              "periodsSince",
              List.of(
                  Objects.requireNonNull(name, "name"),
                  Objects.requireNonNull(periodColumn, "periodColumn")));
      return this;
    }

    /**
     * Writes a row for every period between the first and the last period with rows, per group of
     * the other grouping columns; a period with no rows counts 0. For a cohort, every period from
     * the cohort's start to the table's last period is written.
     *
     * @return this builder
     */
    public Builder fillGaps() {
      return gapFill(GapFill.OBSERVED);
    }

    /**
     * Writes a row for every period from the one holding {@code from} to the one holding {@code
     * to}, and between the periods with rows outside that range, per group of the other grouping
     * columns; a period with no rows counts 0.
     *
     * <pre>{@code
     * builder.fillGaps(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
     * }</pre>
     *
     * @param from a date in the first period written
     * @param to a date in the last period written
     * @return this builder
     */
    public Builder fillGaps(LocalDate from, LocalDate to) {
      return gapFill(GapFill.range(from, to));
    }

    /**
     * Sets which periods without rows are written.
     *
     * @param fill the gap fill
     * @return this builder
     */
    public Builder gapFill(GapFill fill) {
      this.gapFill = given.set("fillGaps", Objects.requireNonNull(fill, "fill"));
      return this;
    }

    /**
     * Adds the number of periods, among the current one and the {@code periods - 1} before it,
     * whose measure has a value (fewer at the start of the series).
     *
     * @param name the output column
     * @param measure a measure of this table
     * @param periods the window length
     * @return this builder
     */
    public Builder rollingCount(String name, String measure, int periods) {
      return series(new SeriesColumn(name, SeriesColumn.Kind.ROLLING_COUNT, measure, periods));
    }

    /**
     * Adds the sum of a measure over the current period and the {@code periods - 1} before it.
     *
     * @param name the output column
     * @param measure a numeric measure of this table
     * @param periods the window length
     * @return this builder
     */
    public Builder rollingSum(String name, String measure, int periods) {
      return series(new SeriesColumn(name, SeriesColumn.Kind.ROLLING_SUM, measure, periods));
    }

    /**
     * Adds the mean of a measure over the current period and the {@code periods - 1} before it,
     * taken over the periods in the window that have a value (at the start of the series the window
     * is shorter).
     *
     * @param name the output column
     * @param measure a numeric measure of this table
     * @param periods the window length
     * @return this builder
     */
    public Builder rollingAvg(String name, String measure, int periods) {
      return series(new SeriesColumn(name, SeriesColumn.Kind.ROLLING_AVG, measure, periods));
    }

    /**
     * Adds a measure's change from the previous period; null when the previous period is not in the
     * series (a gap that is not filled, or the first period) or either value is null.
     *
     * @param name the output column
     * @param measure a numeric measure of this table
     * @return this builder
     */
    public Builder change(String name, String measure) {
      return series(new SeriesColumn(name, SeriesColumn.Kind.CHANGE, measure, 1));
    }

    /**
     * Adds a measure's change from the previous period divided by the previous period's value (0.25
     * is 25% more); null where {@link #change} is null or the previous value is 0.
     *
     * @param name the output column
     * @param measure a numeric measure of this table
     * @return this builder
     */
    public Builder changeRatio(String name, String measure) {
      return series(new SeriesColumn(name, SeriesColumn.Kind.CHANGE_RATIO, measure, 1));
    }

    /**
     * Adds the sum of a measure over this and every earlier period of the group.
     *
     * @param name the output column
     * @param measure a numeric measure of this table
     * @return this builder
     */
    public Builder runningTotal(String name, String measure) {
      return series(new SeriesColumn(name, SeriesColumn.Kind.RUNNING_TOTAL, measure, 1));
    }

    /**
     * Adds a column computed over the periods.
     *
     * @param column the series column
     * @return this builder
     */
    public Builder series(SeriesColumn column) {
      seriesColumns.add(Objects.requireNonNull(column, "column"));
      return this;
    }

    /**
     * Forgets the series columns given so far, so that the ones given next replace them.
     *
     * <pre>{@code
     * GoldTable plain = daily.toBuilder().clearSeries().build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearSeries() {
      seriesColumns.clear();
      return this;
    }

    /**
     * Adds a row count.
     *
     * @param name the output column
     * @return this builder
     */
    public Builder count(String name) {
      return measure(new Measure(name, Measure.Function.COUNT, null));
    }

    /**
     * Adds a count of distinct values.
     *
     * @param name the output column
     * @param column the input column
     * @return this builder
     */
    public Builder countDistinct(String name, String column) {
      return measure(new Measure(name, Measure.Function.COUNT_DISTINCT, column));
    }

    /**
     * Adds a sum.
     *
     * @param name the output column
     * @param column a numeric input column
     * @return this builder
     */
    public Builder sum(String name, String column) {
      return measure(new Measure(name, Measure.Function.SUM, column));
    }

    /**
     * Adds an average.
     *
     * @param name the output column
     * @param column a numeric input column
     * @return this builder
     */
    public Builder avg(String name, String column) {
      return measure(new Measure(name, Measure.Function.AVG, column));
    }

    /**
     * Adds a minimum.
     *
     * @param name the output column
     * @param column the input column
     * @return this builder
     */
    public Builder min(String name, String column) {
      return measure(new Measure(name, Measure.Function.MIN, column));
    }

    /**
     * Adds a maximum.
     *
     * @param name the output column
     * @param column the input column
     * @return this builder
     */
    public Builder max(String name, String column) {
      return measure(new Measure(name, Measure.Function.MAX, column));
    }

    /**
     * Adds a running count over the time bucket or the cohort's periods, per group of the other
     * grouping columns.
     *
     * @param name the output column
     * @return this builder
     */
    public Builder cumulativeCount(String name) {
      return measure(new Measure(name, Measure.Function.CUMULATIVE_COUNT, null));
    }

    /**
     * Adds a measure.
     *
     * @param measure the measure
     * @return this builder
     */
    public Builder measure(Measure measure) {
      measures.add(Objects.requireNonNull(measure, "measure"));
      return this;
    }

    /**
     * Forgets the measures given so far, so that the ones given next replace them.
     *
     * <pre>{@code
     * GoldTable totals = byCountry.toBuilder().clearMeasures().sum("total", "amount").build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearMeasures() {
      measures.clear();
      return this;
    }

    /**
     * Sets the partitioning.
     *
     * @param fields the partition fields
     * @return this builder
     */
    public Builder partitionBy(PartitionField... fields) {
      this.partitioning = given.set("partitionBy", List.of(fields));
      return this;
    }

    /**
     * Validates and builds the definition.
     *
     * @return the gold table
     * @throws io.medallion.ValidationException listing every problem
     */
    public GoldTable build() {
      Problems problems = given.problems();
      List<Column> sourceColumns = source.columns();
      List<Column> columns = new ArrayList<>();
      for (String name : groupBy) {
        Column column = Definitions.find(sourceColumns, name);
        if (column == null) {
          problems.add(unknown("group-by column", name));
        } else {
          columns.add(column);
        }
      }
      if (timeBucket != null) {
        Column column = Definitions.find(sourceColumns, timeBucket.sourceColumn());
        if (column == null) {
          problems.add(unknown("time bucket column", timeBucket.sourceColumn()));
        } else if (!Definitions.isTemporal(column.type())) {
          problems.add(
              "time bucket '"
                  + timeBucket.name()
                  + "' needs a date or timestamp column, but '"
                  + column.name()
                  + "' is "
                  + column.type().displayName());
        }
        columns.add(Column.of(timeBucket.name(), ColumnType.DATE));
      }
      checkCohort(problems, columns);
      problems.check(!measures.isEmpty(), "a gold table needs at least one measure");
      for (Measure measure : measures) {
        columns.add(Column.of(measure.name(), outputType(problems, measure, sourceColumns)));
      }
      checkGapFill(problems);
      List<Column> measureColumns =
          columns.subList(columns.size() - measures.size(), columns.size());
      List<Column> seriesOutputs = new ArrayList<>();
      for (SeriesColumn series : seriesColumns) {
        seriesOutputs.add(Column.of(series.name(), seriesType(problems, series, measureColumns)));
      }
      columns.addAll(seriesOutputs);
      Definitions.checkUniqueNames(problems, columns);
      Definitions.checkPartitioning(problems, columns, partitioning);
      problems.throwIfAny("gold table " + id);
      return new GoldTable(this, List.copyOf(columns));
    }

    private ColumnType outputType(Problems problems, Measure measure, List<Column> sourceColumns) {
      switch (measure.function()) {
        case COUNT:
        case COUNT_DISTINCT:
          break;
        case CUMULATIVE_COUNT:
          problems.check(
              timeBucket != null || cohortStart != null,
              "measure '"
                  + measure.name()
                  + "' is a cumulative count and needs a time bucket or a cohort");
          return ColumnType.LONG;
        default:
          break;
      }
      if (measure.column() == null) {
        return ColumnType.LONG;
      }
      Column input = Definitions.find(sourceColumns, measure.column());
      if (input == null) {
        problems.add(unknown("measure '" + measure.name() + "' input", measure.column()));
        return ColumnType.DOUBLE;
      }
      boolean numeric = Definitions.isNumeric(input.type());
      switch (measure.function()) {
        case COUNT_DISTINCT:
          return ColumnType.LONG;
        case SUM:
        case AVG:
          problems.check(
              numeric,
              "measure '"
                  + measure.name()
                  + "' needs a numeric column, but '"
                  + input.name()
                  + "' is "
                  + input.type().displayName());
          boolean integral = input.type() == ColumnType.INT || input.type() == ColumnType.LONG;
          return measure.function() == Measure.Function.SUM && integral
              ? ColumnType.LONG
              : ColumnType.DOUBLE;
        default:
          return input.type();
      }
    }

    private Cohort cohort() {
      return cohortStart == null || periodsSince == null
          ? null
          : new Cohort(
              cohortStart.name(),
              cohortStart.unit(),
              cohortStart.sourceColumn(),
              periodsSince.get(0),
              periodsSince.get(1));
    }

    private void checkCohort(Problems problems, List<Column> columns) {
      if (cohortStart == null && periodsSince == null) {
        return;
      }
      if (cohortStart == null) {
        problems.add(
            "periodsSince '"
                + periodsSince.get(0)
                + "' counts periods from a cohort start; declare the cohort with cohort(...)");
        return;
      }
      if (periodsSince == null) {
        problems.add(
            "cohort '"
                + cohortStart.name()
                + "' needs periodsSince(name, column): the column whose period is counted from"
                + " the cohort start");
        return;
      }
      problems.check(
          timeBucket == null,
          "a gold table groups by a time bucket or a cohort, not both; got time bucket '"
              + (timeBucket == null ? "" : timeBucket.name())
              + "' and cohort '"
              + cohortStart.name()
              + "'");
      checkTemporal(problems, "cohort '" + cohortStart.name() + "'", cohortStart.sourceColumn());
      checkTemporal(problems, "periodsSince '" + periodsSince.get(0) + "'", periodsSince.get(1));
      columns.add(Column.of(cohortStart.name(), ColumnType.DATE));
      columns.add(Column.of(periodsSince.get(0), ColumnType.INT));
    }

    private void checkTemporal(Problems problems, String what, String name) {
      Column column = Definitions.find(source.columns(), name);
      if (column == null) {
        problems.add(unknown(what + " column", name));
      } else if (!Definitions.isTemporal(column.type())) {
        problems.add(
            what
                + " needs a date or timestamp column, but '"
                + name
                + "' is "
                + column.type().displayName());
      }
    }

    private void checkGapFill(Problems problems) {
      if (gapFill == null) {
        return;
      }
      problems.check(
          timeBucket != null || cohortStart != null,
          "fillGaps fills the periods of a time bucket or a cohort; declare one of them");
      if (gapFill.declared()) {
        problems.check(
            cohortStart == null,
            "fillGaps from "
                + gapFill.from()
                + " to "
                + gapFill.to()
                + ": a cohort is filled from its start to the last period; a declared range"
                + " applies to a time bucket only, so use fillGaps()");
        problems.check(
            !gapFill.from().isAfter(gapFill.to()),
            "fillGaps from " + gapFill.from() + " to " + gapFill.to() + ": from is after to");
      }
    }

    private ColumnType seriesType(
        Problems problems, SeriesColumn series, List<Column> measureColumns) {
      String what = "series column '" + series.name() + "'";
      problems.check(
          timeBucket != null || cohortStart != null,
          what + " is computed over periods and needs a time bucket or a cohort");
      if (series.kind().rolling()) {
        problems.check(
            series.periods() >= 1,
            what + " needs a window of at least 1 period, got " + series.periods());
      }
      Column input = Definitions.find(measureColumns, series.measure());
      ColumnType type = input == null ? null : input.type();
      if (input == null) {
        problems.add(
            what
                + " reads '"
                + series.measure()
                + "', which is not a measure of this table; measures: "
                + Definitions.names(measureColumns));
      } else {
        problems.check(
            type == ColumnType.INT || type == ColumnType.LONG || type == ColumnType.DOUBLE,
            what
                + " needs a measure of type int, long or double, but '"
                + series.measure()
                + "' is "
                + type.displayName());
      }
      boolean integral = type == ColumnType.INT || type == ColumnType.LONG;
      switch (series.kind()) {
        case ROLLING_COUNT:
          return ColumnType.LONG;
        case ROLLING_AVG:
        case CHANGE_RATIO:
          return ColumnType.DOUBLE;
        default:
          return integral ? ColumnType.LONG : ColumnType.DOUBLE;
      }
    }

    private String unknown(String what, String name) {
      return Definitions.unknown(what, name, source);
    }
  }
}
