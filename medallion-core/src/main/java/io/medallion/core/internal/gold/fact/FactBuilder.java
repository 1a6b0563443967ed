package io.medallion.core.internal.gold.fact;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.TableId;
import io.medallion.core.TableRun;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.gold.GoldCommit;
import io.medallion.core.internal.gold.GoldModes;
import io.medallion.core.internal.gold.dimension.ChangeTimes;
import io.medallion.core.internal.gold.dimension.DimensionLookup;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.table.FactTable;
import io.medallion.table.SilverTable;
import io.medallion.table.TableDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a fact table when its source or one of its dimensions has changed: streams the source's
 * snapshot, resolves each foreign key to a surrogate key as of the fact's event time, and replaces
 * the table in one commit recording the snapshot consumed of every table read and how many facts
 * each key sent to the unknown member. Every source row becomes one fact: {@code read == written}.
 *
 * <p>The work is per fact, so a run is incremental when it can ({@link IncrementalFacts}): it
 * rewrites only the facts of the source rows added or deleted since the consumed snapshot and the
 * facts whose foreign keys name members a dimension run changed. It rebuilds in full on the first
 * run, when the table property {@value GoldModes#MODE} is {@code full}, when the definition
 * changed, when the grain is not guaranteed unique by the source's de-duplication, and when the
 * source's or a dimension's history since the consumed snapshot is not appends and positional
 * deletes (a dimension rebuilt in full, a date dimension written again).
 */
public final class FactBuilder {
  /** Summary entries {@code medallion.unknown.<key column>}: facts given the unknown member. */
  public static final String UNKNOWN_PREFIX = "medallion.unknown.";

  private static final Logger LOG = LoggerFactory.getLogger(FactBuilder.class);

  private final TableStore store;

  /**
   * Creates a builder.
   *
   * @param store the tables
   */
  public FactBuilder(TableStore store) {
    this.store = store;
  }

  /**
   * Brings a fact table up to date.
   *
   * @param definition the fact table
   * @return what the run did
   */
  public TableRun process(FactTable definition) {
    Table facts = store.ensure(TableLayouts.fact(definition));
    Map<TableId, Table> tables = new LinkedHashMap<>();
    Map<TableId, Snapshot> heads = new LinkedHashMap<>();
    for (TableDefinition read : definition.reads()) {
      Table table = store.load(read.id());
      tables.put(read.id(), table);
      heads.put(read.id(), table.currentSnapshot());
    }
    Snapshot sourceHead = heads.get(definition.source().id());
    if (sourceHead == null || consumedAll(facts, heads)) {
      return TableRun.unchanged(definition.id(), Layer.GOLD);
    }
    Snapshot baseSnapshot = facts.currentSnapshot();
    Long base = baseSnapshot == null ? null : baseSnapshot.snapshotId();
    List<KeyResolver> keys = new ArrayList<>();
    for (FactTable.DimensionKey key : definition.dimensionKeys()) {
      TableId dimension = key.dimension().id();
      keys.add(
          KeyResolver.of(
              key,
              DimensionLookup.load(tables.get(dimension), heads.get(dimension), key.dimension())));
    }
    definition.dateKeys().forEach(key -> keys.add(KeyResolver.of(key)));

    List<String> copied = copiedColumns(definition);
    GrainCheck grain = GrainCheck.of(definition);
    String print = print(definition);
    if (base != null && grain.seen == null && GoldModes.incremental(facts, print)) {
      Optional<TableRun> run =
          new IncrementalFacts(definition, facts, tables, heads, keys, print).process(base);
      if (run.isPresent()) {
        return run.get();
      }
    }
    List<DataFile> files;
    long read = 0;
    try (RecordWriter writer = new RecordWriter(facts);
        CloseableIterable<Record> rows =
            IcebergGenerics.read(tables.get(definition.source().id()))
                .useSnapshot(sourceHead.snapshotId())
                .select(readColumns(definition, copied))
                .build()) {
      for (Record row : rows) {
        read++;
        grain.check(row);
        writer.write(fact(facts, definition, copied, keys, row));
      }
      files = writer.finish();
    } catch (IOException e) {
      throw new MedallionException(
          "Cannot read " + definition.source().id() + ": " + e.getMessage(), e);
    }
    Map<String, String> notes = new LinkedHashMap<>();
    for (KeyResolver key : keys) {
      notes.put(UNKNOWN_PREFIX + key.column(), Long.toString(key.unknown()));
      if (key.unknown() > 0) {
        LOG.info("{}: {} facts got the unknown {}", definition.id(), key.unknown(), key.column());
      }
    }
    notes.put(GoldModes.DEFINITION, print);
    notes.put(GoldModes.RUN, GoldModes.FULL);
    Snapshot committed = GoldCommit.replaceAll(facts, base, files, read, consumed(heads), notes);
    LOG.info("{}: {} facts", definition.id(), read);
    return new TableRun(
        definition.id(), Layer.GOLD, read, read, 0, 0, 0, committed.snapshotId(), List.of());
  }

  /** The snapshot of every table read, by name. */
  static Map<String, Long> consumed(Map<TableId, Snapshot> heads) {
    Map<String, Long> consumed = new LinkedHashMap<>();
    heads.forEach(
        (id, head) -> {
          if (head != null) {
            consumed.put(id.toString(), head.snapshotId());
          }
        });
    return consumed;
  }

  /** Everything about the definition that shapes its rows; a change rebuilds in full. */
  private static String print(FactTable definition) {
    return GoldModes.print(
        definition.source().id()
            + "\n"
            + definition.grain()
            + "\n"
            + definition.eventTime()
            + "\n"
            + definition.dimensionKeys().stream()
                .map(k -> k.column() + "=" + k.dimension().id() + k.foreignKey())
                .toList()
            + "\n"
            + definition.dateKeys().stream()
                .map(k -> k.column() + "=" + k.dimension().id() + "(" + k.sourceColumn() + ")")
                .toList()
            + "\n"
            + definition.columns());
  }

  /**
   * Builds one fact from its source row.
   *
   * @param facts the fact table
   * @param definition the fact table's definition
   * @param copied the columns copied as they are
   * @param keys the key resolvers; each counts the facts it sends to the unknown member
   * @param row the source row
   * @return the fact
   */
  static Record fact(
      Table facts, FactTable definition, List<String> copied, List<KeyResolver> keys, Record row) {
    Record fact = GenericRecord.create(facts.schema());
    for (String column : copied) {
      fact.setField(column, row.getField(column));
    }
    String eventTime = definition.eventTime().orElse(null);
    Long at = eventTime == null ? null : ChangeTimes.micros(row.getField(eventTime));
    for (KeyResolver key : keys) {
      fact.setField(key.column(), key.resolve(row, at));
    }
    return fact;
  }

  private static boolean consumedAll(Table facts, Map<TableId, Snapshot> heads) {
    for (Map.Entry<TableId, Snapshot> head : heads.entrySet()) {
      Long consumed = Lineage.consumed(facts, head.getKey().toString());
      Long current = head.getValue() == null ? null : head.getValue().snapshotId();
      if (!Objects.equals(consumed, current)) {
        return false;
      }
    }
    return true;
  }

  /** The source columns copied to each fact as they are. */
  static List<String> copiedColumns(FactTable definition) {
    Set<String> copied = new LinkedHashSet<>(definition.grain());
    definition.eventTime().ifPresent(copied::add);
    copied.addAll(definition.attributes());
    copied.addAll(definition.measures());
    return List.copyOf(copied);
  }

  static List<String> readColumns(FactTable definition, List<String> copied) {
    Set<String> columns = new LinkedHashSet<>(copied);
    definition.dimensionKeys().forEach(key -> columns.addAll(key.foreignKey()));
    definition.dateKeys().forEach(key -> columns.add(key.sourceColumn()));
    return List.copyOf(columns);
  }

  /**
   * Checks that no two source rows share a grain value, unless silver's de-duplication key is part
   * of the grain and so already guarantees it.
   */
  private static final class GrainCheck {
    private final FactTable definition;
    private final Set<List<Object>> seen;

    private GrainCheck(FactTable definition, Set<List<Object>> seen) {
      this.definition = definition;
      this.seen = seen;
    }

    static GrainCheck of(FactTable definition) {
      boolean unique =
          definition.source() instanceof SilverTable silver
              && silver
                  .deduplication()
                  .map(d -> definition.grain().contains(d.key()))
                  .orElse(false);
      return new GrainCheck(definition, unique ? null : new HashSet<>());
    }

    void check(Record row) {
      if (seen == null) {
        return;
      }
      Object[] values = new Object[definition.grain().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.getField(definition.grain().get(i));
      }
      if (!seen.add(Arrays.asList(values))) {
        throw new MedallionException(
            definition.id()
                + ": two rows of "
                + definition.source().id()
                + " have the grain "
                + definition.grain()
                + " = "
                + Arrays.asList(values)
                + "; a fact table holds one row per grain value: declare a finer grain or"
                + " de-duplicate the source");
      }
    }
  }
}
