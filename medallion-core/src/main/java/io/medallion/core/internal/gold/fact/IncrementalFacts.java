package io.medallion.core.internal.gold.fact;

import io.medallion.MedallionException;
import io.medallion.TableId;
import io.medallion.core.TableRun;
import io.medallion.core.internal.gold.GoldModes;
import io.medallion.core.internal.gold.KeyFilter;
import io.medallion.core.internal.gold.KeyedRows;
import io.medallion.core.internal.gold.SourceChanges;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.schema.Column;
import io.medallion.table.DimensionTable;
import io.medallion.table.FactTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites only the facts a change touched: the grains of the source rows appended and removed
 * since the consumed snapshot, and the grains of the source rows whose foreign key names a member a
 * dimension changed since (its appended and deleted rows). Those facts' stored rows are deleted by
 * position and the live source rows of those grains become facts again, resolved exactly as a full
 * rebuild resolves them. The unknown-member counts carry over: the stored total, minus the deleted
 * facts that had the unknown member, plus the new ones that have it.
 */
final class IncrementalFacts {
  private static final Logger LOG = LoggerFactory.getLogger(IncrementalFacts.class);

  private final FactTable definition;
  private final Table facts;
  private final Map<TableId, Table> tables;
  private final Map<TableId, Snapshot> heads;
  private final List<KeyResolver> keys;
  private final String print;
  private final Table source;
  private final Snapshot sourceHead;

  IncrementalFacts(
      FactTable definition,
      Table facts,
      Map<TableId, Table> tables,
      Map<TableId, Snapshot> heads,
      List<KeyResolver> keys,
      String print) {
    this.definition = definition;
    this.facts = facts;
    this.tables = tables;
    this.heads = heads;
    this.keys = keys;
    this.print = print;
    this.source = tables.get(definition.source().id());
    this.sourceHead = heads.get(definition.source().id());
  }

  /**
   * Rewrites the touched facts.
   *
   * @param base the fact table's snapshot the run read
   * @return what the run did, or empty when some input's changes cannot be followed
   */
  Optional<TableRun> process(long base) {
    for (FactTable.DateKey date : definition.dateKeys()) {
      if (changed(date.dimension().id())) {
        return Optional.empty();
      }
    }
    Optional<SourceChanges> sourceChanges = changes(definition.source().id());
    if (sourceChanges.isEmpty()) {
      return Optional.empty();
    }
    List<String> grain = definition.grain();
    Set<List<Object>> grains = new HashSet<>();
    long read =
        sourceChanges
            .get()
            .added(source.schema().select(grain), row -> grains.add(key(row, grain)));
    read +=
        sourceChanges
            .get()
            .removed(source.schema().select(grain), row -> grains.add(key(row, grain)));
    for (FactTable.DimensionKey key : definition.dimensionKeys()) {
      if (!changed(key.dimension().id())) {
        continue;
      }
      Optional<Set<List<Object>>> members = changedMembers(key.dimension());
      if (members.isEmpty()) {
        return Optional.empty();
      }
      read += grainsReferring(key.foreignKey(), members.get(), grains);
    }
    return Optional.of(rewrite(base, grains, read));
  }

