package io.medallion.table;

import io.medallion.Layer;
import io.medallion.Problems;
import io.medallion.SetOnce;
import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A gold dimension: one member per business key of a silver or gold table, with a surrogate key
 * that fact tables reference. A type 1 dimension keeps each member's latest attributes; a type 2
 * dimension keeps a version per change of its tracked columns, each valid from {@code valid_from}
 * (inclusive) to {@code valid_to} (exclusive, null while current). Every dimension also holds an
 * "unknown member" row with the surrogate key {@link #UNKNOWN_KEY}, which facts reference when
 * their key has no member.
 *
 * <pre>{@code
 * DimensionTable dimUser = DimensionTable.type2(TableId.of("gold", "dim_user"), users, "user_id")
 *     .tracked("email", "phone", "city", "country")
 *     .attributes("first_name", "last_name")
 *     .build();
 * }</pre>
 */
public final class DimensionTable implements GoldSource {
  /** The surrogate key of the unknown member, in every dimension. */
  public static final long UNKNOWN_KEY = -1L;

  /** Type 2: the start of a version's period, inclusive. */
  public static final String VALID_FROM = "valid_from";

  /** Type 2: the end of a version's period, exclusive; null for the current version. */
  public static final String VALID_TO = "valid_to";

  /** Type 2: true for each member's latest version. */
  public static final String IS_CURRENT = "is_current";

  /** Type 2: the latest change time at which the version's values were seen. */
  public static final String LAST_SEEN_AT = "last_seen_at";

  /** How a dimension treats a member whose attributes change. */
  public enum History {
    /** Overwrite: one row per member with its latest attributes. */
    TYPE_1,
    /** Keep history: a new version whenever a tracked column changes. */
    TYPE_2;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  private final TableId id;
  private final GoldSource source;
  private final History history;
  private final List<String> businessKey;
  private final List<String> tracked;
  private final List<String> attributes;
  private final String surrogateKey;
  private final String changedAt;
  private final String description;
  private final List<Column> columns;

  private DimensionTable(Builder builder, String surrogateKey, List<Column> columns) {
    this.id = builder.id;
    this.source = builder.source;
    this.history = builder.history;
    this.businessKey = List.copyOf(builder.businessKey);
    this.tracked = List.copyOf(builder.tracked);
    this.attributes = List.copyOf(builder.attributes);
    this.surrogateKey = surrogateKey;
    this.changedAt = builder.changedAt;
    this.description = builder.description;
    this.columns = columns;
  }

  /**
   * Starts a type 1 (overwrite) dimension.
   *
   * @param id the table id
   * @param source the silver or gold table it reads
   * @param businessKey the columns that identify a member
   * @return a builder
   */
  public static Builder type1(TableId id, GoldSource source, String... businessKey) {
    return new Builder(id, source, History.TYPE_1, List.of(businessKey));
  }

  /**
   * Starts a type 2 (history) dimension.
   *
   * @param id the table id
   * @param source the silver or gold table it reads
   * @param businessKey the columns that identify a member
   * @return a builder
   */
  public static Builder type2(TableId id, GoldSource source, String... businessKey) {
    return new Builder(id, source, History.TYPE_2, List.of(businessKey));
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
   * Returns the table this one reads.
   *
   * @return the silver or gold source
   */
  public GoldSource source() {
    return source;
  }

  /**
   * Returns the history type.
   *
   * @return type 1 or type 2
   */
  public History history() {
    return history;
  }

  /**
   * Returns the columns that identify a member.
   *
   * @return the business key columns, in order
   */
  public List<String> businessKey() {
    return businessKey;
  }

  /**
   * Returns the columns whose change starts a new version (type 2 only).
   *
   * @return the tracked columns; empty for type 1
   */
  public List<String> tracked() {
    return tracked;
  }

  /**
   * Returns the other columns copied from the source: on type 1 all attributes, on type 2 those
   * that take the latest value seen within a version without starting a new one.
   *
   * @return the attribute columns
   */
  public List<String> attributes() {
    return attributes;
  }

  /**
   * Returns the surrogate key column's name.
   *
   * @return e.g. {@code user_key} for {@code dim_user}
   */
  public String surrogateKey() {
    return surrogateKey;
  }

  /**
   * Returns the source column that says when a row's values took effect.
   *
   * @return a date or timestamp column; {@code _ingested_at} unless set
   */
  public String changedAt() {
    return changedAt;
  }

  /**
   * Describes the dimension in one line.
   *
   * @return e.g. {@code "type 2 on (user_id), key user_key, tracking [email], as of _ingested_at"}
   */
  public String describeDimension() {
    StringBuilder text =
        new StringBuilder(history.toString())
            .append(" on (")
            .append(String.join(", ", businessKey))
            .append("), key ")
            .append(surrogateKey);
    if (!tracked.isEmpty()) {
      text.append(", tracking ").append(tracked);
    }
    if (!attributes.isEmpty()) {
      text.append(", attributes ").append(attributes);
    }
    return text.append(", as of ").append(changedAt).toString();
  }

  /**
   * A builder holding every setting of this dimension, to derive a changed copy.
   *
   * <pre>{@code
   * DimensionTable wider = dimUser.toBuilder().attributes("gender").build();
   * }</pre>
   *
   * @return a builder that builds a dimension equal to this one until a setting is changed
   */
  public Builder toBuilder() {
    Builder builder = new Builder(id, source, history, businessKey);
    builder.tracked.addAll(tracked);
    builder.attributes.addAll(attributes);
    builder.surrogateKey = surrogateKey;
    builder.changedAt = changedAt;
    builder.description = description;
    return builder;
  }

  /**
   * Tells whether another definition has the same id, source, history, columns and settings.
   *
   * @param other the other object
   * @return true when both define the same dimension
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof DimensionTable that
        && id.equals(that.id)
        && source.equals(that.source)
        && history == that.history
        && businessKey.equals(that.businessKey)
        && tracked.equals(that.tracked)
        && attributes.equals(that.attributes)
        && surrogateKey.equals(that.surrogateKey)
        && changedAt.equals(that.changedAt)
        && description.equals(that.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        source,
        history,
        businessKey,
        tracked,
        attributes,
        surrogateKey,
        changedAt,
        description);
  }

  @Override
  public String toString() {
    return "dimension " + id;
  }

  /**
   * Builds a {@link DimensionTable}. Description, surrogate key and change time are set once:
   * setting one again is a validation problem naming both values. {@link #tracked} and {@link
   * #attributes} add to what is there; {@link #clearTracked()} and {@link #clearAttributes()} empty
   * them.
   */
  public static final class Builder {
    private final TableId id;
    private final GoldSource source;
    private final History history;
    private final List<String> businessKey;
    private final List<String> tracked = new ArrayList<>();
    private final List<String> attributes = new ArrayList<>();
    private String surrogateKey;
    private String changedAt = SilverTable.LINEAGE_INGESTED_AT;
    private String description = "";
    private final SetOnce given = new SetOnce();

    private Builder(TableId id, GoldSource source, History history, List<String> businessKey) {
      this.id = Objects.requireNonNull(id, "id");
      this.source = Objects.requireNonNull(source, "source");
      this.history = history;
      this.businessKey = List.copyOf(businessKey);
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
     * Adds columns whose change starts a new version (type 2 only).
     *
     * @param columns source column names
     * @return this builder
     */
    public Builder tracked(String... columns) {
      tracked.addAll(List.of(columns));
      return this;
    }

    /**
     * Forgets the tracked columns given so far.
     *
     * <pre>{@code
     * DimensionTable byEmail = dimUser.toBuilder().clearTracked().tracked("email").build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearTracked() {
      tracked.clear();
      return this;
    }

    /**
     * Adds columns copied from the source that never start a version of their own.
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
     * DimensionTable lean = dimUser.toBuilder().clearAttributes().build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearAttributes() {
      attributes.clear();
      return this;
    }

    /**
     * Names the surrogate key column; by default the table's name without a leading {@code dim_}
     * followed by {@code _key}.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder surrogateKey(String column) {
      this.surrogateKey = given.set("surrogateKey", Objects.requireNonNull(column, "column"));
      return this;
    }

    /**
     * Sets the source column that says when a row's values took effect (default {@code
     * _ingested_at}, when silver learnt them). A type 2 dimension places each change at this time,
     * so a change that arrives late still lands in its own period.
     *
     * @param column a date or timestamp column of the source
     * @return this builder
     */
    public Builder changedAt(String column) {
      this.changedAt = given.set("changedAt", Objects.requireNonNull(column, "column"));
      return this;
    }

    /**
     * Validates and builds the definition.
     *
     * @return the dimension
     * @throws io.medallion.ValidationException listing every problem
     */
    public DimensionTable build() {
      Problems problems = given.problems();
      String key = surrogateKey != null ? surrogateKey : defaultSurrogateKey(id.name());
      List<Column> columns = new ArrayList<>();
      columns.add(
          Column.of(key, ColumnType.LONG)
              .withDoc("Surrogate key; " + UNKNOWN_KEY + " is the unknown member"));
      problems.check(!businessKey.isEmpty(), "a dimension needs at least one business key column");
      Set<String> used = new HashSet<>();
      addSourceColumns(problems, "business key column", businessKey, used, columns);
      if (history == History.TYPE_2) {
        problems.check(
            !tracked.isEmpty(),
            "a type 2 dimension needs at least one tracked column; a change of a tracked column"
                + " starts a new version");
      } else {
        problems.check(
            tracked.isEmpty(),
            "tracked columns "
                + tracked
                + " apply to type 2 dimensions only; a type 1 dimension overwrites every"
                + " attribute: list them with attributes(...)");
      }
      addSourceColumns(problems, "tracked column", tracked, used, columns);
      addSourceColumns(problems, "attribute column", attributes, used, columns);
      Column change = Definitions.find(source.columns(), changedAt);
      if (change == null) {
        problems.add(Definitions.unknown("changed-at column", changedAt, source));
      } else if (!Definitions.isTemporal(change.type())) {
        problems.add(
            "changed-at column '"
                + changedAt
                + "' needs a date or timestamp column, but it is "
                + change.type().displayName());
      }
      if (history == History.TYPE_2) {
        columns.add(
            Column.of(VALID_FROM, ColumnType.TIMESTAMP_TZ)
                .withDoc("Start of the version's period, inclusive"));
        columns.add(
            Column.of(VALID_TO, ColumnType.TIMESTAMP_TZ)
                .withDoc("End of the version's period, exclusive; null while current"));
        columns.add(
            Column.of(IS_CURRENT, ColumnType.BOOLEAN).withDoc("True for the member's latest"));
        columns.add(
            Column.of(LAST_SEEN_AT, ColumnType.TIMESTAMP_TZ)
                .withDoc("Latest change time at which the version's values were seen"));
      }
      Definitions.checkUniqueNames(problems, columns);
      problems.throwIfAny("dimension " + id);
      return new DimensionTable(this, key, List.copyOf(columns));
    }

    private void addSourceColumns(
        Problems problems, String what, List<String> names, Set<String> used, List<Column> out) {
      for (String name : names) {
        Column column = Definitions.find(source.columns(), name);
        if (column == null) {
          problems.add(Definitions.unknown(what, name, source));
        } else if (!used.add(name)) {
          problems.add(
              what
                  + " '"
                  + name
                  + "' is already a key, tracked or attribute column; list each column once");
        } else {
          out.add(column);
        }
      }
    }

    private static String defaultSurrogateKey(String tableName) {
      String base = tableName.startsWith("dim_") ? tableName.substring(4) : tableName;
      return base + "_key";
    }
  }
}
