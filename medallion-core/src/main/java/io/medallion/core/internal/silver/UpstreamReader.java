package io.medallion.core.internal.silver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.MedallionException;
import io.medallion.core.internal.bronze.IngestedRecord;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.util.Utf8;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericDeleteFilter;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Reads the upstream rows a silver run consumes, as JSON objects with lineage: bronze payloads
 * appended in a snapshot range, or the silver rows added in a snapshot range and still live at its
 * end.
 */
final class UpstreamReader {
  private final ObjectMapper json;

  UpstreamReader(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Reads bronze rows appended after {@code from} (exclusive) up to {@code to} (inclusive): the
   * data files those append snapshots added, oldest first, or the whole table as of {@code to} when
   * silver has consumed nothing yet. Bronze is append-only, so added files are read as they are.
   */
  long readBronze(Table bronze, Long from, long to, Consumer<SourceRow> sink) {
    Schema projection =
        bronze
            .schema()
            .select(
                BronzeTable.BATCH_ID,
                BronzeTable.INGESTED_AT,
                BronzeTable.SOURCE_COORDINATE,
                BronzeTable.SOURCE_NAME,
                BronzeTable.RECORD_INDEX,
                BronzeTable.PAYLOAD);
    long sequence = 0;
    if (from == null) {
      try (CloseableIterable<Record> rows =
          IcebergGenerics.read(bronze).useSnapshot(to).project(projection).build()) {
        for (Record row : rows) {
          sink.accept(bronzeRow(row, sequence++));
        }
      } catch (IOException e) {
        throw new MedallionException("Cannot read " + bronze.name() + ": " + e.getMessage(), e);
      }
      return sequence;
    }
    List<DataFile> added = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks =
        bronze.newIncrementalAppendScan().fromSnapshotExclusive(from).toSnapshot(to).planFiles()) {
      tasks.forEach(task -> added.add(task.file()));
    } catch (IOException e) {
      throw new MedallionException("Cannot plan " + bronze.name() + ": " + e.getMessage(), e);
    }
    // In commit order, as a full scan would read them.
    added.sort(
        Comparator.comparing(
            DataFile::dataSequenceNumber, Comparator.nullsFirst(Comparator.naturalOrder())));
    for (DataFile file : added) {
      try (CloseableIterable<Record> rows = ExistingRows.read(bronze, file, projection)) {
        for (Record row : rows) {
          sink.accept(bronzeRow(row, sequence++));
        }
      } catch (IOException e) {
        throw new MedallionException("Cannot read " + file.location() + ": " + e.getMessage(), e);
      }
    }
    return sequence;
  }

  private SourceRow bronzeRow(Record row, long sequence) {
    Long index = (Long) row.getField(BronzeTable.RECORD_INDEX);
    return bronzeRow(
        json,
        (CharSequence) row.getField(BronzeTable.PAYLOAD),
        (String) row.getField(BronzeTable.BATCH_ID),
        (OffsetDateTime) row.getField(BronzeTable.INGESTED_AT),
        row.getField(BronzeTable.SOURCE_NAME) + " " + row.getField(BronzeTable.SOURCE_COORDINATE),
        index == null ? sequence : index);
  }

  /**
   * One bronze record as silver reads it, whether read back from bronze or handed over by the
   * ingestion that wrote it: the payload parsed (from its UTF-8 bytes when it is a {@link Utf8}),
   * or the reason it does not parse.
   */
  static SourceRow bronzeRow(
      ObjectMapper json,
      CharSequence payload,
      String batchId,
      OffsetDateTime ingestedAt,
      String coordinate,
      long sequence) {
    JsonNode record = null;
    String error = null;
    try {
      record =
          payload instanceof Utf8 bytes
              ? json.readTree(bytes.getBytes(), 0, bytes.getByteLength())
              : json.readTree(payload.toString());
      if (record == null || !record.isObject()) {
        error = "bronze payload is not a JSON object";
        record = null;
      }
    } catch (JsonProcessingException e) {
      error = "bronze payload is not valid JSON: " + e.getOriginalMessage();
    } catch (IOException e) {
      throw new MedallionException("Cannot parse the payload at " + coordinate, e);
    }
    return new SourceRow(record, error, batchId, ingestedAt, coordinate, sequence);
  }

  /** One record an ingestion wrote, as silver reads it. */
  static SourceRow ingestedRow(ObjectMapper json, IngestedRecord record) {
    return bronzeRow(
        json,
        record.payload(),
        record.batchId(),
        record.ingestedAt(),
        record.sourceName() + " " + record.coordinate(),
        record.index());
  }

