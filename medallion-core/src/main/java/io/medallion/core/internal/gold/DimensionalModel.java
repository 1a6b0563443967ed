package io.medallion.core.internal.gold;

import io.medallion.core.TableRun;
import io.medallion.core.internal.gold.dimension.DateDimensionWriter;
import io.medallion.core.internal.gold.dimension.DimensionBuilder;
import io.medallion.core.internal.gold.fact.FactBuilder;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.table.DateDimension;
import io.medallion.table.DimensionTable;
import io.medallion.table.FactTable;
import io.medallion.table.TableDefinition;

/**
 * Runs the dimensional-model tables: dimensions, date dimensions and facts. A pipeline orders facts
 * after the dimensions they read, so a fact run sees this run's dimensions.
 *
 * <pre>{@code
 * DimensionalModel model = new DimensionalModel(store);
 * if (model.handles(table)) {
 *   TableRun run = model.process(table);
 * }
 * }</pre>
 */
public final class DimensionalModel {
  private final DimensionBuilder dimensions;
  private final DateDimensionWriter dates;
  private final FactBuilder facts;

  /**
   * Creates the engines.
   *
   * @param store the tables
   */
  public DimensionalModel(TableStore store) {
    this.dimensions = new DimensionBuilder(store);
    this.dates = new DateDimensionWriter(store);
    this.facts = new FactBuilder(store);
  }

  /**
   * Tells whether a table is a dimension, date dimension or fact table.
   *
   * @param table a table definition
   * @return true when {@link #process} runs it
   */
  public static boolean handles(TableDefinition table) {
    return table instanceof DimensionTable
        || table instanceof DateDimension
        || table instanceof FactTable;
  }

  /**
   * Brings one table up to date.
   *
   * @param table a table that {@link #handles} accepts
   * @return what the run did
   */
  public TableRun process(TableDefinition table) {
    if (table instanceof DimensionTable dimension) {
      return dimensions.process(dimension);
    }
    if (table instanceof DateDimension calendar) {
      return dates.process(calendar);
    }
    if (table instanceof FactTable fact) {
      return facts.process(fact);
    }
    throw new IllegalArgumentException("not a dimension or fact table: " + table);
  }
}
