package io.medallion.kafka;

import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import java.util.List;

/**
 * The typed columns a Kafka stream fills in bronze and dead-letter rows, beside the raw payload and
 * the usual ingestion metadata. {@code source_name} holds the topic and {@code source_coordinate}
 * reads {@code topic/partition@offset}. Keys and header values that are not UTF-8 are written in
 * base64 and flagged.
 *
 * <pre>{@code
 * BronzeTable raw = KafkaColumns.bronzeTable(TableId.of("bronze", "users_raw"))
 *     .recordsAt("results")
 *     .build();
 * }</pre>
 */
public final class KafkaColumns {
  /** The topic. */
  public static final String TOPIC = "kafka_topic";

  /** The partition. */
  public static final String PARTITION = "kafka_partition";

  /** The message's offset in its partition. */
  public static final String OFFSET = "kafka_offset";

  /** The message's timestamp (create or log-append time, as the topic is set). */
  public static final String TIMESTAMP = "kafka_timestamp";

  /** The message key, as text; null for none. */
  public static final String KEY = "kafka_key";

  /** Whether the key is written in base64 because it is not UTF-8. */
  public static final String KEY_BASE64 = "kafka_key_base64";

  /** The headers, in order: key, value (base64 when not UTF-8) and whether it is base64. */
  public static final String HEADERS = "kafka_headers";

  /** The columns, in the order a stream gives their values. */
  public static final List<Column> ALL =
      List.of(
          Column.of(TOPIC, ColumnType.STRING).withDoc("Kafka topic"),
          Column.of(PARTITION, ColumnType.INT).withDoc("Kafka partition"),
          Column.of(OFFSET, ColumnType.LONG).withDoc("Offset in the partition"),
          Column.of(TIMESTAMP, ColumnType.TIMESTAMP_TZ).withDoc("Kafka message timestamp"),
          Column.of(KEY, ColumnType.STRING).withDoc("Message key (base64 when flagged)"),
          Column.of(KEY_BASE64, ColumnType.BOOLEAN).withDoc("Whether the key is base64"),
          Column.of(
                  HEADERS,
                  ColumnType.list(
                      ColumnType.struct(
                          List.of(
                              Column.of("key", ColumnType.STRING),
                              Column.of("value", ColumnType.STRING),
                              Column.of("value_base64", ColumnType.BOOLEAN)))))
              .withDoc("Message headers in order"));

  private KafkaColumns() {}

  /**
   * Starts a bronze table definition with the Kafka columns.
   *
   * @param id the table id
   * @return a builder to add the envelope path, secret paths and limits to
   */
  public static BronzeTable.Builder bronzeTable(TableId id) {
    return BronzeTable.builder(id).sourceColumns(ALL.toArray(Column[]::new));
  }
}
