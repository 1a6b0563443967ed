package io.medallion.catalog;

import io.medallion.Problems;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Iceberg's file-system catalog: metadata found by path under the warehouse, no catalog service. It
 * commits by atomic rename, so its warehouse must be a file system that has one, not S3.
 *
 * <pre>{@code
 * HadoopCatalogConfig local = HadoopCatalogConfig.builder("/data/lake").build();
 * }</pre>
 *
 * @param name the catalog name
 * @param warehouse the root of every table
 * @param storage the storage settings for {@code s3://} locations of registered tables
 * @param properties Iceberg catalog properties passed as is
 */
public record HadoopCatalogConfig(
    String name, String warehouse, StorageConfig storage, Map<String, String> properties)
    implements CatalogConfig {

  /**
   * Checks for missing values and copies the properties.
   *
   * @param name the catalog name
   * @param warehouse the root of every table
   * @param storage the storage settings
   * @param properties Iceberg catalog properties
   */
  public HadoopCatalogConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(storage, "storage");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /**
   * Starts a configuration.
   *
   * @param warehouse an absolute path or {@code file:} URI
   * @return a builder
   */
  public static Builder builder(String warehouse) {
    return new Builder(warehouse, DEFAULT_NAME, StorageConfig.defaults(), Map.of());
  }

  /**
   * Starts a builder with this configuration's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder(warehouse, name, storage, properties);
  }

  @Override
  public String location() {
    return warehouse;
  }

  @Override
  public Optional<String> warehouseLocation() {
    return Optional.of(warehouse);
  }

  @Override
  public CatalogType type() {
    return CatalogType.HADOOP;
  }

  @Override
  public List<String> problems() {
    Problems problems = ConfigChecks.common(name, storage);
    ConfigChecks.warehouse(problems, "hadoop", warehouse);
    problems.check(
        !warehouse.startsWith("s3"),
        "warehouse '"
            + warehouse
            + "' cannot hold a hadoop catalog: it commits by atomic rename, which S3 lacks;"
            + " use a local path, or a jdbc, glue or rest catalog for S3");
    return problems.messages();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.hadoop(this);
  }

  @Override
  public String toString() {
    return ConfigText.of(this).with("warehouse", warehouse).render(this);
  }

  /** Builds a {@link HadoopCatalogConfig}. */
  public static final class Builder extends CatalogConfigBuilder<Builder, HadoopCatalogConfig> {
    private final String warehouse;
    private StorageConfig storage;

    private Builder(
        String warehouse, String name, StorageConfig storage, Map<String, String> properties) {
      super(name, properties);
      this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
      this.storage = storage;
    }

    /**
     * Sets the storage settings for {@code s3://} locations.
     *
     * @param settings the storage settings
     * @return this builder
     */
    public Builder storage(StorageConfig settings) {
      this.storage = once("storage", settings);
      return this;
    }

    @Override
    HadoopCatalogConfig make(String catalogName, Map<String, String> icebergProperties) {
      return new HadoopCatalogConfig(catalogName, warehouse, storage, icebergProperties);
    }
  }
}
