package io.medallion.catalog;

import io.medallion.Problems;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Which Iceberg catalog a runtime registers its tables in, and where their files live. Immutable:
 * every setter returns a new configuration. The same pipeline runs unchanged on each; only this
 * value changes between a laptop and production. {@code toString()} never shows a secret.
 *
 * <pre>{@code
 * CatalogConfig laptop = CatalogConfig.embedded(Path.of("lakehouse"));
 * CatalogConfig aws = CatalogConfig.glue("eu-west-1").warehouse("s3://acme-lake/medallion");
 * CatalogConfig polaris = CatalogConfig.rest(URI.create("https://polaris.acme.com/api/catalog"))
 *     .warehouse("analytics")
 *     .oauth("medallion", Secret.fromEnv("POLARIS_SECRET"))
 *     .scope("PRINCIPAL_ROLE:ALL");
 * }</pre>
 */
public final class CatalogConfig {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private final Settings settings;

  private CatalogConfig(Settings settings) {
    this.settings = settings;
  }

  /**
   * The embedded default: a JDBC catalog on the SQLite file {@code <lake>/catalog.db} with data
   * under {@code <lake>/warehouse}, both created on first use.
   *
   * @param lake the lake folder
   * @return the configuration
   */
  public static CatalogConfig embedded(Path lake) {
    Path root = lake.toAbsolutePath().normalize();
    Settings settings = new Settings(CatalogType.JDBC);
    settings.uri = "jdbc:sqlite:" + root.resolve("catalog.db");
    settings.warehouse = root.resolve("warehouse").toUri().toString();
    settings.embeddedLake = root;
    return new CatalogConfig(settings);
  }

  /**
   * A JDBC catalog by URL, e.g. {@code jdbc:postgresql://db:5432/catalog}; needs a warehouse.
   *
   * @param url the JDBC URL
   * @return the configuration
   */
  public static CatalogConfig jdbc(String url) {
    Settings settings = new Settings(CatalogType.JDBC);
    settings.uri = Objects.requireNonNull(url, "url");
    return new CatalogConfig(settings);
  }

  /**
   * An Iceberg REST catalog; the warehouse is the catalog's name on servers that host several.
   *
   * @param uri the catalog's base URI, e.g. {@code https://polaris.acme.com/api/catalog}
   * @return the configuration
   */
  public static CatalogConfig rest(URI uri) {
    Settings settings = new Settings(CatalogType.REST);
    settings.uri = Objects.requireNonNull(uri, "uri").toString();
    return new CatalogConfig(settings);
  }

  /**
   * The AWS Glue Data Catalog of a region; needs a warehouse, usually {@code s3://bucket/prefix}.
   *
   * @param region the AWS region, e.g. {@code eu-west-1}
   * @return the configuration
   */
  public static CatalogConfig glue(String region) {
    Settings settings = new Settings(CatalogType.GLUE);
    settings.region = Objects.requireNonNull(region, "region");
    return new CatalogConfig(settings);
  }

