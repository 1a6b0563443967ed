package io.medallion.core.internal.gold;

import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.RecordWriter;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
 * Brings a gold aggregate up to date when its source table has changed, and commits the result with
 * the source snapshot consumed. An unchanged source commits nothing.
 *
 * <p>Incrementally when it can ({@link IncrementalAggregate}): from the rows the source appended
 * and removed since the consumed snapshot ({@link SourceChanges}), rewriting only the files that
 * hold changed rows. In full otherwise: streaming the columns it needs from the source once,
 * keeping one state per group, and replacing the table's contents. A full recompute happens when
 * the table property {@value GoldModes#MODE} is {@code full}, on the first run, when the definition
 * changed, and when the source's history since the consumed snapshot is not appends and positional
 * deletes. Both give the same rows. A time series is completed per series by {@link SeriesRows}
 * from the same groups.
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
    String print = print(definition);
    if (base != null
        && IncrementalAggregate.supports(definition)
        && GoldModes.incremental(gold, print)) {
      Optional<TableRun> run = incremental(definition, gold, source, base, consumed, head, print);
      if (run.isPresent()) {
        return run.get();
      }
    }
    return full(definition, gold, source, base, head, print);
  }

  private TableRun full(
      GoldTable definition, Table gold, Table source, Long base, Snapshot head, String print) {
    String sourceName = definition.source().id().toString();
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
    long written;
    List<DataFile> files;
    try (RecordWriter writer = new RecordWriter(gold)) {
      rows(definition, groups.sorted(), values -> writer.write(toRecord(gold, values)));
      written = writer.rows();
      files = writer.finish();
    }
    // A gold table another writer changed since this run read it is not overwritten blindly: the
    // validation fails and the run is told to go again; a commit that merely lost a race retries.
    Snapshot committed =
        GoldCommit.replaceAll(
            gold,
            base,
            files,
            written,
            Map.of(sourceName, head.snapshotId()),
            Map.of(GoldModes.DEFINITION, print, GoldModes.RUN, GoldModes.FULL));
    LOG.info("{}: aggregated {} rows into {} groups", definition.id(), read, written);
    return new TableRun(
        definition.id(), Layer.GOLD, read, written, 0, 0, 0, committed.snapshotId(), List.of());
  }

  private Optional<TableRun> incremental(
      GoldTable definition,
      Table gold,
      Table source,
      long base,
      Long consumed,
      Snapshot head,
      String print) {
    Optional<SourceChanges> changes = SourceChanges.between(source, consumed, head);
    Optional<StoredGold> stored =
        changes.isPresent() ? StoredGold.read(gold, base) : Optional.empty();
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Optional<IncrementalAggregate.Rewrite> rewrite =
        new IncrementalAggregate(definition, source)
            .rewrite(stored.get(), changes.get(), head, readColumns(definition, source));
    if (rewrite.isEmpty()) {
      return Optional.empty();
    }
    List<DataFile> files;
    long written;
    try (RecordWriter writer = new RecordWriter(gold)) {
      rewrite.get().rows().forEach(values -> writer.write(toRecord(gold, values)));
      written = writer.rows();
      files = writer.finish();
    }
    Snapshot committed =
        GoldCommit.replaceFiles(
            gold,
            base,
            rewrite.get().replaced(),
            files,
            written,
            Map.of(definition.source().id().toString(), head.snapshotId()),
            Map.of(GoldModes.DEFINITION, print, GoldModes.RUN, GoldModes.INCREMENTAL));
    LOG.info(
        "{}: {} changed source rows read, {} rows rewritten in place of {}",
        definition.id(),
        rewrite.get().read(),
        written,
        rewrite.get().replacedRows());
    return Optional.of(
        new TableRun(
            definition.id(),
            Layer.GOLD,
            rewrite.get().read(),
            written,
            0,
            0,
            rewrite.get().replacedRows(),
            committed.snapshotId(),
            List.of()));
  }

  /** Everything about the definition that shapes its rows; a change recomputes in full. */
  private static String print(GoldTable definition) {
    return GoldModes.print(
        definition.source().id()
            + "\n"
            + definition.describeAggregation()
            + "\n"
            + definition.describeSeries().orElse("")
            + "\n"
            + definition.columns());
  }

  /**
   * Produces every row of the table from its groups.
   *
   * @param definition the gold table
   * @param ordered the groups sorted by key
   * @param out receives each row's values in the table's column order
   */
  static void rows(
      GoldTable definition,
      List<Map.Entry<List<Object>, GroupState>> ordered,
      Consumer<Object[]> out) {
    if (definition.isTimeSeries()) {
      new SeriesRows(definition).write(ordered, out);
    } else {
      aggregateRows(definition, ordered, out);
    }
  }

  private static void aggregateRows(
      GoldTable definition,
      List<Map.Entry<List<Object>, GroupState>> ordered,
      Consumer<Object[]> out) {
    List<Object> runningPartition = null;
    long running = 0;
    for (Map.Entry<List<Object>, GroupState> group : ordered) {
      List<Object> partition = group.getKey().subList(0, definition.groupBy().size());
      if (!partition.equals(runningPartition)) {
        runningPartition = partition;
        running = 0;
      }
      running += group.getValue().rows();
      out.accept(values(definition, group.getKey(), group.getValue(), running));
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

  private static Object[] values(
      GoldTable definition, List<Object> key, GroupState state, long running) {
    List<Measure> measures = definition.measures();
    List<Column> columns = definition.columns();
    Object[] values = new Object[key.size() + measures.size()];
    for (int i = 0; i < key.size(); i++) {
      values[i] = key.get(i);
    }
    for (int i = 0; i < measures.size(); i++) {
      Column column = columns.get(key.size() + i);
      values[key.size() + i] =
          measures.get(i).function() == Measure.Function.CUMULATIVE_COUNT
              ? (Object) running
              : state.result(i, column.type() == ColumnType.LONG);
    }
    return values;
  }
}
