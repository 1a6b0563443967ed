package io.medallion.kafka;

import io.medallion.MedallionException;
import io.medallion.core.BronzeAppender;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.SourceMarker;
import io.medallion.kafka.internal.RecordedOffsets;
import io.medallion.table.BronzeTable;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Shows and moves the offsets a bronze table records for its Kafka topics: where streams resume.
 * Moving them (to the earliest or latest offset, a timestamp, or explicit offsets) is a commit of
 * its own to the bronze and dead-letter tables, for a topic that was recreated or migrated. Like
 * Kafka's own offset reset, it refuses while the stream's consumer group has active members.
 *
 * <pre>{@code
 * Map<KafkaOffsets.Partition, Long> now = KafkaOffsets.recorded(runtime, raw);
 * KafkaOffsets.move(runtime, raw, stream, "randomuser", KafkaOffsets.Target.earliest());
 * }</pre>
 */
public final class KafkaOffsets {
  private static final long ADMIN_TIMEOUT_SECONDS = 30;

  private KafkaOffsets() {}

  /**
   * A topic's partition.
   *
   * @param topic the topic
   * @param partition the partition number
   */
  public record Partition(String topic, int partition) {
    @Override
    public String toString() {
      return topic + "/" + partition;
    }
  }

  /** Where {@link #move} puts a topic's partitions. */
  public sealed interface Target {
    /**
     * The oldest offset each partition still holds.
     *
     * @return the target
     */
    static Target earliest() {
      return new Spec(OffsetSpec.earliest(), "earliest");
    }

    /**
     * The end of each partition: only messages produced from now on are read.
     *
     * @return the target
     */
    static Target latest() {
      return new Spec(OffsetSpec.latest(), "latest");
    }

    /**
     * The first offset of each partition at or after an instant (the end when there is none).
     *
     * @param instant the instant
     * @return the target
     */
    static Target at(Instant instant) {
      return new Spec(OffsetSpec.forTimestamp(instant.toEpochMilli()), "timestamp " + instant);
    }

    /**
     * Explicit next offsets by partition number; partitions not named keep theirs.
     *
     * @param offsets next offset by partition
     * @return the target
     */
    static Target offsets(Map<Integer, Long> offsets) {
      return new Explicit(Map.copyOf(offsets));
    }
  }

  private record Spec(OffsetSpec spec, String label) implements Target {}

  private record Explicit(Map<Integer, Long> offsets) implements Target {}

  /**
   * Returns the offsets the bronze table records: the next offset to read of every partition.
   *
   * @param runtime the runtime holding the lake
   * @param table the bronze table
   * @return next offsets by partition, ordered
   */
  public static Map<Partition, Long> recorded(MedallionRuntime runtime, BronzeTable table) {
    return toPublic(
        RecordedOffsets.parse(runtime.bronzeAppender(table).recorded(RecordedOffsets.PREFIX)));
  }