  /**
   * A file-system catalog rooted at a warehouse location.
   *
   * @param warehouse an absolute path or URI, e.g. {@code s3://acme-lake/medallion}
   * @return the configuration
   */
  public static CatalogConfig hadoop(String warehouse) {
    Settings settings = new Settings(CatalogType.HADOOP);
    settings.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    return new CatalogConfig(settings);
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
   * @param values the settings
   * @return the validated configuration
   * @throws io.medallion.ValidationException listing every problem
   */
  public static CatalogConfig fromProperties(Map<String, String> values) {
    return PropertiesReader.read(values);
  }

  /**
   * Names the catalog, as Iceberg and logs show it; the default is {@code medallion}.
   *
   * @param catalogName letters, digits, {@code _} or {@code -}
   * @return a new configuration
   */
  public CatalogConfig name(String catalogName) {
    return with(s -> s.name = Objects.requireNonNull(catalogName, "catalogName"));
  }

  /**
   * Sets the warehouse: where new tables' files go ({@code s3://bucket/prefix}, {@code file:/path},
   * an absolute path), or for REST catalogs the catalog name on the server.
   *
   * @param location the warehouse
   * @return a new configuration
   */
  public CatalogConfig warehouse(String location) {
    return with(s -> s.warehouse = Objects.requireNonNull(location, "location"));
  }

  /**
   * Sets the JDBC user and password.
   *
   * @param user the database user
   * @param password the password
   * @return a new configuration
   */
  public CatalogConfig credentials(String user, Secret password) {
    return with(
        s -> {
          s.user = Objects.requireNonNull(user, "user");
          s.password = Objects.requireNonNull(password, "password");
        });
  }

  /**
   * Authenticates to a REST catalog with a bearer token.
   *
   * @param bearer the token
   * @return a new configuration
   */
  public CatalogConfig token(Secret bearer) {
    return with(s -> s.token = Objects.requireNonNull(bearer, "bearer"));
  }

  /**
   * Authenticates to a REST catalog with OAuth2 client credentials, exchanged for a token at the
   * catalog's token endpoint (or {@link #oauthServerUri(URI)}).
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @return a new configuration
   */
  public CatalogConfig oauth(String clientId, Secret clientSecret) {
    return with(
        s -> {
          s.clientId = Objects.requireNonNull(clientId, "clientId");
          s.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        });
  }

  /**
   * Sets the OAuth2 scope, e.g. {@code PRINCIPAL_ROLE:ALL} on Polaris.
   *
   * @param oauthScope the scope
   * @return a new configuration
   */
  public CatalogConfig scope(String oauthScope) {
    return with(s -> s.scope = Objects.requireNonNull(oauthScope, "oauthScope"));
  }

  /**
   * Sets the OAuth2 token endpoint when it is not the catalog's own.
   *
   * @param tokenEndpoint the token endpoint
   * @return a new configuration
   */
  public CatalogConfig oauthServerUri(URI tokenEndpoint) {
    return with(s -> s.oauthServerUri = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint"));
  }

  /**
   * Signs REST requests with AWS SigV4, as AWS Glue's Iceberg REST endpoint requires ({@code
   * signingName} {@code glue}; {@code s3tables} for S3 Tables). Credentials come from the storage
   * settings or the default chain.
   *
   * @param signingRegion the region, e.g. {@code eu-west-1}
   * @param signingName the service name
   * @return a new configuration
   */
  public CatalogConfig sigv4(String signingRegion, String signingName) {
    return with(
        s -> {
          s.signingRegion = Objects.requireNonNull(signingRegion, "signingRegion");
          s.signingName = Objects.requireNonNull(signingName, "signingName");
        });
  }

  /**
   * Sets the Glue catalog id (the AWS account id owning the catalog) for cross-account access.
   *
   * @param id the catalog id
   * @return a new configuration
   */
  public CatalogConfig catalogId(String id) {
    return with(s -> s.catalogId = Objects.requireNonNull(id, "id"));
  }

  /**
   * Overrides the Glue endpoint, e.g. a VPC endpoint.
   *
   * @param url the endpoint
   * @return a new configuration
   */
  public CatalogConfig endpoint(URI url) {
    return with(s -> s.endpoint = Objects.requireNonNull(url, "url"));
  }

  /**
   * Sets the storage settings for {@code s3://} locations.
   *
   * @param storageConfig the storage settings
   * @return a new configuration
   */
  public CatalogConfig storage(StorageConfig storageConfig) {
    return with(s -> s.storage = Objects.requireNonNull(storageConfig, "storageConfig"));
  }

  /**
   * Passes an Iceberg catalog property as is: the escape hatch for settings this class does not
   * model.
   *
   * @param key the Iceberg property
   * @param value its value
   * @return a new configuration
   */
  public CatalogConfig property(String key, String value) {
    return with(
        s -> s.properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value)));
  }

  /**
   * Returns the catalog type.
   *
   * @return the type
   */
  public CatalogType type() {
    return settings.type;
  }

  /**
   * Returns the catalog name.
   *
   * @return the name
   */
  public String name() {
    return settings.name;
  }

  /**
   * Returns the JDBC URL or REST URI.
   *
   * @return the URI, or empty for Glue and Hadoop catalogs
   */
  public Optional<String> uri() {
    return Optional.ofNullable(settings.uri);
  }

  /**
   * Returns the warehouse.
   *
   * @return the warehouse, or empty when not set
   */
  public Optional<String> warehouse() {
    return Optional.ofNullable(settings.warehouse);
  }

  /**
   * Returns the lake folder of the embedded default.
   *
   * @return the folder, or empty for any other catalog
   */
  public Optional<Path> embeddedLake() {
    return Optional.ofNullable(settings.embeddedLake);
  }

  /**
   * Returns the JDBC user.
   *
   * @return the user, or empty
   */
  public Optional<String> user() {
    return Optional.ofNullable(settings.user);
  }

  /**
   * Returns the JDBC password.
   *
   * @return the password, or empty
   */
  public Optional<Secret> password() {
    return Optional.ofNullable(settings.password);
  }

  /**
   * Returns the REST bearer token.
   *
   * @return the token, or empty
   */
  public Optional<Secret> token() {
    return Optional.ofNullable(settings.token);
  }

  /**
   * Returns the OAuth2 client id.
   *
   * @return the client id, or empty
   */
  public Optional<String> clientId() {
    return Optional.ofNullable(settings.clientId);
  }

