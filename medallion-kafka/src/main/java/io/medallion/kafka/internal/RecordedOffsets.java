package io.medallion.kafka.internal;

import io.medallion.MedallionException;
import io.medallion.core.spi.SourceMarker;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka offsets as a bronze snapshot summary records them: one entry per topic, {@code
 * medallion.source.kafka.<topic>} = {@code 0:1200,1:987}, each number the next offset to read.
 * Every commit records the offsets of every partition known to the table, so the newest snapshot
 * holding an entry holds them all.
 */
public final class RecordedOffsets {
  /** The key prefix of Kafka offsets in snapshot summaries. */
  public static final String PREFIX = SourceMarker.KEY_ROOT + "kafka.";

  /** The key of a note on why offsets were moved by hand; no topic name holds a '#'. */
  public static final String NOTE = PREFIX + "#moved";

  /** Orders partitions by topic, then number. */
  public static final Comparator<TopicPartition> ORDER =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private RecordedOffsets() {}

  /**
   * Reads the offsets from summary entries.
   *
   * @param entries entries under {@link #PREFIX}
   * @return the next offset of each partition
   * @throws MedallionException naming the entry when one cannot be read
   */
  public static Map<TopicPartition, Long> parse(Map<String, String> entries) {
    Map<TopicPartition, Long> offsets = new TreeMap<>(ORDER);
    entries.forEach(
        (key, value) -> {
          if (!key.startsWith(PREFIX) || key.startsWith(NOTE)) {
            return;
          }
          String topic = key.substring(PREFIX.length());
          if (value.isEmpty()) {
            return;
          }
          for (String pair : value.split(",")) {
            int colon = pair.indexOf(':');
            try {
              offsets.put(
                  new TopicPartition(topic, Integer.parseInt(pair.substring(0, colon))),
                  Long.parseLong(pair.substring(colon + 1)));
            } catch (RuntimeException e) {
              throw new MedallionException(
                  "Cannot read the Kafka offsets recorded as "
                      + key
                      + "="
                      + value
                      + ": expected partition:offset pairs separated by commas",
                  e);
            }
          }
        });
    return offsets;
  }

  /**
   * Writes offsets as summary entries.
   *
   * @param offsets the next offset of each partition
   * @return one entry per topic
   */
  public static Map<String, String> format(Map<TopicPartition, Long> offsets) {
    Map<String, Map<Integer, Long>> byTopic = new TreeMap<>();
    offsets.forEach(
        (partition, offset) ->
            byTopic
                .computeIfAbsent(partition.topic(), topic -> new TreeMap<>())
                .put(partition.partition(), offset));
    Map<String, String> entries = new LinkedHashMap<>();
    byTopic.forEach(
        (topic, partitions) ->
            entries.put(
                PREFIX + topic,
                partitions.entrySet().stream()
                    .map(entry -> entry.getKey() + ":" + entry.getValue())
                    .collect(Collectors.joining(","))));
    return entries;
  }
}