  /**
   * Moves a topic's recorded offsets, committing them to the bronze and dead-letter tables.
   *
   * @param runtime the runtime holding the lake
   * @param table the bronze table
   * @param stream the stream whose brokers and group apply (the group must have no active member)
   * @param topic the topic
   * @param target where to move its partitions
   * @return the offsets recorded after the move, every topic included
   * @throws MedallionException naming the group when it has active members, or the topic when it
   *     does not exist
   */
  public static Map<Partition, Long> move(
      MedallionRuntime runtime,
      BronzeTable table,
      KafkaStream stream,
      String topic,
      Target target) {
    Objects.requireNonNull(target, "target");
    Map<TopicPartition, Long> moved;
    try (Admin admin = Admin.create(adminProperties(stream))) {
      requireInactive(admin, stream.group());
      moved = resolve(admin, topic, target, isolation(stream));
    } catch (ExecutionException e) {
      throw new MedallionException(
          "Cannot move the offsets of " + topic + ": " + e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new MedallionException(
          "Cannot move the offsets of "
              + topic
              + ": brokers at "
              + stream.bootstrapServers()
              + " did not answer within "
              + ADMIN_TIMEOUT_SECONDS
              + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MedallionException("Interrupted while moving the offsets of " + topic, e);
    }
    String note = topic + " moved to " + describe(target) + " at " + Instant.now();
    BronzeAppender appender = runtime.bronzeAppender(table);
    SourceMarker setting = new Setting(moved, note);
    appender.mark(setting, setting);
    return recorded(runtime, table);
  }

  /** Sets the moved partitions to their targets and keeps every other recorded offset. */
  private record Setting(Map<TopicPartition, Long> moved, String note) implements SourceMarker {
    @Override
    public String keyPrefix() {
      return RecordedOffsets.PREFIX;
    }

    @Override
    public Map<String, String> entries(Map<String, String> recorded) {
      Map<TopicPartition, Long> offsets = new TreeMap<>(RecordedOffsets.ORDER);
      offsets.putAll(RecordedOffsets.parse(recorded));
      offsets.putAll(moved);
      Map<String, String> entries = new LinkedHashMap<>(RecordedOffsets.format(offsets));
      entries.put(RecordedOffsets.NOTE, note);
      return entries;
    }
  }

  private static void requireInactive(Admin admin, String group)
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    try {
      ConsumerGroupDescription description =
          admin
              .describeConsumerGroups(java.util.List.of(group))
              .describedGroups()
              .get(group)
              .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!description.members().isEmpty()) {
        throw new MedallionException(
            "Consumer group "
                + group
                + " has "
                + description.members().size()
                + " active member(s); stop its streams before moving offsets, as Kafka's own"
                + " offset reset requires");
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof GroupIdNotFoundException)) {
        throw e;
      }
    }
  }

  private static Map<TopicPartition, Long> resolve(
      Admin admin, String topic, Target target, ListOffsetsOptions options)
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    TopicDescription description =
        admin
            .describeTopics(java.util.List.of(topic))
            .allTopicNames()
            .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .get(topic);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    if (target instanceof Explicit explicit) {
      int partitions = description.partitions().size();
      explicit
          .offsets()
          .forEach(
              (partition, offset) -> {
                if (partition < 0 || partition >= partitions || offset < 0) {
                  throw new MedallionException(
                      "Cannot move "
                          + topic
                          + "/"
                          + partition
                          + " to "
                          + offset
                          + ": the topic"
                          + " has partitions 0 to "
                          + (partitions - 1)
                          + " and offsets are not negative");
                }
                offsets.put(new TopicPartition(topic, partition), offset);
              });
      return offsets;
    }
    Spec spec = (Spec) target;
    Map<TopicPartition, OffsetSpec> query = new HashMap<>();
    description
        .partitions()
        .forEach(info -> query.put(new TopicPartition(topic, info.partition()), spec.spec()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found =
        admin.listOffsets(query, options).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = null;
    for (TopicPartition partition : query.keySet()) {
      long offset = found.get(partition).offset();
      if (offset < 0) {
        // No message at or after the timestamp: start at the end.
        if (ends == null) {
          Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
          query.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
          ends =
              admin.listOffsets(latest, options).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        offset = ends.get(partition).offset();
      }
      offsets.put(partition, offset);
    }
    return offsets;
  }

  /**
   * Reads the ends as the stream's consumer sees them: with read_committed (its default) the end is
   * the last stable offset, not past a transaction still open.
   */
  private static ListOffsetsOptions isolation(KafkaStream stream) {
    String level =
        stream.properties().getOrDefault(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new ListOffsetsOptions(
        "read_uncommitted".equalsIgnoreCase(level)
            ? IsolationLevel.READ_UNCOMMITTED
            : IsolationLevel.READ_COMMITTED);
  }

  private static String describe(Target target) {
    return target instanceof Spec spec ? spec.label() : "offsets " + ((Explicit) target).offsets();
  }

  private static Map<Partition, Long> toPublic(Map<TopicPartition, Long> offsets) {
    Map<Partition, Long> shown = new LinkedHashMap<>();
    offsets.forEach(
        (partition, offset) ->
            shown.put(new Partition(partition.topic(), partition.partition()), offset));
    return shown;
  }

  private static Properties adminProperties(KafkaStream stream) {
    Properties properties = new Properties();
    Collection<String> adminKeys = AdminClientConfig.configNames();
    stream
        .properties()
        .forEach(
            (key, value) -> {
              if (adminKeys.contains(key)) {
                properties.put(key, value);
              }
            });
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stream.bootstrapServers());
    return properties;
  }
}
