package io.medallion.kafka.internal;

import io.medallion.core.spi.MarkerConflictException;
import io.medallion.core.spi.SourceMarker;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The markers a batch commits. Bronze: the batch's partitions must stand in the table where the
 * batch started them (else another instance wrote them meanwhile: a zombie after a rebalance, or a
 * second consumer of the same range), and their offsets move to where the batch ended; other
 * partitions keep what other instances recorded. Dead letters: a partition's dead letters below the
 * recorded offset are already written, so a batch whose first dead letter lies below it conflicts.
 */
public final class OffsetMarkers {
  private OffsetMarkers() {}

  /**
   * The bronze marker of a batch.
   *
   * @param starts where the batch expected each partition to stand; null values for partitions the
   *     table has not recorded
   * @param ends the next offset of each partition after the batch
   * @return the marker
   */
  public static SourceMarker bronze(
      Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
    Map<TopicPartition, Long> expected = new HashMap<>(starts);
    Map<TopicPartition, Long> next = Map.copyOf(ends);
    return new Marker() {
      @Override
      public Map<String, String> entries(Map<String, String> recorded) {
        Map<TopicPartition, Long> current = RecordedOffsets.parse(recorded);
        for (Map.Entry<TopicPartition, Long> end : next.entrySet()) {
          TopicPartition partition = end.getKey();
          Long stands = current.get(partition);
          Long wanted = expected.get(partition);
          // A partition the table no longer records while the batch started from an offset is a
          // conflict too: the batch must not be merged onto whatever the table holds now.
          if (!Objects.equals(stands, wanted)) {
            throw new MarkerConflictException(
                partition
                    + " is recorded at offset "
                    + stands
                    + " but this batch started at "
                    + wanted
                    + ": another instance committed it; reading again from the table");
          }
        }
        Map<TopicPartition, Long> merged = new TreeMap<>(RecordedOffsets.ORDER);
        merged.putAll(current);
        merged.putAll(next);
        return withNote(RecordedOffsets.format(merged), recorded);
      }
    };
  }

  /**
   * The dead-letter marker of a batch.
   *
   * @param firstDeadLetters the offset of each partition's first dead letter in the batch
   * @param ends the next offset of each of those partitions after the batch
   * @return the marker
   */
  public static SourceMarker deadLetters(
      Map<TopicPartition, Long> firstDeadLetters, Map<TopicPartition, Long> ends) {
    Map<TopicPartition, Long> first = Map.copyOf(firstDeadLetters);
    Map<TopicPartition, Long> next = Map.copyOf(ends);
    return new Marker() {
      @Override
      public Map<String, String> entries(Map<String, String> recorded) {
        Map<TopicPartition, Long> current = RecordedOffsets.parse(recorded);
        Map<TopicPartition, Long> merged = new TreeMap<>(RecordedOffsets.ORDER);
        merged.putAll(current);
        for (Map.Entry<TopicPartition, Long> dead : first.entrySet()) {
          TopicPartition partition = dead.getKey();
          Long written = current.get(partition);
          if (written != null && written > dead.getValue()) {
            throw new MarkerConflictException(
                partition
                    + " has dead letters recorded up to offset "
                    + written
                    + " but this batch has one at "
                    + dead.getValue()
                    + ": another instance committed it; reading again from the table");
          }
          merged.merge(partition, next.get(partition), Math::max);
        }
        return withNote(RecordedOffsets.format(merged), recorded);
      }
    };
  }

  /**
   * Carries the note of the last offset move forward, so the newest snapshot always holds it (older
   * ones may expire) and a stream can tell that both tables saw the same move.
   */
  private static Map<String, String> withNote(
      Map<String, String> entries, Map<String, String> recorded) {
    String note = recorded.get(RecordedOffsets.NOTE);
    if (note == null) {
      return entries;
    }
    Map<String, String> noted = new LinkedHashMap<>(entries);
    noted.put(RecordedOffsets.NOTE, note);
    return noted;
  }

  private abstract static class Marker implements SourceMarker {
    @Override
    public String keyPrefix() {
      return RecordedOffsets.PREFIX;
    }
  }
}
