package io.medallion.catalog;

import io.medallion.Problems;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The AWS Glue Data Catalog of a region, through Iceberg's {@code GlueCatalog}.
 *
 * <pre>{@code
 * GlueCatalogConfig aws = GlueCatalogConfig.builder("eu-west-1", "s3://acme-lake/medallion")
 *     .catalogId("123456789012")
 *     .build();
 * }</pre>
 *
 * @param name the catalog name
 * @param region the AWS region
 * @param warehouse where new tables' files go, usually {@code s3://bucket/prefix}
 * @param catalogId the AWS account owning the catalog, for cross-account access
 * @param endpoint a Glue endpoint override, e.g. a VPC endpoint
 * @param storage the storage settings for {@code s3://} locations
 * @param properties Iceberg catalog properties passed as is
 */
public record GlueCatalogConfig(
    String name,
    String region,
    String warehouse,
    Optional<String> catalogId,
    Optional<URI> endpoint,
    StorageConfig storage,
    Map<String, String> properties)
    implements CatalogConfig {

  /**
   * Checks for missing values and copies the properties.
   *
   * @param name the catalog name
   * @param region the AWS region
   * @param warehouse where new tables' files go
   * @param catalogId the catalog id
   * @param endpoint the endpoint override
   * @param storage the storage settings
   * @param properties Iceberg catalog properties
   */
  public GlueCatalogConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(catalogId, "catalogId");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(storage, "storage");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /**
   * Starts a configuration.
   *
   * @param region the AWS region, e.g. {@code eu-west-1}
   * @param warehouse where new tables' files go, usually {@code s3://bucket/prefix}
   * @return a builder
   */
  public static Builder builder(String region, String warehouse) {
    return new Builder(region, warehouse);
  }

  /**
   * Starts a builder with this configuration's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String location() {
    return region + endpoint.map(url -> " via " + url).orElse("");
  }

  @Override
  public Optional<String> warehouseLocation() {
    return Optional.of(warehouse);
  }

  @Override
  public CatalogType type() {
    return CatalogType.GLUE;
  }

  @Override
  public List<String> problems() {
    Problems problems = ConfigChecks.common(name, storage);
    problems.check(!region.isBlank(), "glue.region must not be blank");
    ConfigChecks.warehouse(problems, "glue", warehouse);
    storage
        .region()
        .filter(bucketRegion -> !bucketRegion.equals(region))
        .ifPresent(
            bucketRegion ->
                problems.add(
                    "s3.region '"
                        + bucketRegion
                        + "' differs from glue.region '"
                        + region
                        + "': Iceberg uses one client region for both; for a bucket in another"
                        + " region set iceberg.s3.cross-region-access-enabled=true instead"));
    return problems.messages();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.glue(this);
  }

  @Override
  public String toString() {
    return ConfigText.of(this)
        .with("warehouse", warehouse)
        .with("region", region)
        .with("catalogId", catalogId)
        .with("endpoint", endpoint)
        .render(this);
  }

  /** Builds a {@link GlueCatalogConfig}. */
  public static final class Builder extends CatalogConfigBuilder<Builder, GlueCatalogConfig> {
    private final String region;
    private final String warehouse;
    private String catalogId;
    private URI endpoint;
    private StorageConfig storage = StorageConfig.defaults();

    private Builder(String region, String warehouse) {
      super(DEFAULT_NAME, Map.of());
      this.region = Objects.requireNonNull(region, "region");
      this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    private Builder(GlueCatalogConfig from) {
      super(from.name(), from.properties());
      this.region = from.region();
      this.warehouse = from.warehouse();
      this.catalogId = from.catalogId().orElse(null);
      this.endpoint = from.endpoint().orElse(null);
      this.storage = from.storage();
    }

    /**
     * Sets the Glue catalog id (the AWS account id owning the catalog) for cross-account access.
     *
     * @param id the catalog id
     * @return this builder
     */
    public Builder catalogId(String id) {
      this.catalogId = once("glue.catalog-id", id);
      return this;
    }

    /**
     * Overrides the Glue endpoint, e.g. a VPC endpoint.
     *
     * @param url the endpoint
     * @return this builder
     */
    public Builder endpoint(URI url) {
      this.endpoint = once("glue.endpoint", url);
      return this;
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
    GlueCatalogConfig make(String catalogName, Map<String, String> icebergProperties) {
      return new GlueCatalogConfig(
          catalogName,
          region,
          warehouse,
          Optional.ofNullable(catalogId),
          Optional.ofNullable(endpoint),
          storage,
          icebergProperties);
    }
  }
}