  /**
   * Returns the OAuth2 client secret.
   *
   * @return the secret, or empty
   */
  public Optional<Secret> clientSecret() {
    return Optional.ofNullable(settings.clientSecret);
  }

  /**
   * Returns the OAuth2 scope.
   *
   * @return the scope, or empty
   */
  public Optional<String> scope() {
    return Optional.ofNullable(settings.scope);
  }

  /**
   * Returns the OAuth2 token endpoint override.
   *
   * @return the endpoint, or empty
   */
  public Optional<URI> oauthServerUri() {
    return Optional.ofNullable(settings.oauthServerUri);
  }

  /**
   * Returns the SigV4 signing region.
   *
   * @return the region, or empty when requests are not signed
   */
  public Optional<String> signingRegion() {
    return Optional.ofNullable(settings.signingRegion);
  }

  /**
   * Returns the SigV4 signing name.
   *
   * @return the service name, or empty when requests are not signed
   */
  public Optional<String> signingName() {
    return Optional.ofNullable(settings.signingName);
  }

  /**
   * Returns the Glue region.
   *
   * @return the region, or empty for other catalogs
   */
  public Optional<String> region() {
    return Optional.ofNullable(settings.region);
  }

  /**
   * Returns the Glue catalog id.
   *
   * @return the id, or empty for the caller's account
   */
  public Optional<String> catalogId() {
    return Optional.ofNullable(settings.catalogId);
  }

