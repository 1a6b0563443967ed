package io.medallion.core.silver;

import io.medallion.MedallionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The outcome of comparing a batch with silver: existing rows to delete by position (they are
 * replaced by newer rows), and incoming rows that lose to a later existing row. Deletes are
 * positional, never equality deletes, so every Iceberg reader (Snowflake included) can apply them.
 */
final class Replacements {
  /** Incoming rows that an existing, later row of the same key beats. */
  final Set<SilverBatch.Kept> superseded = Collections.newSetFromMap(new IdentityHashMap<>());

  private final Map<String, Positions> positions = new LinkedHashMap<>();

  void delete(DataFile file, long position) {
    positions.computeIfAbsent(file.location(), path -> new Positions(file)).add(position);
  }

  /** The data files that receive deletes. */
  List<String> referencedFiles() {
    return List.copyOf(positions.keySet());
  }

  long deleted() {
    return positions.values().stream().mapToLong(p -> p.positions.size()).sum();
  }

  /** Writes one position-delete file per data file touched, in that file's partition. */
  List<DeleteFile> write(Table table) {
    if (positions.isEmpty()) {
      return List.of();
    }
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 0, System.nanoTime())
            .format(FileFormat.PARQUET)
            .build();
    List<DeleteFile> written = new ArrayList<>();
    for (Positions target : positions.values()) {
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
        target.positions.sort(null);
        for (long position : target.positions) {
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
    private final List<Long> positions = new ArrayList<>();

    Positions(DataFile file) {
      this.file = file;
    }

    void add(long position) {
      positions.add(position);
    }
  }
}
