package io.medallion.table;

import io.medallion.Layer;
import io.medallion.Problems;
import io.medallion.SetOnce;
import io.medallion.TableId;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.FailedRule;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A silver table: typed, standardized, validated rows with a quality score, de-duplicated on a key.
 * Rows below the quality policy go to a sibling quarantine table ({@link #quarantineId()}).
 *
 * <pre>{@code
 * SilverTable users = SilverTable.builder(TableId.of("silver", "users"), raw)
 *     .map("user_id", ColumnType.STRING, "login.uuid")
 *     .map("email", ColumnType.STRING, "email", Standardizer.EMAIL)
 *     .map("born_at", ColumnType.TIMESTAMP_TZ, "dob.date")
 *     .derive("generation", ColumnType.STRING, Derivation.generation("born_at"))
 *     .rules(Rule.notNull("user_id").critical())
 *     .policy(QualityPolicy.minScore(0.6).below(PolicyAction.QUARANTINE))
 *     .deduplicateOn("user_id").keepLatestBy("born_at")
 *     .build();
 * }</pre>
 */
public final class SilverTable implements SilverSource, GoldSource {

  /** The row's overall quality score, in [0, 1]. */
  public static final String QUALITY_SCORE = "quality_score";

  /** The row's completeness score, in [0, 1]. */
  public static final String COMPLETENESS_SCORE = "completeness_score";

  /** The row's validity score, in [0, 1]. */
  public static final String VALIDITY_SCORE = "validity_score";

  /** The row's consistency score, in [0, 1]. */
  public static final String CONSISTENCY_SCORE = "consistency_score";

  /** The rules the row failed, a list of {@link #FAILURE} structs. */
  public static final String FAILED_RULES = "failed_rules";

  /** The bronze batch the row came from. */
  public static final String LINEAGE_BATCH_ID = "_batch_id";

  /** When the row's bronze record was ingested. */
  public static final String LINEAGE_INGESTED_AT = "_ingested_at";

  /** Where the row's record was in its source. */
  public static final String LINEAGE_COORDINATE = "_source_coordinate";

  /**
   * A 64-bit fingerprint of the row's typed values (and, in silver, its rule outcomes), so that a
   * re-ingested identical record neither rewrites its silver row nor lands in quarantine twice.
   */
  public static final String ROW_HASH = "_row_hash";

  /** Why a quarantined row was rejected, a list of {@link #FAILURE} structs. */
  public static final String REASONS = "reasons";

  /** The quarantined row's typed values, as JSON. */
  public static final String RECORD = "record";

  /** When the row was quarantined. */
  public static final String QUARANTINED_AT = "quarantined_at";

  /**
   * One {@link FailedRule} as stored in {@link #FAILED_RULES} and {@link #REASONS}: its rule name,
   * dimension and severity labels (lower case), reason, and origin ({@code rule}, {@code type} or
   * {@code payload}).
   */
  public static final ColumnType FAILURE =
      ColumnType.struct(
          List.of(
              Column.of("rule", ColumnType.STRING).withDoc("Rule name, column_type or payload"),
              Column.of("dimension", ColumnType.STRING).withDoc("Quality dimension"),
              Column.of("severity", ColumnType.STRING).withDoc("warning or critical"),
              Column.of("reason", ColumnType.STRING).withDoc("What was wrong"),
              Column.of("origin", ColumnType.STRING).withDoc("rule, type or payload")));

  private static final List<Column> SYSTEM_COLUMNS =
      List.of(
          Column.of(QUALITY_SCORE, ColumnType.DOUBLE).withDoc("Weighted quality score in [0, 1]"),
          Column.of(COMPLETENESS_SCORE, ColumnType.DOUBLE)
              .withDoc("Weighted share of completeness rules passed"),
          Column.of(VALIDITY_SCORE, ColumnType.DOUBLE)
              .withDoc("Weighted share of validity rules passed"),
          Column.of(CONSISTENCY_SCORE, ColumnType.DOUBLE)
              .withDoc("Weighted share of consistency rules passed"),
          Column.of(FAILED_RULES, ColumnType.list(FAILURE))
              .withDoc("Failed rules: rule, dimension, severity, reason, origin"),
          Column.of(LINEAGE_BATCH_ID, ColumnType.STRING).withDoc("Bronze batch id"),
          Column.of(LINEAGE_INGESTED_AT, ColumnType.TIMESTAMP_TZ).withDoc("Bronze ingestion time"),
          Column.of(LINEAGE_COORDINATE, ColumnType.STRING).withDoc("Position in the source"),
          Column.of(ROW_HASH, ColumnType.LONG)
              .withDoc("Fingerprint of the row's values, to recognize identical rows"));

  private static final List<Column> QUARANTINE_COLUMNS =
      List.of(
          SYSTEM_COLUMNS.get(5),
          SYSTEM_COLUMNS.get(6),
          SYSTEM_COLUMNS.get(7),
          Column.of(QUARANTINED_AT, ColumnType.TIMESTAMP_TZ).withDoc("When the row was rejected"),
          SYSTEM_COLUMNS.get(0),
          Column.of(REASONS, ColumnType.list(FAILURE))
              .withDoc("Why the row was rejected: rule, dimension, severity, reason, origin"),
          Column.of(RECORD, ColumnType.STRING).withDoc("The row's typed values as JSON"),
          SYSTEM_COLUMNS.get(8));

  private final TableId id;
  private final SilverSource source;
  private final String description;
  private final List<ColumnMapping> mappings;
  private final List<DerivedColumn> derivedColumns;
  private final List<RuleFlag> ruleFlags;
  private final List<String> shownInReports;
  private final List<String> personalColumns;
  private final Map<String, String> docs;
  private final List<Rule> rules;
  private final List<DatasetRule> datasetRules;
  private final QualityPolicy policy;
  private final Deduplication deduplication;
  private final List<PartitionField> partitioning;
  private final List<Column> columns;
  // Cached: runtimes key caches by definition, and rehashing every rule each time is slow.
  private final int hash;

  private SilverTable(Builder builder, List<Column> columns) {
    this.id = builder.id;
    this.source = builder.source;
    this.description = builder.description;
    this.mappings = List.copyOf(builder.mappings);
    this.derivedColumns = List.copyOf(builder.derived);
    this.ruleFlags = List.copyOf(builder.flags);
    this.shownInReports = List.copyOf(builder.shownInReports);
    this.docs = Map.copyOf(builder.docs);
    this.personalColumns = List.copyOf(builder.personal);
    this.rules = List.copyOf(builder.rules);
    this.datasetRules = List.copyOf(builder.datasetRules);
    this.policy = builder.policy;
    this.deduplication = builder.deduplication();
    this.partitioning = List.copyOf(builder.partitioning);
    this.columns = columns;
    this.hash =
        Objects.hash(
            id,
            source,
            description,
            mappings,
            derivedColumns,
            ruleFlags,
            shownInReports,
            personalColumns,
            docs,
            rules,
            datasetRules,
            policy,
            deduplication,
            partitioning);
  }

  /**
   * Starts a silver table definition.
   *
   * @param id the table id
   * @param source the bronze or silver table it reads
   * @return a builder
   */
  public static Builder builder(TableId id, SilverSource source) {
    return new Builder(id, source);
  }

  /**
   * Starts a builder holding this definition's values, to derive a changed copy. Built unchanged it
   * gives an equal definition; each single-valued property may be set once more, and collections
   * are added to, or emptied first with their {@code clear} method.
   *
   * <pre>{@code
   * SilverTable stricter = users.toBuilder()
   *     .policy(QualityPolicy.minScore(0.8).below(PolicyAction.QUARANTINE))
   *     .clearRules()
   *     .rules(Rule.notNull("user_id").critical(), Rule.validEmail("email"))
   *     .build();
   * }</pre>
   *
   * @return a builder with this definition's values
   */
  public Builder toBuilder() {
    Builder builder = new Builder(id, source);
    builder.description = description;
    // The mappings already carry their epoch units, so none needs to be given again.
    builder.mappings.addAll(mappings);
    builder.derived.addAll(derivedColumns);
    builder.flags.addAll(ruleFlags);
    builder.shownInReports.addAll(shownInReports);
    builder.personal.addAll(personalColumns);
    builder.docs.putAll(docs);
    builder.rules.addAll(rules);
    builder.datasetRules.addAll(datasetRules);
    builder.policy = policy;
    if (deduplication != null) {
      builder.dedupKey = deduplication.key();
      builder.dedupOrder = deduplication.orderBy();
    }
    builder.partitioning = partitioning;
    return builder;
  }

  /**
   * Returns the columns of every quarantine table.
   *
   * @return the columns
   */
  public static List<Column> quarantineColumns() {
    return QUARANTINE_COLUMNS;
  }

  @Override
  public TableId id() {
    return id;
  }

  @Override
  public Layer layer() {
    return Layer.SILVER;
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
   * @return the bronze or silver source
   */
  public SilverSource source() {
    return source;
  }

  /**
   * Returns the mapped columns, in order.
   *
   * @return the mappings
   */
  public List<ColumnMapping> mappings() {
    return mappings;
  }

  /**
   * Returns the derived columns, in evaluation order.
   *
   * @return the derived columns
   */
  public List<DerivedColumn> derivedColumns() {
    return derivedColumns;
  }

  /**
   * Returns the columns that hold a rule's outcome, after the derived columns.
   *
   * @return the rule flags
   */
  public List<RuleFlag> ruleFlags() {
    return ruleFlags;
  }

  /**
   * Returns the columns whose values report samples show unmasked; every other value is masked.
   *
   * @return the column names
   */
  public List<String> shownInReports() {
    return shownInReports;
  }

  /**
   * Returns the columns holding personal data (emails, phones, names, coordinates), which consumers
   * such as the Snowflake layer mask for readers without access to them.
   *
   * @return the column names
   */
  public List<String> personalColumns() {
    return personalColumns;
  }

  /**
   * Returns the quality rules.
   *
   * @return the rules
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Returns the rules about each batch as a whole.
   *
   * @return the dataset rules
   */
  public List<DatasetRule> datasetRules() {
    return datasetRules;
  }

  /**
   * Returns the id of the table holding this table's quality metrics, one row per metric per run.
   *
   * @return e.g. {@code silver.users_quality_metrics}
   */
  public TableId metricsId() {
    return id.withSuffix("_quality_metrics");
  }

  /**
   * Returns the quality policy.
   *
   * @return the policy
   */
  public QualityPolicy policy() {
    return policy;
  }

  /**
   * Returns the de-duplication settings.
   *
   * @return the settings, or empty when rows are not de-duplicated
   */
  public Optional<Deduplication> deduplication() {
    return Optional.ofNullable(deduplication);
  }

  /**
   * Returns the id of the quarantine table beside this one.
   *
   * @return e.g. {@code silver.users_quarantine}
   */
  public TableId quarantineId() {
    return id.withSuffix("_quarantine");
  }

  /**
   * Tells whether another definition has the same id, source, columns, rules, policy,
   * de-duplication and partitioning.
   *
   * @param other the other object
   * @return true when both define the same table
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof SilverTable that
        && hash == that.hash
        && id.equals(that.id)
        && source.equals(that.source)
        && description.equals(that.description)
        && mappings.equals(that.mappings)
        && derivedColumns.equals(that.derivedColumns)
        && ruleFlags.equals(that.ruleFlags)
        && shownInReports.equals(that.shownInReports)
        && personalColumns.equals(that.personalColumns)
        && docs.equals(that.docs)
        && rules.equals(that.rules)
        && datasetRules.equals(that.datasetRules)
        && policy.equals(that.policy)
        && Objects.equals(deduplication, that.deduplication)
        && partitioning.equals(that.partitioning);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "silver " + id;
  }

  /**
   * Builds a {@link SilverTable}. Single-valued properties, and a column's epoch unit or doc, are
   * set once: setting one again is a validation problem naming both values. Mapped and derived
   * columns, rule flags, rules, dataset rules and the columns shown in reports are added to; their
   * {@code clear} methods empty them.
   */
  public static final class Builder {
    private final TableId id;
    private final SilverSource source;
    private String description = "";
    private final List<ColumnMapping> mappings = new ArrayList<>();
    private final List<DerivedColumn> derived = new ArrayList<>();
    private final Map<String, EpochUnit> epochUnits = new LinkedHashMap<>();
    private final List<RuleFlag> flags = new ArrayList<>();
    private final List<String> shownInReports = new ArrayList<>();
    private final List<String> personal = new ArrayList<>();
    private final Map<String, String> docs = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<DatasetRule> datasetRules = new ArrayList<>();
    private QualityPolicy policy = QualityPolicy.DEFAULT;
    private String dedupKey;
    private String dedupOrder;
    private List<PartitionField> partitioning = List.of();
    private final SetOnce given = new SetOnce();

    private Builder(TableId id, SilverSource source) {
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
     * Maps a column from one JSON path.
     *
     * @param name the column name
     * @param type the column type; JSON values are converted to it
     * @param path the dotted JSON path
     * @param standardizers applied in order
     * @return this builder
     */
    public Builder map(String name, ColumnType type, String path, Standardizer... standardizers) {
      return mapFirst(name, type, List.of(path), standardizers);
    }

    /**
     * Maps a column from the first of several JSON paths that holds a value, for formats that
     * changed over versions (e.g. {@code dob.date} in newer responses, {@code dob} in older ones).
     *
     * @param name the column name
     * @param type the column type
     * @param paths candidate dotted JSON paths, tried in order
     * @param standardizers applied in order
     * @return this builder
     */
    public Builder mapFirst(
        String name, ColumnType type, List<String> paths, Standardizer... standardizers) {
      List<JsonPath> parsed = paths.stream().map(JsonPath::parse).toList();
      mappings.add(new ColumnMapping(Column.of(name, type), parsed, List.of(standardizers)));
      return this;
    }

    /**
     * Forgets the mapped columns given so far and their epoch units, so that the columns mapped
     * next replace them.
     *
     * <pre>{@code
     * users.toBuilder().clearMappings().map("user_id", ColumnType.STRING, "id.value").build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearMappings() {
      mappings.clear();
      epochUnits.clear();
      return this;
    }

    /**
     * Reads numbers in a timestamp or date column as epoch times of the given unit, for feeds that
     * send them (e.g. old API versions). Without it such a number is a type problem.
     *
     * @param column a mapped timestamp or date column
     * @param unit the unit of the numbers
     * @return this builder
     */
    public Builder epochUnit(String column, EpochUnit unit) {
      Objects.requireNonNull(unit, "unit");
      epochUnits.put(column, given.set("epochUnit('" + column + "')", unit));
      return this;
    }

    /**
     * Adds a column computed from columns defined before it.
     *
     * @param name the column name
     * @param type the column type
     * @param derivation how it is computed
     * @return this builder
     */
    public Builder derive(String name, ColumnType type, Derivation derivation) {
      derived.add(new DerivedColumn(Column.of(name, type), derivation));
      return this;
    }

    /**
     * Forgets the derived columns given so far, so that the ones given next replace them.
     *
     * <pre>{@code
     * users.toBuilder().clearDerivedColumns().derive("domain", ColumnType.STRING,
     *     Derivation.emailDomain("email")).build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearDerivedColumns() {
      derived.clear();
      return this;
    }

    /**
     * Adds a boolean column holding a rule's outcome (true passed, false failed, null skipped).
     *
     * @param column the column name
     * @param rule the rule's name
     * @return this builder
     */
    public Builder ruleFlag(String column, String rule) {
      flags.add(new RuleFlag(column, rule));
      return this;
    }

    /**
     * Forgets the rule flags given so far, so that the ones given next replace them.
     *
     * <pre>{@code
     * users.toBuilder().clearRuleFlags().ruleFlag("email_valid", "email_format").build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearRuleFlags() {
      flags.clear();
      return this;
    }

    /**
     * Adds columns that report samples show unmasked. Samples mask every other column: emails,
     * phones and names by their shape, anything else down to its first and last character.
     *
     * @param columns columns that hold no personal data, e.g. a nationality or a generation
     * @return this builder
     */
    public Builder showInReports(String... columns) {
      shownInReports.addAll(List.of(columns));
      return this;
    }

    /**
     * Forgets the columns given to {@link #showInReports}, so that samples mask every column until
     * some are shown again.
     *
     * <pre>{@code
     * users.toBuilder().clearShowInReports().showInReports("nationality").build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearShowInReports() {
      shownInReports.clear();
      return this;
    }

    /**
     * Marks columns as personal data, to be masked by consumers for readers without access.
     *
     * <pre>{@code
     * SilverTable users = builder.personal("email", "phone", "last_name").build();
     * }</pre>
     *
     * @param columns the columns holding personal data
     * @return this builder
     */
    public Builder personal(String... columns) {
      personal.addAll(List.of(columns));
      return this;
    }

    /**
     * Forgets the columns given to {@link #personal}, so that the ones given next replace them.
     *
     * <pre>{@code
     * users.toBuilder().clearPersonal().personal("email").build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearPersonal() {
      personal.clear();
      return this;
    }

    /**
     * Documents a column; the text becomes the Iceberg column doc.
     *
     * @param column the column name
     * @param text the description
     * @return this builder
     */
    public Builder doc(String column, String text) {
      docs.put(column, given.set("doc('" + column + "')", Objects.requireNonNull(text, "text")));
      return this;
    }

    /**
     * Adds quality rules to those already given.
     *
     * @param added the rules
     * @return this builder
     */
    public Builder rules(Rule... added) {
      return rules(List.of(added));
    }

    /**
     * Adds quality rules to those already given, e.g. those translated from an AWS Glue DQDL
     * ruleset.
     *
     * @param added the rules
     * @return this builder
     */
    public Builder rules(List<Rule> added) {
      rules.addAll(added);
      return this;
    }

    /**
     * Forgets the rules given so far, so that the ones given next replace them.
     *
     * <pre>{@code
     * users.toBuilder().clearRules().rules(Rule.notNull("user_id").critical()).build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearRules() {
      rules.clear();
      return this;
    }

    /**
     * Adds rules about each batch as a whole to those already given.
     *
     * @param added the dataset rules
     * @return this builder
     */
    public Builder datasetRules(DatasetRule... added) {
      return datasetRules(List.of(added));
    }

    /**
     * Adds rules about each batch as a whole to those already given, e.g. those translated from an
     * AWS Glue DQDL ruleset.
     *
     * @param added the dataset rules
     * @return this builder
     */
    public Builder datasetRules(List<DatasetRule> added) {
      datasetRules.addAll(added);
      return this;
    }

    /**
     * Forgets the dataset rules given so far, so that the ones given next replace them.
     *
     * <pre>{@code
     * users.toBuilder().clearDatasetRules().datasetRules(DatasetRule.unique("user_id")).build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearDatasetRules() {
      datasetRules.clear();
      return this;
    }

    /**
     * Sets the quality policy; the default quarantines rows that fail a critical rule.
     *
     * @param qualityPolicy the policy
     * @return this builder
     */
    public Builder policy(QualityPolicy qualityPolicy) {
      this.policy = given.set("policy", Objects.requireNonNull(qualityPolicy, "policy"));
      return this;
    }

    /**
     * Keeps one row per key, within a batch and across runs.
     *
     * @param key the key column
     * @return this builder
     */
    public Builder deduplicateOn(String key) {
      this.dedupKey = given.set("deduplicateOn", Objects.requireNonNull(key, "key"));
      return this;
    }

    /**
     * Decides which row of a key is the latest by a column; ties go to the later ingested record.
     *
     * @param column the ordering column
     * @return this builder
     */
    public Builder keepLatestBy(String column) {
      this.dedupOrder = given.set("keepLatestBy", Objects.requireNonNull(column, "column"));
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

    private Deduplication deduplication() {
      return dedupKey == null ? null : new Deduplication(dedupKey, dedupOrder);
    }

    /**
     * Validates and builds the definition.
     *
     * @return the silver table
     * @throws io.medallion.ValidationException listing every problem
     */
    public SilverTable build() {
      Problems problems = given.problems();
      List<Column> columns = new ArrayList<>();
      Set<String> reserved = new HashSet<>();
      SYSTEM_COLUMNS.forEach(c -> reserved.add(c.name()));
      applyEpochUnits(problems);
      for (ColumnMapping mapping : mappings) {
        checkMapping(problems, mapping);
        columns.add(mapping.column());
      }
      for (DerivedColumn column : derived) {
        for (String input : column.derivation().inputs()) {
          if (Definitions.find(columns, input) == null) {
            problems.add(
                "derived column '"
                    + column.column().name()
                    + "' reads unknown column '"
                    + input
                    + "'; columns defined before it: "
                    + Definitions.names(columns));
          }
        }
        columns.add(column.column());
      }
      Set<String> ruleNames = new HashSet<>();
      rules.forEach(r -> ruleNames.add(r.name()));
      for (RuleFlag flag : flags) {
        problems.check(
            ruleNames.contains(flag.rule()),
            "rule flag '"
                + flag.column()
                + "' names unknown rule '"
                + flag.rule()
                + "'; rules: "
                + new java.util.TreeSet<>(ruleNames));
        columns.add(Column.of(flag.column(), ColumnType.BOOLEAN));
      }
      for (Column column : columns) {
        problems.check(
            !reserved.contains(column.name()),
            "column '" + column.name() + "' uses a reserved name; reserved: " + reserved);
      }
      checkStandardizers(problems, columns);
      checkRules(problems, columns);
      checkDatasetRules(problems, columns);
      checkDeduplication(problems, columns);
      List<Column> all = new ArrayList<>();
      for (Column column : columns) {
        all.add(column.withDoc(docs.getOrDefault(column.name(), column.doc())));
      }
      for (String shown : shownInReports) {
        problems.check(
            Definitions.find(columns, shown) != null,
            "showInReports names unknown column '" + shown + "'");
      }
      for (String marked : personal) {
        problems.check(
            Definitions.find(columns, marked) != null,
            "personal names unknown column '"
                + marked
                + "'; columns: "
                + Definitions.names(columns));
      }
      for (String documented : docs.keySet()) {
        problems.check(
            Definitions.find(columns, documented) != null,
            "doc names unknown column '" + documented + "'");
      }
      all.addAll(SYSTEM_COLUMNS);
      Definitions.checkUniqueNames(problems, all);
      Definitions.checkPartitioning(problems, all, partitioning);
      problems.check(!mappings.isEmpty(), "a silver table needs at least one mapped column");
      // A silver source is re-read whole when it changes; a key keeps that idempotent.
      problems.check(
          !(source instanceof SilverTable) || dedupKey != null,
          "a silver table reading silver table "
              + source.id()
              + " must deduplicateOn(key) so re-reading its source replaces rows");
      problems.throwIfAny("silver table " + id);
      return new SilverTable(this, List.copyOf(all));
    }

    private void applyEpochUnits(Problems problems) {
      epochUnits.forEach(
          (column, unit) -> {
            int index = -1;
            for (int i = 0; i < mappings.size(); i++) {
              if (mappings.get(i).column().name().equals(column)) {
                index = i;
              }
            }
            if (index < 0) {
              problems.add(
                  "epoch unit for '"
                      + column
                      + "': no mapped column of that name; mapped columns: "
                      + mappings.stream().map(m -> m.column().name()).toList());
              return;
            }
            ColumnType type = mappings.get(index).column().type();
            if (type != ColumnType.TIMESTAMP_TZ && type != ColumnType.DATE) {
              problems.add(
                  "epoch unit for '"
                      + column
                      + "': the column is "
                      + type.displayName()
                      + "; allowed only on timestamp_tz and date columns");
              return;
            }
            mappings.set(index, mappings.get(index).withEpochUnit(unit));
          });
    }

    private void checkMapping(Problems problems, ColumnMapping mapping) {
      String name = mapping.column().name();
      if (mapping.column().type() instanceof ColumnType.StructOf) {
        problems.add(
            "column '"
                + name
                + "' is a struct; map each field to its own column instead (struct mapping is"
                + " not supported)");
      }
      for (JsonPath path : mapping.paths()) {
        if (source instanceof BronzeTable bronze) {
          for (JsonPath secret : bronze.secretPaths()) {
            if (path.startsWith(secret) || secret.startsWith(path)) {
              problems.add(
                  "column '"
                      + name
                      + "' maps "
                      + path
                      + ", which holds the secret "
                      + secret
                      + " declared by "
                      + bronze.id()
                      + "; secrets never reach silver");
            }
          }
        } else if (source.column(path.segments().get(0)).isEmpty()) {
          problems.add(
              "column '"
                  + name
                  + "' maps "
                  + path
                  + ", but "
                  + source.id()
                  + " has no column '"
                  + path.segments().get(0)
                  + "'; known columns: "
                  + Definitions.names(source.columns()));
        }
      }
    }

    private void checkStandardizers(Problems problems, List<Column> columns) {
      for (ColumnMapping mapping : mappings) {
        for (Standardizer standardizer : mapping.standardizers()) {
          if (mapping.column().type() != ColumnType.STRING) {
            problems.add(
                "standardizer "
                    + standardizer.displayName()
                    + " on '"
                    + mapping.column().name()
                    + "' needs a string column, but it is "
                    + mapping.column().type().displayName());
          }
          if (standardizer instanceof Standardizer.PhoneE164 phone
              && Definitions.find(columns, phone.regionColumn()) == null) {
            problems.add(
                "standardizer "
                    + phone.displayName()
                    + " on '"
                    + mapping.column().name()
                    + "' reads unknown region column '"
                    + phone.regionColumn()
                    + "'; mapped columns: "
                    + Definitions.names(columns));
          }
        }
      }
    }

    private void checkRules(Problems problems, List<Column> columns) {
      Set<String> names = new HashSet<>();
      for (Rule rule : rules) {
        problems.check(names.add(rule.name()), "rule '" + rule.name() + "' is defined twice");
        for (String column : rule.check().columns()) {
          Column found = Definitions.find(columns, column);
          if (found == null) {
            problems.add(
                "rule '"
                    + rule.name()
                    + "' reads unknown column '"
                    + column
                    + "'; known columns: "
                    + Definitions.names(columns));
          } else {
            String needed = RequiredKinds.of(rule.check(), column);
            if (needed != null && !hasKind(found.type(), needed)) {
              problems.add(
                  "rule '"
                      + rule.name()
                      + "' needs a "
                      + needed
                      + " column, but '"
                      + column
                      + "' is "
                      + found.type().displayName());
            }
          }
        }
      }
    }

    private void checkDatasetRules(Problems problems, List<Column> columns) {
      Set<String> ruleNames = new HashSet<>();
      rules.forEach(r -> ruleNames.add(r.name()));
      Set<String> names = new HashSet<>();
      for (DatasetRule rule : datasetRules) {
        problems.check(
            names.add(rule.name()), "dataset rule '" + rule.name() + "' is defined twice");
        for (String column : rule.check().columns()) {
          Column found = Definitions.find(columns, column);
          if (found == null) {
            problems.add(
                "dataset rule '"
                    + rule.name()
                    + "' reads unknown column '"
                    + column
                    + "'; known columns: "
                    + Definitions.names(columns));
          } else if (rule.check() instanceof DatasetRule.Condition.Freshness
              && !Definitions.isTemporal(found.type())) {
            problems.add(
                "dataset rule '"
                    + rule.name()
                    + "' needs a date or timestamp column, but '"
                    + column
                    + "' is "
                    + found.type().displayName());
          }
        }
        String rowRule = rule.check().passRateRule();
        problems.check(
            rowRule == null || ruleNames.contains(rowRule),
            "dataset rule '"
                + rule.name()
                + "' reads the pass rate of unknown rule '"
                + rowRule
                + "'; rules: "
                + new java.util.TreeSet<>(ruleNames));
      }
    }

    private static boolean hasKind(ColumnType type, String kind) {
      return switch (kind) {
        case "numeric" -> Definitions.isNumeric(type);
        case "date or timestamp" -> Definitions.isTemporal(type);
        default -> type == ColumnType.STRING;
      };
    }

    private void checkDeduplication(Problems problems, List<Column> columns) {
      if (dedupKey == null) {
        problems.check(
            dedupOrder == null, "keepLatestBy('" + dedupOrder + "') needs deduplicateOn(key)");
        return;
      }
      problems.check(
          Definitions.find(columns, dedupKey) != null,
          "deduplication key '"
              + dedupKey
              + "' is not a column; known: "
              + Definitions.names(columns));
      problems.check(
          dedupOrder == null || Definitions.find(columns, dedupOrder) != null,
          "deduplication order column '"
              + dedupOrder
              + "' is not a column; known: "
              + Definitions.names(columns));
    }
  }
}
