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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A bronze table: every raw record exactly as received, with ingestion metadata. Append-only. Input
 * that cannot be decoded goes to a sibling dead-letter table ({@link #deadLetterId()}).
 *
 * <pre>{@code
 * BronzeTable raw = BronzeTable.builder(TableId.of("bronze", "randomuser_raw"))
 *     .description("RandomUser API responses, one row per user record")
 *     .recordsAt("results")
 *     .secretPaths("login.password", "login.salt", "login.md5", "login.sha1", "login.sha256")
 *     .build();
 * }</pre>
 */
public final class BronzeTable implements SilverSource {

  /** The batch that wrote the row: one id per ingestion call. */
  public static final String BATCH_ID = "batch_id";

  /** When the batch was ingested. */
  public static final String INGESTED_AT = "ingested_at";

  /** The source's name, e.g. a file name or an HTTP URI. */
  public static final String SOURCE_NAME = "source_name";

  /** Where in the source the record was, e.g. {@code line 3, results[12]}. */
  public static final String SOURCE_COORDINATE = "source_coordinate";

  /** The record's position within its batch, from 0. */
  public static final String RECORD_INDEX = "record_index";

  /** The raw record text, unchanged. */
  public static final String PAYLOAD = "payload";

  /** The decoding error, in dead-letter rows. */
  public static final String ERROR = "error";

  /**
   * How a dead letter's payload is written: {@value #UTF_8} for text as received, {@value #BASE64}
   * for bytes that are not UTF-8.
   */
  public static final String PAYLOAD_ENCODING = "payload_encoding";

  /** The payload encoding of text written as received. */
  public static final String UTF_8 = "utf-8";

  /** The payload encoding of bytes that are not UTF-8, written in base64. */
  public static final String BASE64 = "base64";

  /** The default largest record accepted into bronze: 1 MiB. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

  private static final List<Column> COLUMNS =
      List.of(
          Column.of(BATCH_ID, ColumnType.STRING).withDoc("Ingestion batch id"),
          Column.of(INGESTED_AT, ColumnType.TIMESTAMP_TZ).withDoc("When the batch was ingested"),
          Column.of(SOURCE_NAME, ColumnType.STRING).withDoc("Source file, URI or topic"),
          Column.of(SOURCE_COORDINATE, ColumnType.STRING).withDoc("Position within the source"),
          Column.of(RECORD_INDEX, ColumnType.LONG).withDoc("Position within the batch"),
          Column.of(PAYLOAD, ColumnType.STRING).withDoc("The raw record, exactly as received"));

  private static final List<Column> DEAD_LETTER_COLUMNS =
      List.of(
          COLUMNS.get(0),
          COLUMNS.get(1),
          COLUMNS.get(2),
          COLUMNS.get(3),
          COLUMNS.get(4),
          Column.of(ERROR, ColumnType.STRING).withDoc("Why the input could not be decoded"),
          Column.of(PAYLOAD, ColumnType.STRING).withDoc("The raw input, exactly as received"),
          Column.of(PAYLOAD_ENCODING, ColumnType.STRING)
              .withDoc("utf-8, or base64 for input that is not UTF-8"));

  private final TableId id;
  private final String description;
  private final Optional<JsonPath> recordsAt;
  private final List<JsonPath> secretPaths;
  private final int maxRecordBytes;
  private final List<PartitionField> partitioning;
  private final List<Column> sourceColumns;
  private final List<Column> columns;
  private final List<Column> deadLetterColumns;

  private BronzeTable(Builder builder, Optional<JsonPath> recordsAt) {
    this.id = builder.id;
    this.description = builder.description;
    this.recordsAt = recordsAt;
    this.secretPaths = List.copyOf(builder.secretPaths);
    this.maxRecordBytes = builder.maxRecordBytes;
    this.partitioning = List.copyOf(builder.partitioning);
    this.sourceColumns = List.copyOf(builder.sourceColumns);
    this.columns = concat(COLUMNS, sourceColumns);
    this.deadLetterColumns = concat(DEAD_LETTER_COLUMNS, sourceColumns);
  }

  private static List<Column> concat(List<Column> first, List<Column> second) {
    List<Column> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  /**
   * Starts a bronze table definition.
   *
   * @param id the table id
   * @return a builder
   */
  public static Builder builder(TableId id) {
    return new Builder(id);
  }

  /**
   * Starts a builder holding this definition's values, to derive a changed copy. Each property may
   * then be set once more.
   *
   * <pre>{@code
   * BronzeTable bigger = raw.toBuilder().maxRecordBytes(4 << 20).build();
   * }</pre>
   *
   * @return a builder with this definition's values
   */
  public Builder toBuilder() {
    Builder builder = new Builder(id);
    builder.description = description;
    builder.recordsAt = recordsAt.map(JsonPath::toString).orElse(null);
    builder.secretPaths.addAll(secretPaths);
    builder.maxRecordBytes = maxRecordBytes;
    builder.partitioning = partitioning;
    builder.sourceColumns.addAll(sourceColumns);
    return builder;
  }

  /**
   * Returns the columns of this table's dead-letter table: the ingestion metadata, the error, the
   * raw input and its encoding, then the source columns.
   *
   * @return the columns
   */
  public List<Column> deadLetterColumns() {
    return deadLetterColumns;
  }

  /**
   * Returns the typed columns the source fills beside the payload, in bronze and dead-letter rows
   * alike (a Kafka topic's partition, offset and key, for example); none for files and HTTP.
   *
   * @return the columns, after the standard ones
   */
  public List<Column> sourceColumns() {
    return sourceColumns;
  }

  @Override
  public TableId id() {
    return id;
  }

  @Override
  public Layer layer() {
    return Layer.BRONZE;
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
    return Optional.empty();
  }

  /**
   * Returns the id of the dead-letter table beside this one.
   *
   * @return e.g. {@code bronze.randomuser_raw_dead_letter}
   */
  public TableId deadLetterId() {
    return id.withSuffix("_dead_letter");
  }

  /**
   * Returns where the records are inside each top-level JSON object, when the input wraps them in
   * an envelope such as {@code {"results": [...], "info": {...}}}.
   *
   * @return the path of the array holding the records, or empty when each object is a record
   */
  public Optional<JsonPath> recordsAt() {
    return recordsAt;
  }

  /**
   * Returns the JSON paths that hold secrets; no silver table may map them, and ingestion error
   * messages never quote text read at or beside them.
   *
   * @return the paths
   */
  public List<JsonPath> secretPaths() {
    return secretPaths;
  }

  /**
   * Returns the largest record, in UTF-8 bytes, accepted into bronze; larger ones are dead letters.
   *
   * @return the limit
   */
  public int maxRecordBytes() {
    return maxRecordBytes;
  }

  /**
   * Tells whether another definition has the same id, description, envelope path, secret paths,
   * record size limit and partitioning.
   *
   * @param other the other object
   * @return true when both define the same table
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof BronzeTable that
        && id.equals(that.id)
        && description.equals(that.description)
        && recordsAt.equals(that.recordsAt)
        && secretPaths.equals(that.secretPaths)
        && maxRecordBytes == that.maxRecordBytes
        && partitioning.equals(that.partitioning)
        && sourceColumns.equals(that.sourceColumns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id, description, recordsAt, secretPaths, maxRecordBytes, partitioning, sourceColumns);
  }

  @Override
  public String toString() {
    return "bronze " + id;
  }

  /**
   * Builds a {@link BronzeTable}. Each property is set at most once per builder: setting it again
   * is a validation problem naming both values, not a silent overwrite. {@link #secretPaths} adds
   * to the paths; {@link #clearSecretPaths()} empties them.
   */
  public static final class Builder {
    private final TableId id;
    private final SetOnce given = new SetOnce();
    private String description = "";
    private String recordsAt;
    private final List<JsonPath> secretPaths = new ArrayList<>();
    private final List<String> badSecretPaths = new ArrayList<>();
    private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
    private List<PartitionField> partitioning = List.of(PartitionField.day(INGESTED_AT));
    private final List<Column> sourceColumns = new ArrayList<>();

    private Builder(TableId id) {
      this.id = Objects.requireNonNull(id, "id");
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
     * Sets where the records are inside each top-level JSON object: the elements of the array at
     * this path are the records, and the rest of the object (e.g. paging info) is not stored. A
     * top-level object without the path is a record itself. Without this setting every top-level
     * object is one record; a top-level array's elements are records either way.
     *
     * <pre>{@code
     * BronzeTable.builder(id).recordsAt("results"); // {"results": [{...}, {...}], "info": {...}}
     * }</pre>
     *
     * @param path a dotted JSON path, e.g. {@code "results"} or {@code "data.items"}
     * @return this builder
     */
    public Builder recordsAt(String path) {
      this.recordsAt = given.set("recordsAt", Objects.requireNonNull(path, "recordsAt"));
      return this;
    }

    /**
     * Adds JSON paths that hold secrets (passwords, salts, hashes). Silver tables may not map them
     * or anything inside them, and ingestion errors never quote the text at or beside them.
     *
     * @param paths dotted JSON paths
     * @return this builder
     */
    public Builder secretPaths(String... paths) {
      for (String path : paths) {
        try {
          secretPaths.add(JsonPath.parse(path));
        } catch (IllegalArgumentException e) {
          badSecretPaths.add(e.getMessage());
        }
      }
      return this;
    }

    /**
     * Forgets the secret paths given so far, so that the ones given next replace them.
     *
     * <pre>{@code
     * raw.toBuilder().clearSecretPaths().secretPaths("login.password").build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearSecretPaths() {
      secretPaths.clear();
      badSecretPaths.clear();
      return this;
    }

    /**
     * Sets the largest record accepted, in UTF-8 bytes. It is checked while reading: a larger
     * record is never held in memory whole; it becomes a dead letter keeping its first bytes.
     *
     * @param bytes the limit, at least 1 KiB
     * @return this builder
     */
    public Builder maxRecordBytes(int bytes) {
      this.maxRecordBytes = given.set("maxRecordBytes", bytes);
      return this;
    }

    /**
     * Adds typed columns that the source fills beside the payload, in bronze and dead-letter rows.
     * File and HTTP sources fill none; a streaming source declares its own (the Kafka module's
     * topic, partition, offset, timestamp, key and headers).
     *
     * <pre>{@code
     * BronzeTable.builder(id).sourceColumns(Column.of("kafka_offset", ColumnType.LONG));
     * }</pre>
     *
     * @param columns the columns, whose names must differ from the standard ones
     * @return this builder
     */
    public Builder sourceColumns(Column... columns) {
      sourceColumns.addAll(List.of(columns));
      return this;
    }

    /**
     * Removes the source columns given so far, to declare others after {@link #toBuilder()}.
     *
     * @return this builder
     */
    public Builder clearSourceColumns() {
      sourceColumns.clear();
      return this;
    }

    /**
     * Replaces the partitioning; the default is by day of {@code ingested_at}.
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
     * @return the bronze table
     * @throws io.medallion.ValidationException listing every problem
     */
    public BronzeTable build() {
      Problems problems = given.problems();
      problems.check(
          maxRecordBytes >= 1024, "maxRecordBytes must be at least 1024, got " + maxRecordBytes);
      problems.addAll(badSecretPaths);
      Set<JsonPath> distinct = new HashSet<>();
      for (JsonPath path : secretPaths) {
        problems.check(distinct.add(path), "secret path " + path + " is declared more than once");
      }
      Optional<JsonPath> envelope = Optional.empty();
      if (recordsAt != null) {
        try {
          envelope = Optional.of(JsonPath.parse(recordsAt));
        } catch (IllegalArgumentException e) {
          problems.add("recordsAt: " + e.getMessage());
        }
      }
      List<Column> all = concat(DEAD_LETTER_COLUMNS, sourceColumns);
      Definitions.checkUniqueNames(problems, all);
      Definitions.checkPartitioning(problems, concat(COLUMNS, sourceColumns), partitioning);
      problems.throwIfAny("bronze table " + id);
      return new BronzeTable(this, envelope);
    }
  }
}
