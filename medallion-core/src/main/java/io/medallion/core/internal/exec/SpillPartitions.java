package io.medallion.core.internal.exec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records spilled to disk, split by the hash of their key into a fixed number of partition files,
 * so that all records of one key can later be brought back together while only one partition is in
 * memory. Within a partition, records come back in the order they were appended. The files live in
 * a fresh temporary folder that {@link #close()} deletes.
 *
 * <pre>{@code
 * try (SpillPartitions spill = SpillPartitions.create(tmp, "keys", 128)) {
 *   DataOutput out = spill.append(key);
 *   SpillValues.write(out, key);
 *   for (int p = 0; p < spill.partitions(); p++) {
 *     spill.read(p, in -> process(SpillValues.read(in)));
 *   }
 * }
 * }</pre>
 */
public final class SpillPartitions implements AutoCloseable {
  private static final int BUFFER_BYTES = 32 * 1024;

  private final Path directory;
  private final DataOutputStream[] outputs;
  private final long[] counts;

  /** Reads one record back; called once per record appended to the partition. */
  @FunctionalInterface
  public interface RecordReader {
    /**
     * Reads one record.
     *
     * @param in the partition file, positioned at the record
     * @throws IOException when reading fails
     */
    void read(DataInput in) throws IOException;
  }

  private SpillPartitions(Path directory, int partitions) {
    this.directory = directory;
    this.outputs = new DataOutputStream[partitions];
    this.counts = new long[partitions];
  }

  /**
   * Creates an empty set of partition files in a new folder.
   *
   * @param root the folder to create it in (e.g. {@code java.io.tmpdir})
   * @param name a prefix for the folder's name
   * @param partitions how many partitions keys are spread over
   * @return the spill, empty
   * @throws UncheckedIOException when the folder cannot be created
   */
  public static SpillPartitions create(Path root, String name, int partitions) {
    try {
      Files.createDirectories(root);
      return new SpillPartitions(Files.createTempDirectory(root, name + "-"), partitions);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a spill folder in " + root, e);
    }
  }

  /**
   * Returns the partition of a key: keys that are equal share one.
   *
   * @param key the key, not null
   * @param partitions how many partitions there are
   * @return from 0 to {@code partitions - 1}
   */
  public static int partitionOf(Object key, int partitions) {
    // A different mix than HashMap's, so a partition's keys still spread over its map's buckets.
    int hash = key.hashCode() * 0x9E3779B9;
    return Math.floorMod(hash ^ (hash >>> 15), partitions);
  }

  /**
   * Returns how many partitions there are.
   *
   * @return the count
   */
  public int partitions() {
    return outputs.length;
  }

  /**
   * Starts a record in the partition of its key; the caller writes the record's fields next.
   *
   * @param key the record's key
   * @return the partition file to write the record to
   * @throws IOException when the file cannot be opened
   */
  public DataOutput append(Object key) throws IOException {
    int partition = partitionOf(key, outputs.length);
    DataOutputStream out = outputs[partition];
    if (out == null) {
      out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(file(partition)), BUFFER_BYTES));
      outputs[partition] = out;
    }
    counts[partition]++;
    return out;
  }

  /**
   * Reads a partition's records back in the order they were appended. Appending after reading
   * started is not allowed.
   *
   * @param partition the partition
   * @param reader called once per record
   * @throws IOException when reading fails
   */
  public void read(int partition, RecordReader reader) throws IOException {
    DataOutputStream out = outputs[partition];
    if (out == null) {
      return;
    }
    out.close();
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(Files.newInputStream(file(partition)), BUFFER_BYTES))) {
      for (long i = 0; i < counts[partition]; i++) {
        reader.read(in);
      }
    }
  }

  /** Closes and deletes every partition file and the folder. */
  @Override
  public void close() {
    IOException failure = null;
    for (int partition = 0; partition < outputs.length; partition++) {
      try {
        if (outputs[partition] != null) {
          outputs[partition].close();
        }
        Files.deleteIfExists(file(partition));
      } catch (IOException e) {
        failure = e;
      }
    }
    try {
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      failure = e;
    }
    if (failure != null) {
      throw new UncheckedIOException("Cannot delete spill files in " + directory, failure);
    }
  }

  private Path file(int partition) {
    return directory.resolve(partition + ".spill");
  }
}
