package io.medallion.core.internal.silver;

import io.medallion.MedallionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * The rows a batch deletes by position: existing silver rows replaced by newer ones, and rows the
 * batch itself wrote that lost (to a later row of the same batch, or to a later existing row).
 * Deletes are positional, never equality deletes, so every Iceberg reader (Snowflake included) can
 * apply them. Positions are held as primitive longs: a batch may delete millions.
 */
final class Replacements {
  private final Map<String, Positions> existing = new LinkedHashMap<>();
  private final Map<String, Positions> incoming = new HashMap<>();
  private long superseded;

  /** Deletes an existing row that an incoming row replaces. */
  void deleteExisting(DataFile file, long position) {
    existing.computeIfAbsent(file.location(), path -> new Positions(file)).add(position);
  }

  /** Deletes a row this batch wrote that lost to a later row of its own batch. */
  void deleteIncoming(String path, long position) {
    incoming.computeIfAbsent(path, ignored -> new Positions(null)).add(position);
  }

  /** Deletes a row this batch wrote that lost to a later existing row. */
  void supersede(Kept row) {
    superseded++;
    deleteIncoming(row.path(), row.position());
  }

  /**
   * Forgets the new data files whose every row is deleted (all lost, e.g. identical to stored
   * rows), so that the commit adds neither them nor their deletes.
   *
   * @param added the batch's new data files by location; the emptied ones are removed
   * @return the emptied files
   */
  List<DataFile> dropEmptied(Map<String, DataFile> added) {
    List<DataFile> emptied = new ArrayList<>();
    added
        .values()
        .removeIf(
            file -> {
              Positions deleted = incoming.get(file.location());
              if (deleted == null || deleted.distinct() < file.recordCount()) {
                return false;
              }
              incoming.remove(file.location());
              emptied.add(file);
              return true;
            });
    return emptied;
  }

  /** How many incoming rows lost to existing rows. */
  long superseded() {
    return superseded;
  }

  /** How many existing rows are replaced. */
  long replaced() {
    return existing.values().stream().mapToLong(p -> p.size).sum();
  }

  /** The existing data files that receive deletes. */
  List<String> referencedFiles() {
    return List.copyOf(existing.keySet());
  }

  /**
   * Writes one position-delete file per data file touched, in that file's partition.
   *
   * @param table the silver table
   * @param added the batch's new data files by location
   */
  List<DeleteFile> write(Table table, Map<String, DataFile> added) {
    Map<String, Positions> all = new LinkedHashMap<>(existing);
    incoming.forEach((path, positions) -> all.put(path, positions.of(added.get(path))));
    if (all.isEmpty()) {
      return List.of();
    }
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 0, System.nanoTime())
            .format(FileFormat.PARQUET)
            .build();
    List<DeleteFile> written = new ArrayList<>();
    for (Positions target : all.values()) {
      DataFile file = target.file;
      // The delete file must carry the spec of the data file it points at, which may be older.
      PartitionSpec spec = table.specs().get(file.specId());
      GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), spec);
      factory.setAll(table.properties());
      PositionDeleteWriter<Record> writer =
          factory.newPosDeleteWriter(
              spec.isPartitioned()
                  ? files.newOutputFile(spec, file.partition())
                  : files.newOutputFile(),
              FileFormat.PARQUET,
              file.partition());
      PositionDelete<Record> delete = PositionDelete.create();
      try (writer) {
        for (long position : target.sorted()) {
          writer.write(delete.set(file.location(), position, null));
        }
      } catch (IOException e) {
        throw new MedallionException(
            "Cannot write position deletes for " + file.location() + ": " + e.getMessage(), e);
      }
      written.add(writer.toDeleteFile());
    }
    return written;
  }

  private static final class Positions {
    private final DataFile file;
    private long[] values = new long[16];
    private int size;

    Positions(DataFile file) {
      this.file = file;
    }

    void add(long position) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = position;
    }

    Positions of(DataFile target) {
      Positions copy = new Positions(target);
      copy.values = values;
      copy.size = size;
      return copy;
    }

    long distinct() {
      return Arrays.stream(sorted()).distinct().count();
    }

    long[] sorted() {
      long[] positions = Arrays.copyOf(values, size);
      Arrays.sort(positions);
      return positions;
    }
  }
}