  private TableRun rewrite(long base, Set<List<Object>> grains, long changesRead) {
    List<String> columns = definition.columns().stream().map(Column::name).toList();
    List<KeyedRows.Stored> deleted = new ArrayList<>();
    if (!grains.isEmpty()) {
      KeyedRows.read(facts, base, definition.grain(), grains, columns)
          .values()
          .forEach(deleted::addAll);
    }
    List<String> copied = FactBuilder.copiedColumns(definition);
    long read = changesRead;
    List<DataFile> files;
    try (RecordWriter writer = new RecordWriter(facts)) {
      if (!grains.isEmpty()) {
        read += writeFacts(grains, copied, writer);
      }
      files = writer.finish();
    }
    long written = files.stream().mapToLong(DataFile::recordCount).sum();
    Map<String, String> notes = new LinkedHashMap<>();
    for (KeyResolver key : keys) {
      int column = columns.indexOf(key.column());
      long gone =
          deleted.stream()
              .filter(row -> Objects.equals(row.values()[column], key.unknownKey()))
              .count();
      notes.put(
          FactBuilder.UNKNOWN_PREFIX + key.column(),
          Long.toString(storedUnknown(key.column()) - gone + key.unknown()));
    }
    notes.put(GoldModes.DEFINITION, print);
    notes.put(GoldModes.RUN, GoldModes.INCREMENTAL);
    Snapshot committed =
        KeyedRows.commit(facts, base, deleted, files, FactBuilder.consumed(heads), notes);
    LOG.info(
        "{}: {} grains touched, {} facts in place of {}",
        definition.id(),
        grains.size(),
        written,
        deleted.size());
    return KeyedRows.replaced(definition.id(), read, written, deleted.size(), committed);
  }

  /** Writes a fact for each live source row of the grains; returns the rows read. */
  private long writeFacts(Set<List<Object>> grains, List<String> copied, RecordWriter writer) {
    long read = 0;
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(source)
            .useSnapshot(sourceHead.snapshotId())
            .select(FactBuilder.readColumns(definition, copied))
            .where(KeyFilter.of(definition.grain(), grains))
            .build()) {
      for (Record row : rows) {
        read++;
        if (grains.contains(key(row, definition.grain()))) {
          writer.write(FactBuilder.fact(facts, definition, copied, keys, row));
        }
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + source.name() + ": " + e.getMessage(), e);
    }
    return read;
  }

  /** Adds the grains of the source rows whose foreign key is among some members. */
  private long grainsReferring(
      List<String> foreignKey, Set<List<Object>> members, Set<List<Object>> grains) {
    List<String> select = new ArrayList<>(definition.grain());
    select.addAll(foreignKey);
    long read = 0;
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(source)
            .useSnapshot(sourceHead.snapshotId())
            .select(select.stream().distinct().toList())
            .where(KeyFilter.of(foreignKey, members))
            .build()) {
      for (Record row : rows) {
        read++;
        if (members.contains(key(row, foreignKey))) {
          grains.add(key(row, definition.grain()));
        }
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + source.name() + ": " + e.getMessage(), e);
    }
    return read;
  }

  /** The business keys of the members a dimension changed since the facts consumed it. */
  private Optional<Set<List<Object>>> changedMembers(DimensionTable dimension) {
    Optional<SourceChanges> changes = changes(dimension.id());
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    List<String> businessKey =
        dimension.columns().subList(1, 1 + dimension.businessKey().size()).stream()
            .map(Column::name)
            .toList();
    Table table = tables.get(dimension.id());
    Set<List<Object>> members = new HashSet<>();
    changes
        .get()
        .added(table.schema().select(businessKey), row -> members.add(key(row, businessKey)));
    changes
        .get()
        .removed(table.schema().select(businessKey), row -> members.add(key(row, businessKey)));
    return Optional.of(members);
  }

  private boolean changed(TableId table) {
    Snapshot head = heads.get(table);
    return !Objects.equals(
        Lineage.consumed(facts, table.toString()), head == null ? null : head.snapshotId());
  }

  private Optional<SourceChanges> changes(TableId table) {
    Snapshot head = heads.get(table);
    if (head == null) {
      return Optional.empty();
    }
    return SourceChanges.between(
        tables.get(table), Lineage.consumed(facts, table.toString()), head);
  }

  /** The unknown-member count of a key column the table's newest commit recorded. */
  private long storedUnknown(String column) {
    for (Snapshot snapshot : Lineage.ancestors(facts)) {
      String value = snapshot.summary().get(FactBuilder.UNKNOWN_PREFIX + column);
      if (value != null) {
        return Long.parseLong(value);
      }
    }
    return 0;
  }

  private static List<Object> key(Record row, List<String> columns) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.getField(columns.get(i));
    }
    return Arrays.asList(values);
  }
}
