package io.medallion.core.internal.gold;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.iceberg.Commits;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.table.GoldTable;
import io.medallion.table.Measure;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes a gold aggregate when its source table has changed, streaming the columns it needs
 * from the source once and keeping one state per group, and replaces the table's contents in one
 * commit that records the source snapshot consumed. An unchanged source commits nothing. A time
 * series is completed per series by {@link SeriesRows} from the same groups.
 */
public final class GoldAggregator {
  private static final Logger LOG = LoggerFactory.getLogger(GoldAggregator.class);

  private final TableStore store;

  /**
   * Creates an aggregator.
   *
   * @param store the tables
   */
  public GoldAggregator(TableStore store) {
    this.store = store;
  }

  /**
   * Brings a gold table up to date.
   *
   * @param definition the gold table
   * @return what the run did
   */
  public TableRun process(GoldTable definition) {
    Table gold = store.ensure(TableLayouts.gold(definition));
    Table source = store.load(definition.source().id());
    String sourceName = definition.source().id().toString();
    Snapshot head = source.currentSnapshot();
    Long consumed = Lineage.consumed(gold, sourceName);
    Long base = gold.currentSnapshot() == null ? null : gold.currentSnapshot().snapshotId();
    if (head == null || Objects.equals(consumed, head.snapshotId())) {
      return TableRun.unchanged(definition.id(), Layer.GOLD);
    }
    Groups groups = new Groups(definition);
    long read = 0;
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(source)
            .useSnapshot(head.snapshotId())
            .select(readColumns(definition, source))
            .build()) {
      for (Record row : rows) {
        read++;
        groups.add(row);
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + sourceName + ": " + e.getMessage(), e);
    }
    List<Map.Entry<List<Object>, GroupState>> ordered = groups.sorted();
    long written;
    List<DataFile> files;
    try (RecordWriter writer = new RecordWriter(gold)) {
      if (definition.isTimeSeries()) {
        new SeriesRows(definition).write(ordered, values -> writer.write(toRecord(gold, values)));
      } else {
        writeAggregates(gold, definition, ordered, writer);
      }
      written = writer.rows();
      files = writer.finish();
    }
    long rows = written;
    // A gold table another writer changed since this run read it is not overwritten blindly: the
    // validation fails and the run is told to go again; a commit that merely lost a race retries.
    Snapshot committed =
        Commits.commit(
            gold,
            () -> {
              OverwriteFiles overwrite =
                  gold.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
              if (base != null) {
                overwrite.validateFromSnapshot(base).validateNoConflictingData();
              }
              files.forEach(overwrite::addFile);
              overwrite.set(
                  TableProperties.consumedKey(sourceName), Long.toString(head.snapshotId()));
              overwrite.set(TableProperties.ROWS_WRITTEN, Long.toString(rows));
              return overwrite;
            });
    LOG.info("{}: aggregated {} rows into {} groups", definition.id(), read, written);
    return new TableRun(
        definition.id(), Layer.GOLD, read, written, 0, 0, 0, committed.snapshotId(), List.of());
  }

  private static void writeAggregates(
      Table gold,
      GoldTable definition,
      List<Map.Entry<List<Object>, GroupState>> ordered,
      RecordWriter writer) {
    List<Object> runningPartition = null;
    long running = 0;
    for (Map.Entry<List<Object>, GroupState> group : ordered) {
      List<Object> partition = group.getKey().subList(0, definition.groupBy().size());
      if (!partition.equals(runningPartition)) {
        runningPartition = partition;
        running = 0;
      }
      running += group.getValue().rows();
      writer.write(toRecord(gold, definition, group.getKey(), group.getValue(), running));
    }
  }

  private static Record toRecord(Table gold, Object[] values) {
    Record record = GenericRecord.create(gold.schema());
    for (int i = 0; i < values.length; i++) {
      record.set(i, values[i]);
    }
    return record;
  }

  /**
   * The source columns the aggregate reads: a silver table has dozens, and decoding the others
   * would cost most of the scan.
   */
  private static List<String> readColumns(GoldTable definition, Table source) {
    Set<String> columns = new LinkedHashSet<>(definition.groupBy());
    definition.timeBucket().ifPresent(bucket -> columns.add(bucket.sourceColumn()));
    definition
        .cohort()
        .ifPresent(
            cohort -> {
              columns.add(cohort.cohortColumn());
              columns.add(cohort.periodColumn());
            });
    for (Measure measure : definition.measures()) {
      if (measure.column() != null) {
        columns.add(measure.column());
      }
    }
    if (columns.isEmpty()) {
      // Counting rows alone still needs one column to read.
      columns.add(source.schema().columns().get(0).name());
    }
    return List.copyOf(columns);
  }

  private static Record toRecord(
      Table gold, GoldTable definition, List<Object> key, GroupState state, long running) {
    Record record = GenericRecord.create(gold.schema());
    for (int i = 0; i < key.size(); i++) {
      record.set(i, key.get(i));
    }
    List<Measure> measures = definition.measures();
    List<Column> columns = definition.columns();
    for (int i = 0; i < measures.size(); i++) {
      Column column = columns.get(key.size() + i);
      Object value =
          measures.get(i).function() == Measure.Function.CUMULATIVE_COUNT
              ? (Object) running
              : state.result(i, column.type() == ColumnType.LONG);
      record.set(key.size() + i, value);
    }
    return record;
  }
}
