package io.medallion.core.internal.silver;

import io.medallion.MedallionException;
import io.medallion.core.internal.exec.SpillPartitions;
import io.medallion.core.internal.exec.SpillValues;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.iceberg.DataFile;

/**
 * The latest row of each de-duplication key of a batch, in bounded memory. Up to {@code
 * keysInMemory} keys are held in a map; past that, the map is spilled to hash-partitioned files on
 * disk and emptied, so a key may then have one entry per spill. {@link #resolve} brings the entries
 * of one partition back at a time, keeps each key's latest, and compares it with the existing
 * silver rows of that partition (spilled the same way), so memory holds one partition, not every
 * key.
 *
 * <p>The outcome does not depend on spilling: a key's entries come back in the order they were
 * kept, and ties keep the earlier one, as the in-memory comparison does.
 */
final class LatestByKey implements AutoCloseable {
  /** Enough that a partition of 100 million keys fits in a few hundred MiB. */
  static final int PARTITIONS = 128;

  private final int keysInMemory;
  private final Path spillRoot;
  private final Map<Object, Kept> memory = new HashMap<>();
  private final List<String> paths = new ArrayList<>();
  private final Map<String, Integer> pathIndexes = new HashMap<>();
  private SpillPartitions spilled;
  private SpillPartitions existingSpill;
  private long spills;

  /**
   * An existing, live silver row of a key, with where it is for a positional delete.
   *
   * @param key its de-duplication key
   * @param order its order column value ({@link Kept#orderKey}), or null
   * @param ingestedMicros when it was ingested
   * @param file its data file
   * @param position its position in that file
   * @param hash its {@link RowHash}, or null for a row stored before rows had one
   */
  record Existing(
      Object key, Object order, long ingestedMicros, DataFile file, long position, Long hash) {}

  /** The existing silver rows that have a key, read once. */
  @FunctionalInterface
  interface ExistingRows {
    void forEach(Consumer<Existing> sink);
  }

  LatestByKey(int keysInMemory, Path spillRoot) {
    this.keysInMemory = keysInMemory;
    this.spillRoot = spillRoot;
  }

  /** The key's latest row among those kept since the last spill, or null. */
  Kept get(Object key) {
    return memory.get(key);
  }

  void put(Object key, Kept kept) {
    memory.put(key, kept);
    if (memory.size() >= keysInMemory) {
      spill();
    }
  }

  boolean isEmpty() {
    return memory.isEmpty() && spilled == null;
  }

  /** How many times the map was spilled to disk. */
  long spills() {
    return spills;
  }

  /**
   * Settles every key: in-batch losers found across spills, and the comparison with existing rows.
   * Deletes go to {@code replacements}; every key's surviving row is given to {@code datasetRows}.
   *
   * @param existing the existing rows, or null when silver is empty
   * @param ordered whether the table orders by a column
   * @return how many rows lost to a later row of the batch that had been spilled (duplicates the
   *     in-memory comparison could not see)
   */
  long resolve(
      ExistingRows existing, boolean ordered, Replacements replacements, DatasetRows datasetRows) {
    Resolution resolution = new Resolution(ordered, replacements, datasetRows);
    if (spilled == null) {
      resolution.probeAll(memory, existing);
      return 0;
    }
    try {
      spill();
      List<DataFile> files = new ArrayList<>();
      if (existing != null) {
        existingSpill = SpillPartitions.create(spillRoot, "medallion-existing-keys", PARTITIONS);
        Map<String, Integer> fileIndexes = new HashMap<>();
        existing.forEach(row -> spillExisting(row, files, fileIndexes));
      }
      long merged = 0;
      for (int partition = 0; partition < PARTITIONS; partition++) {
        Map<Object, Kept> latest = new HashMap<>();
        long[] duplicates = new long[1];
        spilled.read(partition, in -> duplicates[0] += merge(latest, in, replacements));
        merged += duplicates[0];
        int current = partition;
        resolution.probeAll(
            latest,
            existingSpill == null
                ? null
                : sink -> readExisting(existingSpill, current, files, sink));
      }
      return merged;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the de-duplication spill", e);
    }
  }

  /** Deletes the spill files. */
  @Override
  public void close() {
    for (SpillPartitions spill : new SpillPartitions[] {spilled, existingSpill}) {
      if (spill != null) {
        spill.close();
      }
    }
    spilled = null;
    existingSpill = null;
  }

