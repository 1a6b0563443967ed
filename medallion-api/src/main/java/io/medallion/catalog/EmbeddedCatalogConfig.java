package io.medallion.catalog;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded default: Iceberg's JDBC catalog on the SQLite file {@code <lake>/catalog.db}, with
 * data under {@code <lake>/warehouse}, both created on first use.
 *
 * <pre>{@code
 * EmbeddedCatalogConfig laptop = EmbeddedCatalogConfig.builder(Path.of("lakehouse")).build();
 * }</pre>
 *
 * @param lake the lake folder, absolute
 * @param name the catalog name
 * @param properties Iceberg catalog properties passed as is
 */
public record EmbeddedCatalogConfig(Path lake, String name, Map<String, String> properties)
    implements CatalogConfig {

  /**
   * Normalizes the folder and copies the properties.
   *
   * @param lake the lake folder
   * @param name the catalog name
   * @param properties Iceberg catalog properties
   */
  public EmbeddedCatalogConfig {
    lake = Objects.requireNonNull(lake, "lake").toAbsolutePath().normalize();
    Objects.requireNonNull(name, "name");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /**
   * Starts a configuration.
   *
   * @param lake the lake folder
   * @return a builder
   */
  public static Builder builder(Path lake) {
    return new Builder(lake, DEFAULT_NAME, Map.of());
  }

  /**
   * Starts a builder with this configuration's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder(lake, name, properties);
  }

  /**
   * Returns the JDBC URL of the catalog's SQLite file.
   *
   * @return {@code jdbc:sqlite:<lake>/catalog.db}
   */
  public String url() {
    return "jdbc:sqlite:" + lake.resolve("catalog.db");
  }

  /**
   * Returns where table files go.
   *
   * @return the {@code file:} URI of {@code <lake>/warehouse}
   */
  public String warehouse() {
    return lake.resolve("warehouse").toUri().toString();
  }

  @Override
  public String location() {
    return url();
  }

  @Override
  public Optional<String> warehouseLocation() {
    return Optional.of(warehouse());
  }

  @Override
  public CatalogType type() {
    return CatalogType.JDBC;
  }

  @Override
  public StorageConfig storage() {
    return StorageConfig.defaults();
  }

  @Override
  public List<String> problems() {
    return ConfigChecks.common(name, storage()).messages();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.embedded(this);
  }

  @Override
  public String toString() {
    return ConfigText.of(this).with("lake", lake).render(this);
  }

  /** Builds an {@link EmbeddedCatalogConfig}. */
  public static final class Builder extends CatalogConfigBuilder<Builder, EmbeddedCatalogConfig> {
    private final Path lake;

    private Builder(Path lake, String name, Map<String, String> properties) {
      super(name, properties);
      this.lake = Objects.requireNonNull(lake, "lake");
    }

    @Override
    EmbeddedCatalogConfig make(String catalogName, Map<String, String> icebergProperties) {
      return new EmbeddedCatalogConfig(lake, catalogName, icebergProperties);
    }
  }
}
