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
 * An Iceberg REST catalog: Apache Polaris, Snowflake Open Catalog, AWS Glue's REST endpoint. At
 * most one way to authenticate: a bearer token, OAuth2 client credentials, or AWS SigV4 signing.
 *
 * <pre>{@code
 * RestCatalogConfig polaris = RestCatalogConfig.builder(URI.create("https://polaris.acme.com/api/catalog"))
 *     .warehouse("analytics")
 *     .oauth("medallion", Secret.fromEnv("POLARIS_SECRET"))
 *     .scope("PRINCIPAL_ROLE:ALL")
 *     .build();
 * }</pre>
 *
 * @param name the catalog name
 * @param uri the catalog's base URI
 * @param warehouse the catalog's name on servers that host several
 * @param token a bearer token
 * @param oauth OAuth2 client credentials
 * @param sigv4 AWS SigV4 signing; credentials come from the storage settings or the default chain
 * @param storage the storage settings for {@code s3://} locations
 * @param properties Iceberg catalog properties passed as is
 */
public record RestCatalogConfig(
    String name,
    URI uri,
    Optional<String> warehouse,
    Optional<Secret> token,
    Optional<OAuth> oauth,
    Optional<SigV4> sigv4,
    StorageConfig storage,
    Map<String, String> properties)
    implements CatalogConfig {

  /**
   * Checks for missing values and copies the properties.
   *
   * @param name the catalog name
   * @param uri the catalog's base URI
   * @param warehouse the catalog's name on the server
   * @param token a bearer token
   * @param oauth OAuth2 client credentials
   * @param sigv4 AWS SigV4 signing
   * @param storage the storage settings
   * @param properties Iceberg catalog properties
   */
  public RestCatalogConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(oauth, "oauth");
    Objects.requireNonNull(sigv4, "sigv4");
    Objects.requireNonNull(storage, "storage");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /**
   * OAuth2 client credentials, exchanged for a token at the catalog's token endpoint or another.
   *
   * <pre>{@code
   * new RestCatalogConfig.OAuth("medallion", Secret.fromEnv("SECRET"), Optional.empty(), Optional.empty());
   * }</pre>
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param scope the scope, e.g. {@code PRINCIPAL_ROLE:ALL} on Polaris
   * @param serverUri the token endpoint when it is not the catalog's own
   */
  public record OAuth(
      String clientId, Secret clientSecret, Optional<String> scope, Optional<URI> serverUri) {
    /**
     * Checks for missing values.
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param scope the scope
     * @param serverUri the token endpoint
     */
    public OAuth {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(serverUri, "serverUri");
    }
  }

  /**
   * AWS SigV4 request signing, as AWS Glue's Iceberg REST endpoint requires.
   *
   * <pre>{@code
   * new RestCatalogConfig.SigV4("eu-west-1", "glue");
   * }</pre>
   *
   * @param region the signing region
   * @param signingName the service name: {@code glue}, or {@code s3tables} for S3 Tables
   */
  public record SigV4(String region, String signingName) {
    /**
     * Checks for missing values.
     *
     * @param region the signing region
     * @param signingName the service name
     */
    public SigV4 {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(signingName, "signingName");
    }
  }

  /**
   * Starts a configuration.
   *
   * @param uri the catalog's base URI, e.g. {@code https://polaris.acme.com/api/catalog}
   * @return a builder
   */
  public static Builder builder(URI uri) {
    return new Builder(uri);
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
    return Secret.maskUrl(uri.toString());
  }

  @Override
  public Optional<String> warehouseLocation() {
    return warehouse;
  }

  @Override
  public CatalogType type() {
    return CatalogType.REST;
  }

  @Override
  public List<String> problems() {
    Problems problems = ConfigChecks.common(name, storage);
    String scheme = uri.getScheme();
    problems.check(
        "http".equals(scheme) || "https".equals(scheme),
        "uri '" + Secret.maskUrl(uri.toString()) + "' must be an http or https URL");
    int schemes =
        (token.isPresent() ? 1 : 0) + (oauth.isPresent() ? 1 : 0) + (sigv4.isPresent() ? 1 : 0);
    problems.check(
        schemes <= 1, "authentication: choose one of token, oauth and sigv4, not " + schemes);
    ConfigChecks.secret(problems, "rest.token", token);
    ConfigChecks.secret(problems, "rest.oauth.client-secret", oauth.map(OAuth::clientSecret));
    return problems.messages();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.rest(this);
  }

  @Override
  public String toString() {
    return ConfigText.of(this)
        .with("uri", Secret.maskUrl(uri.toString()))
        .with("warehouse", warehouse)
        .with("token", token)
        .with("oauthClient", oauth.map(o -> o.clientId() + "/" + o.clientSecret()))
        .with("scope", oauth.flatMap(OAuth::scope))
        .with("oauthServerUri", oauth.flatMap(OAuth::serverUri))
        .with("sigv4", sigv4.map(s -> s.signingName() + "@" + s.region()))
        .render(this);
  }

  /** Builds a {@link RestCatalogConfig}. */
  public static final class Builder extends CatalogConfigBuilder<Builder, RestCatalogConfig> {
    private final URI uri;
    private String warehouse;
    private Secret token;
    private String clientId;
    private Secret clientSecret;
    private String scope;
    private URI oauthServerUri;
    private SigV4 sigv4;
    private StorageConfig storage = StorageConfig.defaults();

    private Builder(URI uri) {
      super(DEFAULT_NAME, Map.of());
      this.uri = Objects.requireNonNull(uri, "uri");
    }

    private Builder(RestCatalogConfig from) {
      super(from.name(), from.properties());
      this.uri = from.uri();
      this.warehouse = from.warehouse().orElse(null);
      this.token = from.token().orElse(null);
      from.oauth()
          .ifPresent(
              o -> {
                clientId = o.clientId();
                clientSecret = o.clientSecret();
                scope = o.scope().orElse(null);
                oauthServerUri = o.serverUri().orElse(null);
              });
      this.sigv4 = from.sigv4().orElse(null);
      this.storage = from.storage();
    }

    /**
     * Sets the warehouse: the catalog's name on servers that host several.
     *
     * @param name the warehouse
     * @return this builder
     */
    public Builder warehouse(String name) {
      this.warehouse = once("warehouse", name);
      return this;
    }

    /**
     * Authenticates with a bearer token.
     *
     * @param bearer the token
     * @return this builder
     */
    public Builder token(Secret bearer) {
      this.token = once("rest.token", bearer);
      return this;
    }

    /**
     * Authenticates with OAuth2 client credentials, exchanged for a token at the catalog's token
     * endpoint (or {@link #oauthServerUri(URI)}).
     *
     * @param id the client id
     * @param secret the client secret
     * @return this builder
     */
    public Builder oauth(String id, Secret secret) {
      this.clientId = once("rest.oauth.client-id", id);
      this.clientSecret = once("rest.oauth.client-secret", secret);
      return this;
    }

    /**
     * Sets the OAuth2 scope, e.g. {@code PRINCIPAL_ROLE:ALL} on Polaris.
     *
     * @param oauthScope the scope
     * @return this builder
     */
    public Builder scope(String oauthScope) {
      this.scope = once("rest.oauth.scope", oauthScope);
      return this;
    }

    /**
     * Sets the OAuth2 token endpoint when it is not the catalog's own.
     *
     * @param tokenEndpoint the token endpoint
     * @return this builder
     */
    public Builder oauthServerUri(URI tokenEndpoint) {
      this.oauthServerUri = once("rest.oauth.server-uri", tokenEndpoint);
      return this;
    }

    /**
     * Signs requests with AWS SigV4 ({@code signingName} {@code glue} for AWS Glue's endpoint,
     * {@code s3tables} for S3 Tables).
     *
     * @param signingRegion the region, e.g. {@code eu-west-1}
     * @param signingName the service name
     * @return this builder
     */
    public Builder sigv4(String signingRegion, String signingName) {
      this.sigv4 =
          once(
              "rest.sigv4.region",
              new SigV4(
                  Objects.requireNonNull(signingRegion, "signingRegion"),
                  Objects.requireNonNull(signingName, "signingName")));
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
    RestCatalogConfig make(String catalogName, Map<String, String> icebergProperties) {
      if (clientId == null) {
        if (scope != null) {
          problem("rest.oauth.scope needs rest.oauth.client-id");
        }
        if (oauthServerUri != null) {
          problem("rest.oauth.server-uri needs rest.oauth.client-id");
        }
      }
      Optional<OAuth> oauth =
          Optional.ofNullable(clientId)
              .map(
                  id ->
                      new OAuth(
                          id,
                          clientSecret,
                          Optional.ofNullable(scope),
                          Optional.ofNullable(oauthServerUri)));
      return new RestCatalogConfig(
          catalogName,
          uri,
          Optional.ofNullable(warehouse),
          Optional.ofNullable(token),
          oauth,
          Optional.ofNullable(sigv4),
          storage,
          icebergProperties);
    }
  }
}