  private void spill() {
    if (spilled == null) {
      spilled = SpillPartitions.create(spillRoot, "medallion-keys", PARTITIONS);
    }
    try {
      for (Map.Entry<Object, Kept> entry : memory.entrySet()) {
        Kept kept = entry.getValue();
        DataOutput out = spilled.append(entry.getKey());
        SpillValues.write(out, entry.getKey());
        SpillValues.write(out, kept.order());
        out.writeLong(kept.ingestedMicros());
        out.writeLong(kept.sequence());
        out.writeInt(pathIndex(kept.path()));
        out.writeLong(kept.position());
        out.writeLong(kept.hash());
        Object[] values = kept.datasetValues();
        out.writeInt(values == null ? -1 : values.length);
        if (values != null) {
          for (Object value : values) {
            SpillValues.write(out, value);
          }
        }
      }
    } catch (IOException e) {
      throw new MedallionException(
          "Cannot spill de-duplication keys to " + spillRoot + ": " + e.getMessage(), e);
    }
    memory.clear();
    spills++;
  }

  /** Reads one spilled entry into the partition's map; returns 1 when it was a duplicate. */
  private long merge(Map<Object, Kept> latest, DataInput in, Replacements replacements)
      throws IOException {
    Object key = SpillValues.read(in);
    Object order = SpillValues.read(in);
    long ingested = in.readLong();
    long sequence = in.readLong();
    String path = paths.get(in.readInt());
    long position = in.readLong();
    long hash = in.readLong();
    int valueCount = in.readInt();
    Object[] values = valueCount < 0 ? null : new Object[valueCount];
    for (int i = 0; i < valueCount; i++) {
      values[i] = SpillValues.read(in);
    }
    Kept kept = new Kept(order, ingested, sequence, path, position, hash, values);
    Kept previous = latest.get(key);
    if (previous == null) {
      latest.put(key, kept);
      return 0;
    }
    if (kept.isLaterThan(previous)) {
      replacements.deleteIncoming(previous.path(), previous.position());
      latest.put(key, kept);
    } else {
      replacements.deleteIncoming(path, position);
    }
    return 1;
  }

  private void spillExisting(Existing row, List<DataFile> files, Map<String, Integer> indexes) {
    try {
      Integer index = indexes.get(row.file().location());
      if (index == null) {
        index = files.size();
        files.add(row.file());
        indexes.put(row.file().location(), index);
      }
      DataOutput out = existingSpill.append(row.key());
      SpillValues.write(out, row.key());
      SpillValues.write(out, row.order());
      out.writeLong(row.ingestedMicros());
      out.writeInt(index);
      out.writeLong(row.position());
      SpillValues.write(out, row.hash());
    } catch (IOException e) {
      throw new MedallionException(
          "Cannot spill existing keys to " + spillRoot + ": " + e.getMessage(), e);
    }
  }

  private static void readExisting(
      SpillPartitions spill, int partition, List<DataFile> files, Consumer<Existing> sink) {
    try {
      spill.read(
          partition,
          in ->
              sink.accept(
                  new Existing(
                      SpillValues.read(in),
                      SpillValues.read(in),
                      in.readLong(),
                      files.get(in.readInt()),
                      in.readLong(),
                      (Long) SpillValues.read(in))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the existing-keys spill", e);
    }
  }

  private int pathIndex(String path) {
    return pathIndexes.computeIfAbsent(
        path,
        added -> {
          paths.add(added);
          return paths.size() - 1;
        });
  }

  /** Compares one partition's latest rows with the existing rows of the same keys. */
  private static final class Resolution {
    private final boolean ordered;
    private final Replacements replacements;
    private final DatasetRows datasetRows;

    Resolution(boolean ordered, Replacements replacements, DatasetRows datasetRows) {
      this.ordered = ordered;
      this.replacements = replacements;
      this.datasetRows = datasetRows;
    }

    void probeAll(Map<Object, Kept> latest, ExistingRows existing) {
      Set<Kept> superseded = Collections.newSetFromMap(new IdentityHashMap<>());
      if (existing != null && !latest.isEmpty()) {
        existing.forEach(
            row -> {
              Kept incoming = latest.get(row.key());
              if (incoming == null || superseded.contains(incoming)) {
                return;
              }
              if (!incoming.winsOver(row.order(), row.ingestedMicros(), ordered)
                  // The same values: the stored row stays rather than being rewritten.
                  || Objects.equals(row.hash(), incoming.hash())) {
                superseded.add(incoming);
                replacements.supersede(incoming);
              } else {
                replacements.deleteExisting(row.file(), row.position());
              }
            });
      }
      for (Kept kept : latest.values()) {
        if (!superseded.contains(kept)) {
          datasetRows.addKeyed(kept.datasetValues());
        }
      }
    }
  }
}
