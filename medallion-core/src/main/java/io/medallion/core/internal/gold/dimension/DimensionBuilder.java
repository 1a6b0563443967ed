package io.medallion.core.internal.gold.dimension;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.gold.GoldCommit;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.schema.Column;
import io.medallion.table.DimensionTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a dimension when its source has changed: reads the rows the dimension holds and the
 * source's snapshot, rebuilds every member (type 1: the latest source row; type 2: the versions
 * folded from both), and replaces the table only when some member's rows differ, recording the
 * source snapshot consumed. An unchanged source, or a change that alters no member, commits
 * nothing.
 *
 * <p>The work is per business key: an incremental run would read the keys the source's new and
 * deleted rows touch, load those members' rows, fold them the same way, and replace only their
 * rows.
 */
public final class DimensionBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(DimensionBuilder.class);

  private final TableStore store;

  /**
   * Creates a builder.
   *
   * @param store the tables
   */
  public DimensionBuilder(TableStore store) {
    this.store = store;
  }

  /**
   * Brings a dimension up to date.
   *
   * @param definition the dimension
   * @return what the run did
   */
  public TableRun process(DimensionTable definition) {
    Table dimension = store.ensure(TableLayouts.dimension(definition));
    Table source = store.load(definition.source().id());
    String sourceName = definition.source().id().toString();
    Snapshot head = source.currentSnapshot();
    if (head == null
        || Objects.equals(Lineage.consumed(dimension, sourceName), head.snapshotId())) {
      return TableRun.unchanged(definition.id(), Layer.GOLD);
    }
    Snapshot baseSnapshot = dimension.currentSnapshot();
    Long base = baseSnapshot == null ? null : baseSnapshot.snapshotId();
    int keyWidth = definition.businessKey().size();
    Members members =
        definition.history() == DimensionTable.History.TYPE_2
            ? new Type2Members(
                keyWidth, definition.tracked().size(), definition.attributes().size())
            : new Type1Members(keyWidth);
    Map<List<Object>, List<List<Object>>> stored = new HashMap<>();
    boolean unknownStored =
        base != null && readStored(definition, dimension, base, members, stored);
    long read = readSource(definition, source, head, members);
    Map<List<Object>, List<Object[]>> rebuilt = members.rows(new SurrogateKeys());

    Set<List<Object>> changed = changedMembers(stored, rebuilt);
    if (changed.isEmpty() && unknownStored) {
      LOG.info("{}: {} members, none changed", definition.id(), rebuilt.size());
      return new TableRun(definition.id(), Layer.GOLD, read, 0, 0, 0, 0, -1, List.of());
    }
    long replaced = changed.stream().mapToLong(k -> stored.getOrDefault(k, List.of()).size()).sum();
    List<DataFile> files;
    long written;
    try (RecordWriter writer = new RecordWriter(dimension)) {
      List<Column> columns = definition.columns();
      writer.write(record(dimension, columns, unknownMember(definition)));
      Set<Long> keys = new HashSet<>();
      for (List<Object> businessKey : DimensionRows.sorted(rebuilt.keySet())) {
        for (Object[] row : rebuilt.get(businessKey)) {
          checkUnique(definition, keys, businessKey, row);
          writer.write(record(dimension, columns, row));
        }
      }
      written = writer.rows();
      files = writer.finish();
    }
    Snapshot committed =
        GoldCommit.replaceAll(
            dimension, base, files, written, Map.of(sourceName, head.snapshotId()), Map.of());
    LOG.info(
        "{}: {} rows of {} read into {} members ({} changed), {} rows",
        definition.id(),
        read,
        sourceName,
        rebuilt.size(),
        changed.size(),
        written);
    return new TableRun(
        definition.id(),
        Layer.GOLD,
        read,
        written,
        0,
        0,
        replaced,
        committed.snapshotId(),
        List.of());
  }

  /** Reads the rows the dimension holds; returns whether the unknown member is among them. */
  private static boolean readStored(
      DimensionTable definition,
      Table dimension,
      long snapshot,
      Members members,
      Map<List<Object>, List<List<Object>>> stored) {
    List<Column> columns = definition.columns();
    int keyWidth = definition.businessKey().size();
    boolean unknown = false;
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(dimension).useSnapshot(snapshot).build()) {
      for (Record record : rows) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = record.getField(columns.get(i).name());
        }
        if (Objects.equals(row[0], DimensionTable.UNKNOWN_KEY)) {
          unknown = Arrays.equals(row, unknownMember(definition));
          continue;
        }
        List<Object> businessKey = Arrays.asList(Arrays.copyOfRange(row, 1, 1 + keyWidth));
        members.stored(businessKey, row);
        stored.computeIfAbsent(businessKey, k -> new ArrayList<>(1)).add(Arrays.asList(row));
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + definition.id() + ": " + e.getMessage(), e);
    }
    return unknown;
  }

  /** Streams the source columns the dimension needs; returns the rows read. */
  private static long readSource(
      DimensionTable definition, Table source, Snapshot head, Members members) {
    List<String> key = definition.businessKey();
    List<String> tracked = definition.tracked();
    List<String> attributes = definition.attributes();
    Set<String> select = new LinkedHashSet<>(key);
    select.addAll(tracked);
    select.addAll(attributes);
    select.add(definition.changedAt());
    long read = 0;
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(source)
            .useSnapshot(head.snapshotId())
            .select(List.copyOf(select))
            .build()) {
      for (Record row : rows) {
        read++;
        List<Object> businessKey = Arrays.asList(values(row, key));
        Long at = ChangeTimes.micros(row.getField(definition.changedAt()));
        if (at == null) {
          throw new MedallionException(
              definition.id()
                  + ": the source row with "
                  + DimensionRows.describeKey(key, businessKey)
                  + " has no change time in '"
                  + definition.changedAt()
                  + "'; every row needs one to be placed in the member's history");
        }
        members.observed(
            businessKey, new Observation(at, values(row, tracked), values(row, attributes)));
      }
    } catch (IOException e) {
      throw new MedallionException(
          "Cannot read " + definition.source().id() + ": " + e.getMessage(), e);
    }
    return read;
  }

  private static Object[] values(Record row, List<String> columns) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.getField(columns.get(i));
    }
    return values;
  }

  private static Set<List<Object>> changedMembers(
      Map<List<Object>, List<List<Object>>> stored, Map<List<Object>, List<Object[]>> rebuilt) {
    Set<List<Object>> changed = new HashSet<>();
    rebuilt.forEach(
        (businessKey, rows) -> {
          List<List<Object>> before = stored.get(businessKey);
          if (before == null || !before.equals(rows.stream().map(Arrays::asList).toList())) {
            changed.add(businessKey);
          }
        });
    for (List<Object> businessKey : stored.keySet()) {
      if (!rebuilt.containsKey(businessKey)) {
        changed.add(businessKey);
      }
    }
    return changed;
  }

  /** The unknown member: key -1, nothing known, and (type 2) current so that filters keep it. */
  private static Object[] unknownMember(DimensionTable definition) {
    Object[] row = new Object[definition.columns().size()];
    row[0] = DimensionTable.UNKNOWN_KEY;
    if (definition.history() == DimensionTable.History.TYPE_2) {
      row[row.length - 2] = true;
    }
    return row;
  }

  private static void checkUnique(
      DimensionTable definition, Set<Long> keys, List<Object> businessKey, Object[] row) {
    if (!keys.add((Long) row[0])) {
      throw new MedallionException(
          definition.id()
              + ": surrogate key "
              + row[0]
              + " of "
              + DimensionRows.describeKey(definition.businessKey(), businessKey)
              + " equals another member's (keys are 63-bit hashes); nothing was written");
    }
  }

  private static Record record(Table table, List<Column> columns, Object[] row) {
    Record record = GenericRecord.create(table.schema());
    for (int i = 0; i < row.length; i++) {
      record.setField(columns.get(i).name(), row[i]);
    }
    return record;
  }
}