  /**
   * Reads the silver rows a downstream silver table has not consumed, each as a JSON object: the
   * rows added after {@code from} (exclusive) up to {@code to} (inclusive) that are still live at
   * {@code to}, oldest first. A row the upstream replaced comes with its replacement, which is an
   * added row, so the downstream key is updated as a full re-read would update it. Compactions
   * ({@code replace} snapshots) add the same rows again and are skipped. The whole table as of
   * {@code to} is read when nothing was consumed yet, or when {@code from} is no longer an ancestor
   * of {@code to} (expired or rolled back), since the changes cannot then be told apart.
   */
  long readSilver(Table silver, Long from, long to, Consumer<SourceRow> sink) {
    if (from == null || !SnapshotUtil.isAncestorOf(silver, to, from)) {
      try (CloseableIterable<Record> rows = IcebergGenerics.read(silver).useSnapshot(to).build()) {
        return readSilverRows(silver, rows, 0, sink);
      } catch (IOException e) {
        throw new MedallionException("Cannot read " + silver.name() + ": " + e.getMessage(), e);
      }
    }
    Set<String> added = new HashSet<>();
    for (Snapshot snapshot : SnapshotUtil.ancestorsBetween(silver, to, from)) {
      if (!DataOperations.REPLACE.equals(snapshot.operation())) {
        Lineage.addedDataFiles(silver, snapshot).forEach(file -> added.add(file.location()));
      }
    }
    if (added.isEmpty()) {
      return 0;
    }
    List<FileScanTask> tasks = new ArrayList<>();
    try (CloseableIterable<FileScanTask> planned = silver.newScan().useSnapshot(to).planFiles()) {
      planned.forEach(
          task -> {
            if (added.contains(task.file().location())) {
              tasks.add(task);
            }
          });
    } catch (IOException e) {
      throw new MedallionException("Cannot plan " + silver.name() + ": " + e.getMessage(), e);
    }
    // In commit order, as a full scan would read them.
    tasks.sort(
        Comparator.comparing(
            (FileScanTask task) -> task.file().dataSequenceNumber(),
            Comparator.nullsFirst(Comparator.naturalOrder())));
    long sequence = 0;
    for (FileScanTask task : tasks) {
      GenericDeleteFilter deletes =
          new GenericDeleteFilter(silver.io(), task, silver.schema(), silver.schema());
      try (CloseableIterable<Record> rows =
          deletes.filter(ExistingRows.read(silver, task.file(), deletes.requiredSchema()))) {
        sequence = readSilverRows(silver, rows, sequence, sink);
      } catch (IOException e) {
        throw new MedallionException(
            "Cannot read " + task.file().location() + ": " + e.getMessage(), e);
      }
    }
    return sequence;
  }

  /** Feeds silver rows (the table's columns first) as JSON objects; returns the next sequence. */
  private static long readSilverRows(
      Table silver, Iterable<Record> rows, long sequence, Consumer<SourceRow> sink) {
    List<Types.NestedField> fields = silver.schema().columns();
    long next = sequence;
    for (Record row : rows) {
      ObjectNode record = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < fields.size(); i++) {
        record.set(fields.get(i).name(), toJson(row.get(i)));
      }
      sink.accept(
          new SourceRow(
              record,
              null,
              (String) row.getField(SilverTable.LINEAGE_BATCH_ID),
              (OffsetDateTime) row.getField(SilverTable.LINEAGE_INGESTED_AT),
              (String) row.getField(SilverTable.LINEAGE_COORDINATE),
              next++));
    }
    return next;
  }

  static JsonNode toJson(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value == null) {
      return nodes.nullNode();
    } else if (value instanceof String text) {
      return nodes.textNode(text);
    } else if (value instanceof Integer number) {
      return nodes.numberNode(number);
    } else if (value instanceof Long number) {
      return nodes.numberNode(number);
    } else if (value instanceof Double number) {
      return nodes.numberNode(number);
    } else if (value instanceof BigDecimal number) {
      return nodes.numberNode(number);
    } else if (value instanceof Boolean flag) {
      return nodes.booleanNode(flag);
    } else if (value instanceof java.time.OffsetDateTime timestamp) {
      // Always with seconds, so the text reads back exactly (toString drops ":00").
      return nodes.textNode(
          timestamp.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } else if (value instanceof List<?> list) {
      ArrayNode array = nodes.arrayNode();
      list.forEach(element -> array.add(toJson(element)));
      return array;
    }
    return nodes.textNode(value.toString());
  }
}
