package io.medallion.core.internal.quality;

import io.medallion.core.internal.exec.DistinctCount;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.DatasetRule.Condition;
import io.medallion.quality.RowView;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the dataset rules that read columns measure over a batch's kept rows, taken as the rows
 * stream by so no row is held: duplicate keys for uniqueness and distinct values for distinct
 * ratios (both exact, spilling to disk past {@code keysInMemory} keys each), and the newest value
 * for freshness.
 *
 * <pre>{@code
 * try (ColumnMeasures measures = ColumnMeasures.of(rules, 1_000_000, tmp)) {
 *   keptRows.forEach(measures::add);
 *   DatasetRuleEvaluator.evaluate(rules, measures, metrics, history, now);
 * }
 * }</pre>
 */
public final class ColumnMeasures implements AutoCloseable {
  private final Map<Condition.Unique, DistinctCount> uniques = new HashMap<>();
  private final Map<Condition.DistinctRatio, DistinctCount> distincts = new HashMap<>();
  private final Map<Condition.Freshness, OffsetDateTime> newest = new HashMap<>();

  private ColumnMeasures() {}

  /**
   * Creates empty measures for the rules that read columns.
   *
   * @param rules the dataset rules
   * @param keysInMemory keys each exact count holds before spilling them, at least 1
   * @param spillRoot the folder spill files are created in
   * @return the measures
   */
  public static ColumnMeasures of(List<DatasetRule> rules, int keysInMemory, Path spillRoot) {
    ColumnMeasures measures = new ColumnMeasures();
    Start start = measures.new Start(keysInMemory, spillRoot);
    rules.forEach(rule -> rule.check().accept(start));
    return measures;
  }

  /**
   * Returns the columns the rules read from each kept row, each once, in rule order.
   *
   * @param rules the dataset rules
   * @return the column names, empty when no rule reads columns
   */
  public static List<String> columnsRead(List<DatasetRule> rules) {
    Set<String> names = new LinkedHashSet<>();
    ColumnsRead read = new ColumnsRead();
    rules.forEach(rule -> names.addAll(rule.check().accept(read)));
    return List.copyOf(names);
  }

  /**
   * Measures one kept row.
   *
   * @param row the row's values by column name; unknown columns read as null
   */
  public void add(RowView row) {
    uniques.forEach((unique, count) -> count.add(valuesOf(row, unique.keyColumns())));
    distincts.forEach(
        (ratio, count) -> {
          Object value = row.get(ratio.column());
          if (value != null) {
            count.add(List.of(value));
          }
        });
    newest.replaceAll((fresh, latest) -> later(latest, instant(row.get(fresh.column()))));
  }

  /**
   * Returns how many kept rows repeat a key seen before.
   *
   * @param unique a uniqueness condition these measures were created for
   * @return the count
   */
  long duplicates(Condition.Unique unique) {
    DistinctCount count = measureOf(uniques, unique);
    return count.added() - count.distinct();
  }

  /**
   * Returns the distinct values over the present (non-null) values, 1 when none is present.
   *
   * @param ratio a distinct-ratio condition these measures were created for
   * @return the ratio
   */
  double distinctRatio(Condition.DistinctRatio ratio) {
    DistinctCount count = measureOf(distincts, ratio);
    return count.added() == 0 ? 1.0 : (double) count.distinct() / count.added();
  }

  /**
   * Returns the newest date or timestamp of the column.
   *
   * @param fresh a freshness condition these measures were created for
   * @return the newest value, or null when the rows had none
   */
  OffsetDateTime newest(Condition.Freshness fresh) {
    if (!newest.containsKey(fresh)) {
      throw notMeasured(fresh);
    }
    return newest.get(fresh);
  }

  /** Deletes the spill files. */
  @Override
  public void close() {
    uniques.values().forEach(DistinctCount::close);
    distincts.values().forEach(DistinctCount::close);
  }

  private static <C extends Condition> DistinctCount measureOf(
      Map<C, DistinctCount> measures, C condition) {
    DistinctCount count = measures.get(condition);
    if (count == null) {
      throw notMeasured(condition);
    }
    return count;
  }

  private static IllegalArgumentException notMeasured(Condition condition) {
    return new IllegalArgumentException(
        "No measure for " + condition + ": it was not among the rules the measures were made for");
  }

  private static List<Object> valuesOf(RowView row, List<String> columns) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(columns.get(i));
    }
    return Arrays.asList(values);
  }

  private static OffsetDateTime later(OffsetDateTime latest, OffsetDateTime value) {
    return value != null && (latest == null || value.isAfter(latest)) ? value : latest;
  }

  private static OffsetDateTime instant(Object value) {
    if (value instanceof OffsetDateTime timestamp) {
      return timestamp;
    }
    return value instanceof LocalDate date ? date.atStartOfDay().atOffset(ZoneOffset.UTC) : null;
  }

  /** The columns a condition reads from each row. */
  private static final class ColumnsRead implements Condition.Visitor<List<String>> {
    @Override
    public List<String> visitRowCount(Condition.RowCount condition) {
      return List.of();
    }

    @Override
    public List<String> visitUnique(Condition.Unique condition) {
      return condition.keyColumns();
    }

    @Override
    public List<String> visitDistinctRatio(Condition.DistinctRatio condition) {
      return List.of(condition.column());
    }

    @Override
    public List<String> visitFreshness(Condition.Freshness condition) {
      return List.of(condition.column());
    }

    @Override
    public List<String> visitMetricAtLeast(Condition.MetricAtLeast condition) {
      return List.of();
    }

    @Override
    public List<String> visitAnomaly(Condition.Anomaly condition) {
      return List.of();
    }
  }

  /** Starts the measure of a condition that reads columns. */
  private final class Start implements Condition.Visitor<Void> {
    private final int keysInMemory;
    private final Path spillRoot;

    Start(int keysInMemory, Path spillRoot) {
      this.keysInMemory = keysInMemory;
      this.spillRoot = spillRoot;
    }

    @Override
    public Void visitRowCount(Condition.RowCount condition) {
      return null;
    }

    @Override
    public Void visitUnique(Condition.Unique condition) {
      uniques.computeIfAbsent(
          condition, c -> new DistinctCount(keysInMemory, spillRoot, "medallion-unique"));
      return null;
    }

    @Override
    public Void visitDistinctRatio(Condition.DistinctRatio condition) {
      distincts.computeIfAbsent(
          condition, c -> new DistinctCount(keysInMemory, spillRoot, "medallion-distinct"));
      return null;
    }

    @Override
    public Void visitFreshness(Condition.Freshness condition) {
      newest.put(condition, null);
      return null;
    }

    @Override
    public Void visitMetricAtLeast(Condition.MetricAtLeast condition) {
      return null;
    }

    @Override
    public Void visitAnomaly(Condition.Anomaly condition) {
      return null;
    }
  }
}
