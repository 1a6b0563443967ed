package io.medallion.core.iceberg;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.PartitionField;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a catalog should hold about one physical table: columns with their docs, partitioning
 * and the properties medallion manages (layer, description, source, owner, policy).
 *
 * @param id the table id
 * @param layer the layer
 * @param columns the columns, in order
 * @param partitioning the partition fields
 * @param properties the managed table properties; others found on the table are left alone
 */
public record TableLayout(
    TableId id,
    Layer layer,
    List<Column> columns,
    List<PartitionField> partitioning,
    Map<String, String> properties) {

  /**
   * Validates and copies the layout.
   *
   * @param id the table id
   * @param layer the layer
   * @param columns the columns
   * @param partitioning the partition fields
   * @param properties the managed table properties
   */
  public TableLayout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(layer, "layer");
    columns = List.copyOf(columns);
    partitioning = List.copyOf(partitioning);
    properties = Map.copyOf(properties);
  }
}
