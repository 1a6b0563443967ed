package io.medallion.core.internal.gold;

import io.medallion.MedallionException;
import io.medallion.table.Cohort;
import io.medallion.table.GoldTable;
import io.medallion.table.Measure;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a gold aggregate or time series up to date from its source's changes alone. The groups no
 * change touches keep the results the table holds; a touched group of a table that only counts rows
 * gets its stored count plus the rows added minus the rows removed, and a touched group of any
 * other table (sums of doubles, averages, minimums, maximums, distinct counts cannot be undone
 * exactly) is recomputed from the source's rows of that group. Every row of the table is then
 * produced again from the groups in memory, exactly as a full recompute produces it, so that
 * cumulative counts, gap fills and series columns are right from the first touched period on, and
 * only the rows that differ from the stored ones are rewritten.
 *
 * <p>Stored rows become groups again through their measures; where the table fills gaps or keeps a
 * cumulative count, that needs a {@code count} measure (a filled period is a row with a count of 0,
 * and a cumulative count adds the groups' row counts). Without one the table is recomputed in full.
 */
final class IncrementalAggregate {
  private static final Logger LOG = LoggerFactory.getLogger(IncrementalAggregate.class);

  private final GoldTable definition;
  private final Table source;
  private final List<Measure> measures;
  private final int axisWidth;
  private final int countIndex;

  /** The rows to write and the files they replace. */
  record Rewrite(List<DataFile> replaced, long replacedRows, List<Object[]> rows, long read) {}

  IncrementalAggregate(GoldTable definition, Table source) {
    this.definition = definition;
    this.source = source;
    this.measures = definition.measures();
    this.axisWidth =
        definition.groupBy().size()
            + (definition.cohort().isPresent() ? 2 : definition.timeBucket().isPresent() ? 1 : 0);
    int count = -1;
    for (int i = 0; i < measures.size() && count < 0; i++) {
      if (measures.get(i).function() == Measure.Function.COUNT) {
        count = i;
      }
    }
    this.countIndex = count;
  }

  /**
   * Tells whether stored rows say enough to become groups again.
   *
   * @param definition the gold table
   * @return false when the table must be recomputed in full
   */
  static boolean supports(GoldTable definition) {
    boolean cumulative =
        definition.measures().stream()
            .anyMatch(m -> m.function() == Measure.Function.CUMULATIVE_COUNT);
    boolean counted =
        definition.measures().stream().anyMatch(m -> m.function() == Measure.Function.COUNT);
    return counted || !(cumulative || definition.gapFill().isPresent());
  }

  /**
   * Works out the rewrite.
   *
   * @param stored the rows the gold table holds
   * @param changes the source's changes since the consumed snapshot
   * @param head the source snapshot to bring the table up to
   * @param columns the source columns the table reads
   * @return the rewrite, or empty when the stored counts and the changes disagree
   */
  Optional<Rewrite> rewrite(
      StoredGold stored, SourceChanges changes, Snapshot head, List<String> columns) {
    Groups groups = new Groups(definition);
    Map<List<Object>, Object[]> storedRows = new HashMap<>();
    for (StoredGold.StoredFile file : stored.files()) {
      for (Object[] row : file.rows()) {
        storedRows.put(axisKey(row), row);
        if (!isFiller(row)) {
          groups.put(groupKey(row), GroupState.known(measures, measuresOf(row), rowsOf(row)));
        }
      }
    }
    Schema projection = source.schema().select(columns);
    Map<List<Object>, long[]> delta = new HashMap<>();
    long read = changes.added(projection, row -> change(delta, groups.keyOf(row), 1));
    read += changes.removed(projection, row -> change(delta, groups.keyOf(row), -1));
    if (countsOnly()) {
      for (Map.Entry<List<Object>, long[]> touched : delta.entrySet()) {
        GroupState before = groups.get(touched.getKey());
        long rows = (before == null ? 0 : before.rows()) + touched.getValue()[0];
        if (rows < 0) {
          LOG.warn(
              "{}: group {} would count {} rows; recomputing in full",
              definition.id(),
              touched.getKey(),
              rows);
          return Optional.empty();
        }
        if (rows == 0) {
          groups.remove(touched.getKey());
        } else {
          groups.put(
              touched.getKey(), GroupState.known(measures, new Object[measures.size()], rows));
        }
      }
    } else if (!delta.isEmpty()) {
      read += recompute(groups, delta, head, columns);
    }
    Map<List<Object>, Object[]> now = new LinkedHashMap<>();
    GoldAggregator.rows(definition, groups.sorted(), row -> now.put(axisKey(row), row));
    return Optional.of(diff(stored, storedRows, now, read));
  }

  private static void change(Map<List<Object>, long[]> delta, List<Object> key, int rows) {
    delta.computeIfAbsent(key, k -> new long[1])[0] += rows;
  }

  private boolean countsOnly() {
    return measures.stream()
        .allMatch(
            m ->
                m.function() == Measure.Function.COUNT
                    || m.function() == Measure.Function.CUMULATIVE_COUNT);
  }

  /** Replaces the touched groups by their source rows at the head; returns the rows read. */
  private long recompute(
      Groups groups, Map<List<Object>, long[]> touched, Snapshot head, List<String> columns) {
    Groups fresh = new Groups(definition);
    long read = 0;
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(source)
            .useSnapshot(head.snapshotId())
            .select(columns)
            .where(GroupFilter.of(definition, source.schema(), touched.keySet()))
            .build()) {
      for (Record row : rows) {
        read++;
        List<Object> key = fresh.keyOf(row);
        if (touched.containsKey(key)) {
          fresh.add(key, row);
        }
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + source.name() + ": " + e.getMessage(), e);
    }
    for (List<Object> key : touched.keySet()) {
      GroupState state = fresh.get(key);
      if (state == null) {
        groups.remove(key);
      } else {
        groups.put(key, state);
      }
    }
    return read;
  }

  /**
   * The files holding a row that changed or went away are rewritten with their unchanged rows and
   * every new or changed row; the other files stay.
   */
  private Rewrite diff(
      StoredGold stored,
      Map<List<Object>, Object[]> storedRows,
      Map<List<Object>, Object[]> now,
      long read) {
    List<Object[]> write = new ArrayList<>();
    now.forEach(
        (key, row) -> {
          if (!Arrays.equals(row, storedRows.get(key))) {
            write.add(row);
          }
        });
    List<DataFile> replaced = new ArrayList<>();
    long replacedRows = 0;
    for (StoredGold.StoredFile file : stored.files()) {
      boolean touched = false;
      for (Object[] row : file.rows()) {
        touched = touched || !Arrays.equals(row, now.get(axisKey(row)));
      }
      if (touched) {
        replaced.add(file.file());
        replacedRows += file.rows().size();
        for (Object[] row : file.rows()) {
          if (Arrays.equals(row, now.get(axisKey(row)))) {
            write.add(row);
          }
        }
      }
    }
    return new Rewrite(replaced, replacedRows, write, read);
  }

  /** What identifies a row: the grouping values and the period (or cohort and periods since). */
  private List<Object> axisKey(Object[] row) {
    return Arrays.asList(Arrays.copyOf(row, axisWidth));
  }

  /** The key of the group a stored row was written from, as {@link Groups#keyOf} makes it. */
  private List<Object> groupKey(Object[] row) {
    Cohort cohort = definition.cohort().orElse(null);
    if (cohort == null) {
      return axisKey(row);
    }
    int at = definition.groupBy().size();
    Object[] key = Arrays.copyOf(row, axisWidth);
    LocalDate start = (LocalDate) row[at];
    Integer since = (Integer) row[at + 1];
    key[at + 1] =
        start == null || since == null
            ? null
            : Periods.start(Periods.number(start, cohort.unit()) + since, cohort.unit());
    return Arrays.asList(key);
  }

  /** A period a time series filled: no source rows, so a count of 0. */
  private boolean isFiller(Object[] row) {
    return definition.gapFill().isPresent() && rowsOf(row) == 0;
  }

  private long rowsOf(Object[] row) {
    return countIndex < 0 ? 0 : (Long) row[axisWidth + countIndex];
  }

  private Object[] measuresOf(Object[] row) {
    return Arrays.copyOfRange(row, axisWidth, axisWidth + measures.size());
  }
}
