package io.medallion.core.internal.gold.dimension;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.gold.GoldCommit;
import io.medallion.core.internal.gold.GoldModes;
import io.medallion.core.internal.gold.SourceChanges;
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
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
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
 * <p>The work is per business key, so a run is incremental when it can: it takes the business keys
 * of the rows the source appended and removed since the consumed snapshot ({@link SourceChanges}),
 * loads only those members' stored rows and live source rows (a filter on the business key), folds
 * them exactly as a full rebuild does, and replaces only the rows of members that changed
 * (positional deletes and a new file). It rebuilds in full on the first run, when the table
 * property {@value GoldModes#MODE} is {@code full}, when the definition changed, and when the
 * source's history since the consumed snapshot is not appends and positional deletes.
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
    Long consumed = Lineage.consumed(dimension, sourceName);
    if (head == null || Objects.equals(consumed, head.snapshotId())) {
      return TableRun.unchanged(definition.id(), Layer.GOLD);
    }
    Snapshot baseSnapshot = dimension.currentSnapshot();
    Long base = baseSnapshot == null ? null : baseSnapshot.snapshotId();
    String print = print(definition);
    if (base != null && GoldModes.incremental(dimension, print)) {
      Optional<SourceChanges> changes = SourceChanges.between(source, consumed, head);
      if (changes.isPresent()) {
        return new IncrementalDimension(definition, dimension, source, head, print)
            .process(base, changes.get());
      }
    }
    Members members = members(definition);
    Map<List<Object>, List<List<Object>>> stored = new HashMap<>();
    boolean unknownStored =
        base != null && readStored(definition, dimension, base, members, stored);
    long read = readSource(definition, source, head, members, Expressions.alwaysTrue(), null);
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
            dimension,
            base,
            files,
            written,
            Map.of(sourceName, head.snapshotId()),
            Map.of(GoldModes.DEFINITION, print, GoldModes.RUN, GoldModes.FULL));
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

  /** Everything about the definition that shapes its rows; a change rebuilds in full. */
  static String print(DimensionTable definition) {
    return GoldModes.print(
        definition.source().id()
            + "\n"
            + definition.history()
            + "\n"
            + definition.businessKey()
            + "\n"
            + definition.changedAt()
            + "\n"
            + definition.columns());
  }

  static Members members(DimensionTable definition) {
    int keyWidth = definition.businessKey().size();
    return definition.history() == DimensionTable.History.TYPE_2
        ? new Type2Members(keyWidth, definition.tracked().size(), definition.attributes().size())
        : new Type1Members(keyWidth);
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

  /**
   * Streams the source columns the dimension needs, of the rows a filter keeps and (unless {@code
   * only} is null) whose business key is among some; returns the rows read.
   */
  static long readSource(
      DimensionTable definition,
      Table source,
      Snapshot head,
      Members members,
      Expression where,
      Set<List<Object>> only) {
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
            .where(where)
            .build()) {
      for (Record row : rows) {
        read++;
        List<Object> businessKey = Arrays.asList(values(row, key));
        if (only != null && !only.contains(businessKey)) {
          continue;
        }
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

  static Object[] values(Record row, List<String> columns) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.getField(columns.get(i));
    }
    return values;
  }

  static Set<List<Object>> changedMembers(
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

  static void checkUnique(
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

  static Record record(Table table, List<Column> columns, Object[] row) {
    Record record = GenericRecord.create(table.schema());
    for (int i = 0; i < row.length; i++) {
      record.setField(columns.get(i).name(), row[i]);
    }
    return record;
  }
}
