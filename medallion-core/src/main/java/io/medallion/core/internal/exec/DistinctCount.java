package io.medallion.core.internal.exec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts the distinct keys among those added, exactly and in bounded memory. Up to {@code
 * keysInMemory} distinct keys are held in a set; past that, the set is spilled to hash-partitioned
 * files and emptied. Counting then brings one partition back at a time: equal keys share a
 * partition, so the sum of each partition's distinct keys is the total.
 *
 * <pre>{@code
 * try (DistinctCount count = new DistinctCount(1_000_000, tmp, "unique-id")) {
 *   rows.forEach(row -> count.add(List.of(row.id())));
 *   long duplicates = count.added() - count.distinct();
 * }
 * }</pre>
 */
public final class DistinctCount implements AutoCloseable {
  /** As for de-duplication keys: a partition of 100 million keys fits in a few hundred MiB. */
  private static final int PARTITIONS = 128;

  private final int keysInMemory;
  private final Path spillRoot;
  private final String name;
  private final Set<List<Object>> memory = new HashSet<>();
  private SpillPartitions spilled;
  private long added;
  private long spills;
  private long distinct = -1;

  /**
   * Creates an empty count.
   *
   * @param keysInMemory distinct keys held before spilling, at least 1
   * @param spillRoot the folder spill files are created in
   * @param name a prefix for the spill folder's name
   * @throws IllegalArgumentException when {@code keysInMemory} is below 1
   */
  public DistinctCount(int keysInMemory, Path spillRoot, String name) {
    if (keysInMemory < 1) {
      throw new IllegalArgumentException("keysInMemory must be at least 1, got " + keysInMemory);
    }
    this.keysInMemory = keysInMemory;
    this.spillRoot = spillRoot;
    this.name = name;
  }

  /**
   * Adds one key. Its values must be primitive column values ({@link SpillValues}).
   *
   * @param key the key's values, nulls allowed
   * @throws UncheckedIOException when the spill cannot be written
   * @throws IllegalStateException after {@link #distinct()}
   */
  public void add(List<Object> key) {
    if (distinct >= 0) {
      throw new IllegalStateException("Keys were already counted; no more can be added");
    }
    added++;
    if (memory.add(key) && memory.size() >= keysInMemory) {
      spill();
    }
  }

  /**
   * Returns how many keys were added, equal or not.
   *
   * @return the count
   */
  public long added() {
    return added;
  }

  /**
   * Returns how many times the keys in memory were spilled to disk.
   *
   * @return the count
   */
  public long spills() {
    return spills;
  }

  /**
   * Counts the distinct keys. With spilled keys, this reads every partition back once; the count is
   * then final and no more keys may be added.
   *
   * @return the count
   * @throws UncheckedIOException when the spill cannot be read
   */
  public long distinct() {
    if (distinct >= 0) {
      return distinct;
    }
    if (spilled == null) {
      distinct = memory.size();
      return distinct;
    }
    spill();
    long total = 0;
    try {
      for (int partition = 0; partition < PARTITIONS; partition++) {
        Set<List<Object>> keys = new HashSet<>();
        spilled.read(partition, in -> keys.add(readKey(in)));
        total += keys.size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the distinct-count spill in " + spillRoot, e);
    }
    distinct = total;
    return distinct;
  }

  /** Deletes the spill files. */
  @Override
  public void close() {
    if (spilled != null) {
      spilled.close();
      spilled = null;
    }
  }

  private void spill() {
    if (spilled == null) {
      spilled = SpillPartitions.create(spillRoot, name, PARTITIONS);
    }
    try {
      for (List<Object> key : memory) {
        DataOutput out = spilled.append(key);
        out.writeInt(key.size());
        for (Object value : key) {
          SpillValues.write(out, value);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot spill distinct keys to " + spillRoot, e);
    }
    memory.clear();
    spills++;
  }

  private static List<Object> readKey(DataInput in) throws IOException {
    int size = in.readInt();
    List<Object> key = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      key.add(SpillValues.read(in));
    }
    return key;
  }
}
