package io.medallion.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Iceberg catalog a runtime registers its tables in, and where their files live: one record
 * per kind of catalog, each holding only its own settings and built by its own builder. The same
 * pipeline runs unchanged on each; only this value changes between a laptop and production. {@code
 * toString()} never shows a secret.
 *
 * <pre>{@code
 * CatalogConfig laptop = CatalogConfig.embedded(Path.of("lakehouse"));
 * CatalogConfig aws = GlueCatalogConfig.builder("eu-west-1", "s3://acme-lake/medallion").build();
 * CatalogConfig polaris = RestCatalogConfig.builder(URI.create("https://polaris.acme.com/api/catalog"))
 *     .warehouse("analytics")
 *     .oauth("medallion", Secret.fromEnv("POLARIS_SECRET"))
 *     .scope("PRINCIPAL_ROLE:ALL")
 *     .build();
 * }</pre>
 */
public sealed interface CatalogConfig
    permits EmbeddedCatalogConfig,
        JdbcCatalogConfig,
        RestCatalogConfig,
        GlueCatalogConfig,
        HadoopCatalogConfig {

  /** The catalog name unless one is set. */
  String DEFAULT_NAME = "medallion";

  /**
   * The embedded default: a JDBC catalog on the SQLite file {@code <lake>/catalog.db} with data
   * under {@code <lake>/warehouse}, both created on first use.
   *
   * <pre>{@code
   * CatalogConfig laptop = CatalogConfig.embedded(Path.of("lakehouse"));
   * }</pre>
   *
   * @param lake the lake folder
   * @return the configuration
   */
  static EmbeddedCatalogConfig embedded(Path lake) {
    return EmbeddedCatalogConfig.builder(lake).build();
  }

  /**
   * Reads a configuration from flat settings, as found in a properties file or on a command line.
   * Secret values may be written {@code env:NAME} to read an environment variable. Every unknown
   * setting and every problem is reported at once.
   *
   * <p>Settings: {@code type} (embedded, jdbc, rest, glue, hadoop), {@code lake} (embedded), {@code
   * name}, {@code uri}, {@code warehouse}, {@code jdbc.user}, {@code jdbc.password}, {@code
   * rest.token}, {@code rest.oauth.client-id}, {@code rest.oauth.client-secret}, {@code
   * rest.oauth.scope}, {@code rest.oauth.server-uri}, {@code rest.sigv4.region}, {@code
   * rest.sigv4.signing-name}, {@code glue.region}, {@code glue.catalog-id}, {@code glue.endpoint},
   * {@code s3.endpoint}, {@code s3.region}, {@code s3.path-style-access}, {@code s3.access-key-id},
   * {@code s3.secret-access-key}, and {@code iceberg.<property>} passed to Iceberg as is.
   *
   * <pre>{@code
   * CatalogConfig config = CatalogConfig.fromProperties(Map.of("type", "embedded", "lake", "/lake"));
   * }</pre>
   *
   * @param values the settings
   * @return the validated configuration
   * @throws io.medallion.ValidationException listing every problem
   */
  static CatalogConfig fromProperties(Map<String, String> values) {
    return PropertiesReader.read(values);
  }

  /**
   * Returns the catalog name, as Iceberg and logs show it.
   *
   * @return the name, {@value #DEFAULT_NAME} unless set
   */
  String name();

  /**
   * Returns the kind of Iceberg catalog behind this configuration.
   *
   * @return the type; {@link CatalogType#JDBC} for the embedded catalog
   */
  CatalogType type();

  /**
   * Tells where the catalog is, for messages: its JDBC URL or REST URI with passwords masked, its
   * Glue region, or its file-system warehouse.
   *
   * @return e.g. {@code jdbc:postgresql://db:5432/catalog} or {@code eu-west-1 via https://vpce}
   */
  String location();

  /**
   * Returns where new tables' files go, when this configuration says.
   *
   * @return e.g. {@code s3://acme-lake/medallion}; empty when a REST catalog chooses
   */
  Optional<String> warehouseLocation();

  /**
   * Returns the storage settings for {@code s3://} locations.
   *
   * @return the storage settings; the defaults for the embedded catalog
   */
  StorageConfig storage();

  /**
   * Returns the Iceberg catalog properties passed as is.
   *
   * @return the properties, in the order given
   */
  Map<String, String> properties();

  /**
   * Lists what is wrong, each message naming the setting and what is allowed.
   *
   * @return one message per problem; empty when valid
   */
  List<String> problems();

  /**
   * Calls the visitor's method for this kind of catalog.
   *
   * @param visitor the visitor
   * @param <R> what the visitor returns
   * @return the visitor's result
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * Names the catalog for messages and plans.
   *
   * @return e.g. {@code medallion (glue)} or {@code medallion (embedded)}
   */
  default String label() {
    return name() + " (" + ConfigText.kind(this) + ")";
  }

  /**
   * Throws unless the configuration is complete and consistent.
   *
   * @return this configuration
   * @throws io.medallion.ValidationException listing every problem
   */
  default CatalogConfig validate() {
    ConfigChecks.throwIfAny(this, List.of());
    return this;
  }

  /**
   * One method per kind of catalog: adding a kind is a compile error in every visitor until it
   * handles the new one.
   *
   * <pre>{@code
   * String where = config.accept(new CatalogConfig.Visitor<String>() { ... });
   * }</pre>
   *
   * @param <R> what the visitor returns
   */
  interface Visitor<R> {
    /**
     * Visits the embedded catalog.
     *
     * @param config the configuration
     * @return the result
     */
    R embedded(EmbeddedCatalogConfig config);

    /**
     * Visits a JDBC catalog.
     *
     * @param config the configuration
     * @return the result
     */
    R jdbc(JdbcCatalogConfig config);

    /**
     * Visits a REST catalog.
     *
     * @param config the configuration
     * @return the result
     */
    R rest(RestCatalogConfig config);

    /**
     * Visits a Glue catalog.
     *
     * @param config the configuration
     * @return the result
     */
    R glue(GlueCatalogConfig config);

    /**
     * Visits a file-system catalog.
     *
     * @param config the configuration
     * @return the result
     */
    R hadoop(HadoopCatalogConfig config);
  }
}
