package io.medallion.core.internal.gold.fact;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.TableId;
import io.medallion.core.TableRun;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.gold.GoldCommit;
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
 * <p>The work is per fact: an incremental run would rewrite the facts of the source rows added or
 * deleted since the consumed snapshot, and the facts whose keys point into members a dimension run
 * changed.
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
    List<DataFile> files;
    long read = 0;
    try (RecordWriter writer = new RecordWriter(facts);
        CloseableIterable<Record> rows =
            IcebergGenerics.read(tables.get(definition.source().id()))
                .useSnapshot(sourceHead.snapshotId())
                .select(readColumns(definition, copied))
                .build()) {
      String eventTime = definition.eventTime().orElse(null);
      for (Record row : rows) {
        read++;
        grain.check(row);
        Record fact = GenericRecord.create(facts.schema());
        for (String column : copied) {
          fact.setField(column, row.getField(column));
        }
        Long at = eventTime == null ? null : ChangeTimes.micros(row.getField(eventTime));
        for (KeyResolver key : keys) {
          fact.setField(key.column(), key.resolve(row, at));
        }
        writer.write(fact);
      }
      files = writer.finish();
    } catch (IOException e) {
      throw new MedallionException(
          "Cannot read " + definition.source().id() + ": " + e.getMessage(), e);
    }
    Map<String, Long> consumed = new LinkedHashMap<>();
    heads.forEach(
        (id, head) -> {
          if (head != null) {
            consumed.put(id.toString(), head.snapshotId());
          }
        });
    Map<String, String> unknown = new LinkedHashMap<>();
    for (KeyResolver key : keys) {
      unknown.put(UNKNOWN_PREFIX + key.column(), Long.toString(key.unknown()));
      if (key.unknown() > 0) {
        LOG.info("{}: {} facts got the unknown {}", definition.id(), key.unknown(), key.column());
      }
    }
    Snapshot committed = GoldCommit.replaceAll(facts, base, files, read, consumed, unknown);
    LOG.info("{}: {} facts", definition.id(), read);
    return new TableRun(
        definition.id(), Layer.GOLD, read, read, 0, 0, 0, committed.snapshotId(), List.of());
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
  private static List<String> copiedColumns(FactTable definition) {
    Set<String> copied = new LinkedHashSet<>(definition.grain());
    definition.eventTime().ifPresent(copied::add);
    copied.addAll(definition.attributes());
    copied.addAll(definition.measures());
    return List.copyOf(copied);
  }

  private static List<String> readColumns(FactTable definition, List<String> copied) {
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
