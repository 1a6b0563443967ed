package io.medallion.kafka.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Where each partition stands for the batch being built: the offset the table records (the batch's
 * start), the next offset after the last message added (its end), its first dead letter, and the
 * offset below which the dead-letter table already holds this partition's dead letters.
 */
public final class BatchPositions {
  private final Map<TopicPartition, Long> recorded = new HashMap<>();
  private final Map<TopicPartition, Long> deadLettersWritten = new HashMap<>();
  private final Map<TopicPartition, Long> ends = new HashMap<>();
  private final Map<TopicPartition, Long> firstDeadLetters = new HashMap<>();
  private long newestTimestamp = Long.MIN_VALUE;

  /**
   * Starts over from what the tables record, forgetting the batch.
   *
   * @param bronze the offsets bronze records
   * @param deadLetters the offsets below which dead letters are written
   */
  public void reset(Map<TopicPartition, Long> bronze, Map<TopicPartition, Long> deadLetters) {
    recorded.clear();
    recorded.putAll(bronze);
    deadLettersWritten.clear();
    deadLettersWritten.putAll(deadLetters);
    clearBatch();
  }

  /**
   * Returns the offset the table records for a partition.
   *
   * @param partition the partition
   * @return the next offset to read, or null when none is recorded
   */
  public Long recorded(TopicPartition partition) {
    return recorded.get(partition);
  }

  /**
   * Tells whether the table records offsets of a topic: a partition of it that has none was added
   * to the topic later, and all its messages are new to the table.
   *
   * @param topic the topic
   * @return true when some partition of the topic is recorded
   */
  public boolean records(String topic) {
    for (TopicPartition partition : recorded.keySet()) {
      if (partition.topic().equals(topic)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether a message's dead letters, if it has any, are already written.
   *
   * @param partition its partition
   * @param offset its offset
   * @return true below the dead-letter table's recorded offset
   */
  public boolean deadLettersWritten(TopicPartition partition, long offset) {
    Long written = deadLettersWritten.get(partition);
    return written != null && offset < written;
  }

  /**
   * Notes a message added to the batch.
   *
   * @param partition its partition
   * @param offset its offset
   * @param timestamp its timestamp in epoch milliseconds, or negative for none
   */
  public void added(TopicPartition partition, long offset, long timestamp) {
    ends.put(partition, offset + 1);
    newestTimestamp = Math.max(newestTimestamp, timestamp);
  }

  /**
   * Notes that a message added to the batch produced a dead letter.
   *
   * @param partition its partition
   * @param offset its offset
   */
  public void deadLetter(TopicPartition partition, long offset) {
    firstDeadLetters.putIfAbsent(partition, offset);
  }

  /**
   * Notes a partition's position moved without a message (transaction markers, compacted gaps): the
   * batch records it so the stream does not read the gap again.
   *
   * @param partition the partition
   * @param position the consumer's position
   */
  public void movedTo(TopicPartition partition, long position) {
    Long current = ends.containsKey(partition) ? ends.get(partition) : recorded.get(partition);
    if (current == null || position > current) {
      ends.put(partition, position);
    }
  }

  /**
   * Tells whether the batch has anything to commit.
   *
   * @return true when a partition moved
   */
  public boolean isEmpty() {
    return ends.isEmpty();
  }

  /**
   * Returns where the batch's partitions started.
   *
   * @return the start of each partition in the batch (null values where none was recorded)
   */
  public Map<TopicPartition, Long> starts() {
    Map<TopicPartition, Long> starts = new HashMap<>();
    ends.keySet().forEach(partition -> starts.put(partition, recorded.get(partition)));
    return starts;
  }

  /**
   * Returns where the batch's partitions end.
   *
   * @return the next offset of each partition in the batch
   */
  public Map<TopicPartition, Long> ends() {
    return Map.copyOf(ends);
  }

  /**
   * Returns the first dead letter of each partition in the batch.
   *
   * @return offsets by partition
   */
  public Map<TopicPartition, Long> firstDeadLetters() {
    return Map.copyOf(firstDeadLetters);
  }

  /**
   * Returns the end of the partitions that have dead letters in the batch.
   *
   * @return offsets by partition
   */
  public Map<TopicPartition, Long> deadLetterEnds() {
    Map<TopicPartition, Long> deadEnds = new HashMap<>();
    firstDeadLetters.keySet().forEach(partition -> deadEnds.put(partition, ends.get(partition)));
    return deadEnds;
  }

  /**
   * Returns the newest message timestamp in the batch.
   *
   * @return epoch milliseconds, or {@code Long.MIN_VALUE} when none had one
   */
  public long newestTimestamp() {
    return newestTimestamp;
  }

  /** The batch committed: its ends are what the tables now record. */
  public void committed() {
    recorded.putAll(ends);
    firstDeadLetters.forEach(
        (partition, offset) -> deadLettersWritten.merge(partition, ends.get(partition), Math::max));
    clearBatch();
  }

  /**
   * Forgets partitions no longer assigned.
   *
   * @param partitions the partitions
   */
  public void forget(Set<TopicPartition> partitions) {
    partitions.forEach(
        partition -> {
          recorded.remove(partition);
          deadLettersWritten.remove(partition);
        });
  }

  private void clearBatch() {
    ends.clear();
    firstDeadLetters.clear();
    newestTimestamp = Long.MIN_VALUE;
  }
}
