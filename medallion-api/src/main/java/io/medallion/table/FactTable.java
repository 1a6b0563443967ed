package io.medallion.table;

import io.medallion.Layer;
import io.medallion.Problems;
import io.medallion.SetOnce;
import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A gold fact table: one row per source row at a declared grain, its foreign keys resolved to
 * dimension surrogate keys. A type 2 dimension is looked up as of the fact's event time (the
 * version whose period holds it; the member's first version for an earlier time, its current
 * version when the time is missing). A key with no member gets the dimension's unknown member, so
 * no fact is ever dropped.
 *
 * <pre>{@code
 * FactTable registrations =
 *     FactTable.builder(TableId.of("gold", "fact_registration"), users, "user_id")
 *         .eventTime("registered_at")
 *         .dimension(dimUser, "user_id")
 *         .date("registration_date_key", dimDate, "registered_at")
 *         .attributes("generation")
 *         .measures("quality_score")
 *         .build();
 * }</pre>
 */
public final class FactTable implements GoldSource {

  /**
   * A foreign key resolved to a dimension's surrogate key.
   *
   * @param column the fact's key column (a long)
   * @param dimension the dimension
   * @param foreignKey the source columns matching the dimension's business key, in its order
   */
  public record DimensionKey(String column, DimensionTable dimension, List<String> foreignKey) {
    /**
     * Copies the foreign key.
     *
     * @param column the fact's key column
     * @param dimension the dimension
     * @param foreignKey the source columns
     */
    public DimensionKey {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(dimension, "dimension");
      foreignKey = List.copyOf(foreignKey);
    }

    @Override
    public String toString() {
      return column + " -> " + dimension.id() + " on (" + String.join(", ", foreignKey) + ")";
    }
  }

  /**
   * A date or timestamp column resolved to a date dimension's key.
   *
   * @param column the fact's key column (an int, {@code yyyymmdd})
   * @param dimension the date dimension
   * @param sourceColumn the source's date or timestamp column (timestamps by their UTC day)
   */
  public record DateKey(String column, DateDimension dimension, String sourceColumn) {
    /**
     * Validates the key.
     *
     * @param column the fact's key column
     * @param dimension the date dimension
     * @param sourceColumn the source column
     */
    public DateKey {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(sourceColumn, "sourceColumn");
    }

    @Override
    public String toString() {
      return column + " -> " + dimension.id() + " on day(" + sourceColumn + ")";
    }
  }

  private final TableId id;
  private final GoldSource source;
  private final List<String> grain;
  private final String eventTime;
  private final List<DimensionKey> dimensionKeys;
  private final List<DateKey> dateKeys;
  private final List<String> attributes;
  private final List<String> measures;
  private final String description;
  private final List<Column> columns;

  private FactTable(Builder builder, List<Column> columns) {
    this.id = builder.id;
    this.source = builder.source;
    this.grain = List.copyOf(builder.grain);
    this.eventTime = builder.eventTime;
    this.dimensionKeys = List.copyOf(builder.dimensionKeys);
    this.dateKeys = List.copyOf(builder.dateKeys);
    this.attributes = List.copyOf(builder.attributes);
    this.measures = List.copyOf(builder.measures);
    this.description = builder.description;
    this.columns = columns;
  }

