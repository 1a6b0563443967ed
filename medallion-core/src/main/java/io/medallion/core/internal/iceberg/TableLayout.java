package io.medallion.core.internal.iceberg;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.PartitionField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a catalog should hold about one physical table: columns with their docs, partitioning
 * and the properties medallion manages (layer, description, source, owner, policy).
 *
 * <pre>{@code
 * Table users = store.ensure(TableLayouts.silver(usersDefinition));
 * }</pre>
 *
 * @param id the table id
 * @param layer the layer
 * @param columns the columns, in order
 * @param partitioning the partition fields
 * @param properties the managed table properties; others found on the table are left alone
 * @param ownership the pipeline and owner properties: set on a table no pipeline claims yet or that
 *     this pipeline ({@code medallion.pipeline}) claims, so pipelines sharing an upstream table do
 *     not overwrite each other's
 */
public record TableLayout(
    TableId id,
    Layer layer,
    List<Column> columns,
    List<PartitionField> partitioning,
    Map<String, String> properties,
    Map<String, String> ownership) {

  /**
   * Validates and copies the layout.
   *
   * @param id the table id
   * @param layer the layer
   * @param columns the columns
   * @param partitioning the partition fields
   * @param properties the managed table properties
   * @param ownership the pipeline and owner properties
   */
  public TableLayout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(layer, "layer");
    columns = List.copyOf(columns);
    partitioning = List.copyOf(partitioning);
    properties = Map.copyOf(properties);
    ownership = Map.copyOf(ownership);
  }

  /**
   * The properties a table should have, given the ones it has.
   *
   * @param current the table's properties now
   * @return the managed properties, with the ownership ones when this pipeline may set them
   */
  public Map<String, String> wantedProperties(Map<String, String> current) {
    String claimedBy = current.get(TableProperties.PIPELINE);
    if (ownership.isEmpty()
        || (claimedBy != null && !claimedBy.equals(ownership.get(TableProperties.PIPELINE)))) {
      return properties;
    }
    Map<String, String> wanted = new LinkedHashMap<>(properties);
    wanted.putAll(ownership);
    return wanted;
  }
}
