package io.medallion.table;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.PartitionField;
import java.util.List;
import java.util.Optional;

/**
 * What every table definition has: an id, a layer, columns, partitioning and a description.
 *
 * <pre>{@code
 * for (TableDefinition table : pipeline.tables()) {
 *   log.info("{} {} has {} columns", table.layer(), table.id(), table.columns().size());
 * }
 * }</pre>
 */
public sealed interface TableDefinition permits SilverSource, GoldSource {

  /**
   * Returns the table's id.
   *
   * @return the id
   */
  TableId id();

  /**
   * Returns the table's layer.
   *
   * @return the layer
   */
  Layer layer();

  /**
   * Returns every column of the table as written, including system columns.
   *
   * @return the columns, in order
   */
  List<Column> columns();

  /**
   * Returns the table's partitioning.
   *
   * @return the partition fields, outermost first; empty when unpartitioned
   */
  List<PartitionField> partitioning();

  /**
   * Returns the description stored as the table's comment.
   *
   * @return the description, possibly empty
   */
  String description();

  /**
   * Returns the table this one reads from.
   *
   * @return the upstream table, or empty for bronze
   */
  Optional<TableDefinition> upstream();

  /**
   * Returns every table this one reads, which must run before it: its upstream, and for a fact
   * table also the dimensions it references.
   *
   * <pre>{@code
   * List<TableDefinition> first = facts.reads(); // [silver.users, gold.dim_user, gold.dim_date]
   * }</pre>
   *
   * @return the tables read; empty for bronze and generated tables
   */
  default List<TableDefinition> reads() {
    return upstream().map(List::of).orElse(List.of());
  }

  /**
   * Finds a column by name.
   *
   * @param name the column name
   * @return the column, or empty
   */
  default Optional<Column> column(String name) {
    return columns().stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