  /**
   * Starts a fact table definition.
   *
   * @param id the table id
   * @param source the silver or gold table holding one row per fact
   * @param grain the source columns that identify one fact
   * @return a builder
   */
  public static Builder builder(TableId id, GoldSource source, String... grain) {
    return new Builder(id, source, List.of(grain));
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
    return List.of();
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
   * Returns the source and every dimension the facts reference, each once.
   *
   * @return the source first, then the dimensions in the order given
   */
  @Override
  public List<TableDefinition> reads() {
    Map<TableId, TableDefinition> read = new LinkedHashMap<>();
    read.put(source.id(), source);
    dimensionKeys.forEach(key -> read.putIfAbsent(key.dimension().id(), key.dimension()));
    dateKeys.forEach(key -> read.putIfAbsent(key.dimension().id(), key.dimension()));
    return List.copyOf(read.values());
  }

  /**
   * Returns the table this one reads its facts from.
   *
   * @return the silver or gold source
   */
  public GoldSource source() {
    return source;
  }

  /**
   * Returns the columns that identify one fact.
   *
   * @return the grain columns
   */
  public List<String> grain() {
    return grain;
  }

  /**
   * Returns the column type 2 dimensions are looked up at.
   *
   * @return the event time column, or empty
   */
  public Optional<String> eventTime() {
    return Optional.ofNullable(eventTime);
  }

  /**
   * Returns the keys resolved to dimension surrogate keys.
   *
   * @return the dimension keys, in output order
   */
  public List<DimensionKey> dimensionKeys() {
    return dimensionKeys;
  }

  /**
   * Returns the keys resolved to date dimension keys.
   *
   * @return the date keys, in output order
   */
  public List<DateKey> dateKeys() {
    return dateKeys;
  }

  /**
   * Returns the source columns copied as they are (degenerate dimensions).
   *
   * @return the attribute columns
   */
  public List<String> attributes() {
    return attributes;
  }

  /**
   * Returns the numeric source columns copied as measures.
   *
   * @return the measure columns
   */
  public List<String> measures() {
    return measures;
  }

  /**
   * Describes the grain in one line.
   *
   * @return e.g. {@code "one row per (user_id) as of registered_at"}
   */
  public String describeGrain() {
    return "one row per ("
        + String.join(", ", grain)
        + ")"
        + (eventTime == null ? "" : " as of " + eventTime)
        + (measures.isEmpty() ? "" : ", measures " + measures)
        + (attributes.isEmpty() ? "" : ", attributes " + attributes);
  }

  /**
   * A builder holding every setting of this fact table, to derive a changed copy.
   *
   * <pre>{@code
   * FactTable lean = registrations.toBuilder().clearAttributes().build();
   * }</pre>
   *
   * @return a builder that builds a table equal to this one until a setting is changed
   */
  public Builder toBuilder() {
    Builder builder = new Builder(id, source, grain);
    builder.eventTime = eventTime;
    builder.dimensionKeys.addAll(dimensionKeys);
    builder.dateKeys.addAll(dateKeys);
    builder.attributes.addAll(attributes);
    builder.measures.addAll(measures);
    builder.description = description;
    return builder;
  }

  /**
   * Tells whether another definition has the same id, source, grain, keys, columns and settings.
   *
   * @param other the other object
   * @return true when both define the same fact table
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof FactTable that
        && id.equals(that.id)
        && source.equals(that.source)
        && grain.equals(that.grain)
        && Objects.equals(eventTime, that.eventTime)
        && dimensionKeys.equals(that.dimensionKeys)
        && dateKeys.equals(that.dateKeys)
        && attributes.equals(that.attributes)
        && measures.equals(that.measures)
        && description.equals(that.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id, source, grain, eventTime, dimensionKeys, dateKeys, attributes, measures, description);
  }

  @Override
  public String toString() {
    return "fact " + id;
  }

  /**
   * Builds a {@link FactTable}. Description and event time are set once: setting one again is a
   * validation problem naming both values. Dimensions, dates, attributes and measures add to what
   * is there; {@link #clearDimensions()}, {@link #clearAttributes()} and {@link #clearMeasures()}
   * empty them.
   */
  public static final class Builder {
    private final TableId id;
    private final GoldSource source;
    private final List<String> grain;
    private String eventTime;
    private final List<DimensionKey> dimensionKeys = new ArrayList<>();
    private final List<DateKey> dateKeys = new ArrayList<>();
    private final List<String> attributes = new ArrayList<>();
    private final List<String> measures = new ArrayList<>();
    private String description = "";
    private final SetOnce given = new SetOnce();

    private Builder(TableId id, GoldSource source, List<String> grain) {
      this.id = Objects.requireNonNull(id, "id");
      this.source = Objects.requireNonNull(source, "source");
      this.grain = List.copyOf(grain);
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
     * Sets the column type 2 dimensions are looked up at; it is copied to the facts too.
     *
     * @param column a date or timestamp column of the source
     * @return this builder
     */
    public Builder eventTime(String column) {
      this.eventTime = given.set("eventTime", Objects.requireNonNull(column, "column"));
      return this;
    }

    /**
     * Adds a foreign key resolved to a dimension, named after its surrogate key.
     *
     * @param dimension the dimension
     * @param foreignKey source columns matching its business key, in its order
     * @return this builder
     */
    public Builder dimension(DimensionTable dimension, String... foreignKey) {
      return dimension(dimension.surrogateKey(), dimension, foreignKey);
    }

    /**
     * Adds a foreign key resolved to a dimension under a name of its own, e.g. when one dimension
     * plays two roles.
     *
     * @param column the fact's key column
     * @param dimension the dimension
     * @param foreignKey source columns matching its business key, in its order
     * @return this builder
     */
    public Builder dimension(String column, DimensionTable dimension, String... foreignKey) {
      dimensionKeys.add(new DimensionKey(column, dimension, List.of(foreignKey)));
      return this;
    }

    /**
     * Adds a date key: the UTC day of a date or timestamp column, as a date dimension's key.
     *
     * @param column the fact's key column
     * @param dimension the date dimension
     * @param sourceColumn a date or timestamp column of the source
     * @return this builder
     */
    public Builder date(String column, DateDimension dimension, String sourceColumn) {
      dateKeys.add(new DateKey(column, dimension, sourceColumn));
      return this;
    }

    /**
     * Forgets the dimension and date keys given so far.
     *
     * <pre>{@code
     * FactTable undated = registrations.toBuilder().clearDimensions().dimension(dimUser, "user_id")
     *     .build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearDimensions() {
      dimensionKeys.clear();
      dateKeys.clear();
      return this;
    }

    /**
     * Adds source columns copied to the facts as they are.
     *
     * @param columns source column names
     * @return this builder
     */
    public Builder attributes(String... columns) {
      attributes.addAll(List.of(columns));
      return this;
    }

    /**
     * Forgets the attribute columns given so far.
     *
     * <pre>{@code
     * FactTable lean = registrations.toBuilder().clearAttributes().build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearAttributes() {
      attributes.clear();
      return this;
    }

    /**
     * Adds numeric source columns copied to the facts as measures.
     *
     * @param columns source column names
     * @return this builder
     */
    public Builder measures(String... columns) {
      measures.addAll(List.of(columns));
      return this;
    }

    /**
     * Forgets the measures given so far.
     *
     * <pre>{@code
     * FactTable keysOnly = registrations.toBuilder().clearMeasures().build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearMeasures() {
      measures.clear();
      return this;
    }

    /**
     * Validates and builds the definition.
     *
     * @return the fact table
     * @throws io.medallion.ValidationException listing every problem
     */
    public FactTable build() {
      Problems problems = given.problems();
      List<Column> columns = new ArrayList<>();
      problems.check(!grain.isEmpty(), "a fact table needs a grain: the columns of one fact");
      for (String name : grain) {
        addSourceColumn(problems, "grain column", name, columns);
      }
      if (eventTime != null && !grain.contains(eventTime)) {
        Column time = addSourceColumn(problems, "event time column", eventTime, columns);
        if (time != null && !Definitions.isTemporal(time.type())) {
          problems.add(
              "event time column '"
                  + eventTime
                  + "' needs a date or timestamp column, but it is "
                  + time.type().displayName());
        }
      }
      for (DimensionKey key : dimensionKeys) {
        checkDimensionKey(problems, key);
        columns.add(
            Column.of(key.column(), ColumnType.LONG)
                .withDoc("Surrogate key of " + key.dimension().id()));
      }
      for (DateKey key : dateKeys) {
        Column day = Definitions.find(source.columns(), key.sourceColumn());
        if (day == null) {
          problems.add(
              Definitions.unknown(
                  "date key '" + key.column() + "' input", key.sourceColumn(), source));
        } else if (!Definitions.isTemporal(day.type())) {
          problems.add(
              "date key '"
                  + key.column()
                  + "' needs a date or timestamp column, but '"
                  + day.name()
                  + "' is "
                  + day.type().displayName());
        }
        columns.add(
            Column.of(key.column(), ColumnType.INT).withDoc("Date key of " + key.dimension().id()));
      }
      for (String name : attributes) {
        addSourceColumn(problems, "attribute column", name, columns);
      }
      for (String name : measures) {
        Column measure = addSourceColumn(problems, "measure column", name, columns);
        if (measure != null && !Definitions.isNumeric(measure.type())) {
          problems.add(
              "measure column '"
                  + name
                  + "' needs a numeric column, but it is "
                  + measure.type().displayName());
        }
      }
      Definitions.checkUniqueNames(problems, columns);
      problems.throwIfAny("fact table " + id);
      return new FactTable(this, List.copyOf(columns));
    }

    private void checkDimensionKey(Problems problems, DimensionKey key) {
      DimensionTable dimension = key.dimension();
      List<String> businessKey = dimension.businessKey();
      if (key.foreignKey().size() != businessKey.size()) {
        problems.add(
            "dimension key '"
                + key.column()
                + "' gives "
                + key.foreignKey().size()
                + " foreign key columns "
                + key.foreignKey()
                + " for the "
                + businessKey.size()
                + " business key columns "
                + businessKey
                + " of "
                + dimension.id());
        return;
      }
      for (int i = 0; i < businessKey.size(); i++) {
        Column foreign = Definitions.find(source.columns(), key.foreignKey().get(i));
        ColumnType expected = dimension.column(businessKey.get(i)).orElseThrow().type();
        if (foreign == null) {
          problems.add(
              Definitions.unknown(
                  "dimension key '" + key.column() + "' input", key.foreignKey().get(i), source));
        } else if (!foreign.type().equals(expected)) {
          problems.add(
              "dimension key '"
                  + key.column()
                  + "': '"
                  + foreign.name()
                  + "' is "
                  + foreign.type().displayName()
                  + " but "
                  + dimension.id()
                  + "'s business key '"
                  + businessKey.get(i)
                  + "' is "
                  + expected.displayName());
        }
      }
      problems.check(
          dimension.history() == DimensionTable.History.TYPE_1 || eventTime != null,
          "dimension key '"
              + key.column()
              + "': "
              + dimension.id()
              + " is type 2, so facts need eventTime(column) to pick the version in effect");
    }

    private Column addSourceColumn(
        Problems problems, String what, String name, List<Column> columns) {
      Column column = Definitions.find(source.columns(), name);
      if (column == null) {
        problems.add(Definitions.unknown(what, name, source));
      } else {
        columns.add(column);
      }
      return column;
    }
  }
}
