package io.medallion.core.internal.gold.dimension;

import io.medallion.Layer;
import io.medallion.core.TableRun;
import io.medallion.core.internal.gold.GoldModes;
import io.medallion.core.internal.gold.KeyFilter;
import io.medallion.core.internal.gold.KeyedRows;
import io.medallion.core.internal.gold.SourceChanges;
import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.schema.Column;
import io.medallion.table.DimensionTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds only the members a source change touched: the business keys of the rows appended and
 * removed since the consumed snapshot. Their stored rows and their live source rows are folded
 * exactly as a full rebuild folds them, and only the members whose rows differ are replaced:
 * positional deletes of their old rows, a new file of their new ones. A change that alters no
 * member commits nothing.
 */
final class IncrementalDimension {
  private static final Logger LOG = LoggerFactory.getLogger(IncrementalDimension.class);

  private final DimensionTable definition;
  private final Table dimension;
  private final Table source;
  private final Snapshot head;
  private final String print;

  IncrementalDimension(
      DimensionTable definition, Table dimension, Table source, Snapshot head, String print) {
    this.definition = definition;
    this.dimension = dimension;
    this.source = source;
    this.head = head;
    this.print = print;
  }

  TableRun process(long base, SourceChanges changes) {
    List<String> key = definition.businessKey();
    Set<List<Object>> touched = new HashSet<>();
    long read =
        changes.added(
            source.schema().select(key),
            row -> touched.add(Arrays.asList(DimensionBuilder.values(row, key))));
    read +=
        changes.removed(
            source.schema().select(key),
            row -> touched.add(Arrays.asList(DimensionBuilder.values(row, key))));
    if (touched.isEmpty()) {
      return new TableRun(definition.id(), Layer.GOLD, read, 0, 0, 0, 0, -1, List.of());
    }
    List<Column> columns = definition.columns();
    List<String> storedKey = columns.subList(1, 1 + key.size()).stream().map(Column::name).toList();
    Members members = DimensionBuilder.members(definition);
    Map<List<Object>, List<List<Object>>> stored = new HashMap<>();
    Map<List<Object>, List<KeyedRows.Stored>> held = new HashMap<>();
    KeyedRows.read(dimension, base, storedKey, touched, columns.stream().map(Column::name).toList())
        .forEach(
            (businessKey, rows) -> {
              for (KeyedRows.Stored row : rows) {
                // The unknown member has no business key; it is never rebuilt here.
                if (!Objects.equals(row.values()[0], DimensionTable.UNKNOWN_KEY)) {
                  members.stored(businessKey, row.values());
                  stored
                      .computeIfAbsent(businessKey, k -> new ArrayList<>(1))
                      .add(Arrays.asList(row.values()));
                  held.computeIfAbsent(businessKey, k -> new ArrayList<>(1)).add(row);
                }
              }
            });
    read +=
        DimensionBuilder.readSource(
            definition, source, head, members, KeyFilter.of(key, touched), touched);
    Map<List<Object>, List<Object[]>> rebuilt = members.rows(new SurrogateKeys());
    Set<List<Object>> changed = DimensionBuilder.changedMembers(stored, rebuilt);
    if (changed.isEmpty()) {
      LOG.info("{}: {} members touched, none changed", definition.id(), touched.size());
      return new TableRun(definition.id(), Layer.GOLD, read, 0, 0, 0, 0, -1, List.of());
    }
    List<KeyedRows.Stored> deleted = new ArrayList<>();
    List<DataFile> files;
    long written;
    try (RecordWriter writer = new RecordWriter(dimension)) {
      Set<Long> keys = new HashSet<>();
      for (List<Object> businessKey : DimensionRows.sorted(changed)) {
        deleted.addAll(held.getOrDefault(businessKey, List.of()));
        for (Object[] row : rebuilt.getOrDefault(businessKey, List.of())) {
          DimensionBuilder.checkUnique(definition, keys, businessKey, row);
          writer.write(DimensionBuilder.record(dimension, columns, row));
        }
      }
      written = writer.rows();
      files = writer.finish();
    }
    Snapshot committed =
        KeyedRows.commit(
            dimension,
            base,
            deleted,
            files,
            Map.of(definition.source().id().toString(), head.snapshotId()),
            Map.of(GoldModes.DEFINITION, print, GoldModes.RUN, GoldModes.INCREMENTAL));
    LOG.info(
        "{}: {} members touched, {} changed: {} rows in place of {}",
        definition.id(),
        touched.size(),
        changed.size(),
        written,
        deleted.size());
    return KeyedRows.replaced(definition.id(), read, written, deleted.size(), committed);
  }
}