  /**
   * Returns the Glue endpoint override.
   *
   * @return the endpoint, or empty
   */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(settings.endpoint);
  }

  /**
   * Returns the storage settings.
   *
   * @return the storage settings
   */
  public StorageConfig storage() {
    return settings.storage;
  }

  /**
   * Returns the Iceberg properties passed as is.
   *
   * @return the properties, in the order given
   */
  public Map<String, String> properties() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(settings.properties));
  }

  /**
   * Names the catalog for messages and plans.
   *
   * @return e.g. {@code medallion (glue)} or {@code medallion (embedded)}
   */
  public String label() {
    return settings.name + " (" + kind() + ")";
  }

  private String kind() {
    return settings.embeddedLake != null ? "embedded" : settings.type.label();
  }

  /**
   * Lists what is wrong, each message naming the setting and what is allowed.
   *
   * @return one message per problem; empty when valid
   */
  public List<String> problems() {
    Problems problems = new Problems();
    Settings s = settings;
    String kind = s.type.label();
    problems.check(
        NAME.matcher(s.name).matches(),
        "name '" + s.name + "' must be letters, digits, '_' or '-'");
    switch (s.type) {
      case JDBC -> {
        problems.check(
            s.uri.startsWith("jdbc:"),
            "uri '" + Secret.maskUrl(s.uri) + "' must be a JDBC URL (jdbc:...)");
        requireWarehouse(problems, kind);
      }
      case REST -> {
        problems.check(
            s.uri.startsWith("http://") || s.uri.startsWith("https://"),
            "uri '" + Secret.maskUrl(s.uri) + "' must be an http or https URL");
        int schemes =
            (s.token != null ? 1 : 0)
                + (s.clientId != null ? 1 : 0)
                + (s.signingName != null ? 1 : 0);
        problems.check(
            schemes <= 1, "authentication: choose one of token, oauth and sigv4, not " + schemes);
        problems.check(
            s.scope == null || s.clientId != null, "rest.oauth.scope needs rest.oauth.client-id");
      }
      case GLUE -> {
        problems.check(!s.region.isBlank(), "glue.region must not be blank");
        requireWarehouse(problems, kind);
      }
      case HADOOP -> {
        requireWarehouse(problems, kind);
        problems.check(
            s.warehouse == null || !s.warehouse.startsWith("s3"),
            "warehouse '"
                + s.warehouse
                + "' cannot hold a hadoop catalog: it commits by atomic rename, which S3 lacks;"
                + " use a local path, or a jdbc, glue or rest catalog for S3");
      }
    }
    notFor(problems, kind, "jdbc.user", s.user, s.type == CatalogType.JDBC);
    notFor(problems, kind, "rest.token", s.token, s.type == CatalogType.REST);
    notFor(problems, kind, "rest.oauth.client-id", s.clientId, s.type == CatalogType.REST);
    notFor(problems, kind, "rest.oauth.server-uri", s.oauthServerUri, s.type == CatalogType.REST);
    notFor(problems, kind, "rest.sigv4.region", s.signingRegion, s.type == CatalogType.REST);
    notFor(problems, kind, "glue.catalog-id", s.catalogId, s.type == CatalogType.GLUE);
    notFor(problems, kind, "glue.endpoint", s.endpoint, s.type == CatalogType.GLUE);
    notFor(problems, kind, "rest.oauth.scope", s.scope, s.type == CatalogType.REST);
    if (s.type == CatalogType.GLUE
        && s.storage.region().isPresent()
        && !s.storage.region().get().equals(s.region)) {
      problems.add(
          "s3.region '"
              + s.storage.region().get()
              + "' differs from glue.region '"
              + s.region
              + "': Iceberg uses one client region for both; for a bucket in another region set"
              + " iceberg.s3.cross-region-access-enabled=true instead");
    }
    unset(problems, "jdbc.password", s.password);
    unset(problems, "rest.token", s.token);
    unset(problems, "rest.oauth.client-secret", s.clientSecret);
    if (s.warehouse != null && s.type != CatalogType.REST) {
      problems.check(
          s.warehouse.contains(":/") || s.warehouse.startsWith("/"),
          "warehouse '"
              + s.warehouse
              + "' must be an absolute path or a URI such as s3://bucket/prefix or file:/path");
    }
    problems.addAll(settings.storage.problems());
    return problems.messages();
  }

  /**
   * Throws unless the configuration is complete and consistent.
   *
   * @return this configuration
   * @throws io.medallion.ValidationException listing every problem
   */
  public CatalogConfig validate() {
    Problems problems = new Problems();
    problems.addAll(problems());
    problems.throwIfAny("catalog '" + settings.name + "' (" + settings.type.label() + ")");
    return this;
  }

  @Override
  public String toString() {
    Settings s = settings;
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("type", kind());
    shown.put("name", s.name);
    shown.put("uri", s.uri == null ? null : Secret.maskUrl(s.uri));
    shown.put("warehouse", s.warehouse);
    shown.put("user", s.user);
    shown.put("password", s.password);
    shown.put("token", s.token);
    shown.put("oauthClient", s.clientId == null ? null : s.clientId + "/" + s.clientSecret);
    shown.put("scope", s.scope);
    shown.put("oauthServerUri", s.oauthServerUri);
    shown.put("sigv4", s.signingName == null ? null : s.signingName + "@" + s.signingRegion);
    shown.put("region", s.region);
    shown.put("catalogId", s.catalogId);
    shown.put("endpoint", s.endpoint);
    shown.values().removeIf(Objects::isNull);
    Map<String, String> extra = new TreeMap<>();
    s.properties.forEach(
        (key, value) -> extra.put(key, Secret.isSecretSetting(key) ? "****" : value));
    if (!extra.isEmpty()) {
      shown.put("properties", extra);
    }
    if (s.storage != StorageConfig.defaults()) {
      shown.put("storage", s.storage);
    }
    return "CatalogConfig" + shown;
  }

  private void requireWarehouse(Problems problems, String kind) {
    problems.check(
        settings.warehouse != null && !settings.warehouse.isBlank(),
        "warehouse is required for a " + kind + " catalog, e.g. s3://bucket/prefix or /data/lake");
  }

  private static void notFor(
      Problems problems, String kind, String setting, Object value, boolean applies) {
    problems.check(value == null || applies, setting + " does not apply to a " + kind + " catalog");
  }

  private static void unset(Problems problems, String setting, Secret secret) {
    if (secret != null && !secret.isSet()) {
      problems.add(
          "literal".equals(secret.origin())
              ? setting + " is empty"
              : setting + " from " + secret.origin() + " is not set");
    }
  }

  private CatalogConfig with(Consumer<Settings> change) {
    Settings copy = settings.copy();
    change.accept(copy);
    return new CatalogConfig(copy);
  }

  /** The values behind one configuration; each instance is copied before a change, never shared. */
  static final class Settings {
    final CatalogType type;
    String name = "medallion";
    String uri;
    String warehouse;
    Path embeddedLake;
    String user;
    Secret password;
    Secret token;
    String clientId;
    Secret clientSecret;
    String scope;
    URI oauthServerUri;
    String signingRegion;
    String signingName;
    String region;
    String catalogId;
    URI endpoint;
    StorageConfig storage = StorageConfig.defaults();
    Map<String, String> properties = new LinkedHashMap<>();

    Settings(CatalogType type) {
      this.type = type;
    }

    Settings copy() {
      Settings copy = new Settings(type);
      copy.name = name;
      copy.uri = uri;
      copy.warehouse = warehouse;
      copy.embeddedLake = embeddedLake;
      copy.user = user;
      copy.password = password;
      copy.token = token;
      copy.clientId = clientId;
      copy.clientSecret = clientSecret;
      copy.scope = scope;
      copy.oauthServerUri = oauthServerUri;
      copy.signingRegion = signingRegion;
      copy.signingName = signingName;
      copy.region = region;
      copy.catalogId = catalogId;
      copy.endpoint = endpoint;
      copy.storage = storage;
      copy.properties = new LinkedHashMap<>(properties);
      return copy;
    }
  }
}
