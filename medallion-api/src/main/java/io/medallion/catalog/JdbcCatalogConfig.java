package io.medallion.catalog;

import io.medallion.Problems;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Iceberg's JDBC catalog on a database of choice, e.g. PostgreSQL.
 *
 * <pre>{@code
 * JdbcCatalogConfig postgres =
 *     JdbcCatalogConfig.builder("jdbc:postgresql://db:5432/catalog", "s3://acme-lake/medallion")
 *         .credentials("medallion", Secret.fromEnv("CATALOG_PASSWORD"))
 *         .build();
 * }</pre>
 *
 * @param name the catalog name
 * @param url the JDBC URL
 * @param warehouse where new tables' files go
 * @param user the database user, if any
 * @param password the database password, if any
 * @param storage the storage settings for {@code s3://} locations
 * @param properties Iceberg catalog properties passed as is
 */
public record JdbcCatalogConfig(
    String name,
    String url,
    String warehouse,
    Optional<String> user,
    Optional<Secret> password,
    StorageConfig storage,
    Map<String, String> properties)
    implements CatalogConfig {

  /**
   * Checks for missing values and copies the properties.
   *
   * @param name the catalog name
   * @param url the JDBC URL
   * @param warehouse where new tables' files go
   * @param user the database user
   * @param password the database password
   * @param storage the storage settings
   * @param properties Iceberg catalog properties
   */
  public JdbcCatalogConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(storage, "storage");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /**
   * Starts a configuration.
   *
   * @param url the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/catalog}
   * @param warehouse where new tables' files go: {@code s3://bucket/prefix}, {@code file:/path} or
   *     an absolute path
   * @return a builder
   */
  public static Builder builder(String url, String warehouse) {
    return new Builder(url, warehouse);
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
    return Secret.maskUrl(url);
  }

  @Override
  public Optional<String> warehouseLocation() {
    return Optional.of(warehouse);
  }

  @Override
  public CatalogType type() {
    return CatalogType.JDBC;
  }

  @Override
  public List<String> problems() {
    Problems problems = ConfigChecks.common(name, storage);
    problems.check(
        url.startsWith("jdbc:"), "uri '" + Secret.maskUrl(url) + "' must be a JDBC URL (jdbc:...)");
    ConfigChecks.warehouse(problems, "jdbc", warehouse);
    problems.check(password.isEmpty() || user.isPresent(), "jdbc.password needs jdbc.user");
    ConfigChecks.secret(problems, "jdbc.password", password);
    return problems.messages();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.jdbc(this);
  }

  @Override
  public String toString() {
    return ConfigText.of(this)
        .with("uri", Secret.maskUrl(url))
        .with("warehouse", warehouse)
        .with("user", user)
        .with("password", password)
        .render(this);
  }

  /** Builds a {@link JdbcCatalogConfig}. */
  public static final class Builder extends CatalogConfigBuilder<Builder, JdbcCatalogConfig> {
    private final String url;
    private final String warehouse;
    private String user;
    private Secret password;
    private StorageConfig storage = StorageConfig.defaults();

    private Builder(String url, String warehouse) {
      super(DEFAULT_NAME, Map.of());
      this.url = Objects.requireNonNull(url, "url");
      this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    private Builder(JdbcCatalogConfig from) {
      super(from.name(), from.properties());
      this.url = from.url();
      this.warehouse = from.warehouse();
      this.user = from.user().orElse(null);
      this.password = from.password().orElse(null);
      this.storage = from.storage();
    }

    /**
     * Sets the database user and password.
     *
     * @param databaseUser the user
     * @param databasePassword the password
     * @return this builder
     */
    public Builder credentials(String databaseUser, Secret databasePassword) {
      this.user = once("jdbc.user", databaseUser);
      this.password = once("jdbc.password", databasePassword);
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
    JdbcCatalogConfig make(String catalogName, Map<String, String> icebergProperties) {
      return new JdbcCatalogConfig(
          catalogName,
          url,
          warehouse,
          Optional.ofNullable(user),
          Optional.ofNullable(password),
          storage,
          icebergProperties);
    }
  }
}
