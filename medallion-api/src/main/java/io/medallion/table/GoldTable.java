package io.medallion.table;

import io.medallion.Layer;
import io.medallion.Problems;
import io.medallion.SetOnce;
import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A gold aggregate: rows of a silver or gold table grouped by columns and optionally a time bucket,
 * with measures.
 *
 * <pre>{@code
 * GoldTable monthly = GoldTable.builder(TableId.of("gold", "monthly_registrations"), users)
 *     .timeBucket("month", TimeBucket.Unit.MONTH, "registered_at")
 *     .count("registrations")
 *     .cumulativeCount("registrations_to_date")
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
  private final List<PartitionField> partitioning;
  private final List<Column> columns;

  private GoldTable(Builder builder, List<Column> columns) {
    this.id = builder.id;
    this.source = builder.source;
    this.description = builder.description;
    this.groupBy = List.copyOf(builder.groupBy);
    this.timeBucket = builder.timeBucket;
    this.measures = List.copyOf(builder.measures);
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
   * Returns the grouping columns, not counting the time bucket.
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
   * Describes the aggregation in one line.
   *
   * @return e.g. {@code "group by country, generation: users = count(*)"}
   */
  public String describeAggregation() {
    List<String> keys = new ArrayList<>(groupBy);
    if (timeBucket != null) {
      keys.add(timeBucket.toString());
    }
    return "group by "
        + (keys.isEmpty() ? "(all rows)" : String.join(", ", keys))
        + ": "
        + measures.stream().map(Measure::toString).collect(Collectors.joining(", "));
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
    builder.partitioning = partitioning;
    return builder;
  }

  /**
   * Tells whether another definition has the same id, source, description, grouping, measures and
   * partitioning.
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
        && partitioning.equals(that.partitioning);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, source, description, groupBy, timeBucket, measures, partitioning);
  }

  @Override
  public String toString() {
    return "gold " + id;
  }

  /**
   * Builds a {@link GoldTable}. Description, time bucket and partitioning are set once: setting one
   * again is a validation problem naming both values. {@link #groupBy} and the measures add to what
   * is there; {@link #clearGroupBy()} and {@link #clearMeasures()} empty them.
   */
  public static final class Builder {
    private final TableId id;
    private final GoldSource source;
    private String description = "";
    private final List<String> groupBy = new ArrayList<>();
    private TimeBucket timeBucket;
    private final List<Measure> measures = new ArrayList<>();
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
     * Adds a running count over the time bucket, per group of the other grouping columns.
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
      problems.check(!measures.isEmpty(), "a gold table needs at least one measure");
      for (Measure measure : measures) {
        columns.add(Column.of(measure.name(), outputType(problems, measure, sourceColumns)));
      }
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
              timeBucket != null,
              "measure '" + measure.name() + "' is a cumulative count and needs a time bucket");
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

    private String unknown(String what, String name) {
      return what
          + " '"
          + name
          + "' is not a column of "
          + source.id()
          + "; known columns: "
          + Definitions.names(source.columns());
    }
  }
}
