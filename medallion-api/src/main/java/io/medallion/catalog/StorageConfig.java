package io.medallion.catalog;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where table files live besides the warehouse location: the S3 settings for {@code s3://}
 * warehouses (any S3-compatible server with an endpoint override). Local paths and {@code file:}
 * locations need none of them. Without static credentials, S3 uses the AWS default credential chain
 * (environment, profile, instance role).
 *
 * <pre>{@code
 * StorageConfig minio = StorageConfig.s3()
 *     .endpoint(URI.create("http://127.0.0.1:9000"))
 *     .pathStyleAccess(true)
 *     .region("us-east-1")
 *     .credentials("minio", Secret.fromEnv("MINIO_SECRET"));
 * }</pre>
 */
public final class StorageConfig {
  private static final StorageConfig DEFAULTS = new StorageConfig(null, null, false, null, null);

  private final URI endpoint;
  private final String region;
  private final boolean pathStyleAccess;
  private final String accessKeyId;
  private final Secret secretAccessKey;

  private StorageConfig(
      URI endpoint,
      String region,
      boolean pathStyleAccess,
      String accessKeyId,
      Secret secretAccessKey) {
    this.endpoint = endpoint;
    this.region = region;
    this.pathStyleAccess = pathStyleAccess;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
  }

  /**
   * Returns the defaults: local files, or S3 through AWS's default endpoint and credential chain.
   *
   * @return the default storage
   */
  public static StorageConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Starts S3 settings; the same as {@link #defaults()} until a setting is given.
   *
   * @return S3 settings
   */
  public static StorageConfig s3() {
    return DEFAULTS;
  }

  /**
   * Sets an endpoint override, for S3-compatible servers or VPC endpoints.
   *
   * @param url the endpoint, {@code http} or {@code https}
   * @return new settings
   */
  public StorageConfig endpoint(URI url) {
    return new StorageConfig(
        Objects.requireNonNull(url, "url"), region, pathStyleAccess, accessKeyId, secretAccessKey);
  }

  /**
   * Sets the region of the bucket.
   *
   * @param name the region, e.g. {@code eu-west-1}
   * @return new settings
   */
  public StorageConfig region(String name) {
    return new StorageConfig(
        endpoint,
        Objects.requireNonNull(name, "name"),
        pathStyleAccess,
        accessKeyId,
        secretAccessKey);
  }

  /**
   * Addresses buckets as {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key}, as
   * most S3-compatible servers expect.
   *
   * @param enabled true for path-style addressing
   * @return new settings
   */
  public StorageConfig pathStyleAccess(boolean enabled) {
    return new StorageConfig(endpoint, region, enabled, accessKeyId, secretAccessKey);
  }

  /**
   * Uses static credentials instead of the default credential chain.
   *
   * @param keyId the access key id
   * @param secretKey the secret access key
   * @return new settings
   */
  public StorageConfig credentials(String keyId, Secret secretKey) {
    return new StorageConfig(
        endpoint,
        region,
        pathStyleAccess,
        Objects.requireNonNull(keyId, "keyId"),
        Objects.requireNonNull(secretKey, "secretKey"));
  }

  /**
   * Returns the endpoint override.
   *
   * @return the endpoint, or empty for AWS's own
   */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /**
   * Returns the region.
   *
   * @return the region, or empty for the default region chain
   */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /**
   * Tells whether path-style addressing is on.
   *
   * @return true for path-style addressing
   */
  public boolean pathStyleAccess() {
    return pathStyleAccess;
  }

  /**
   * Returns the static access key id.
   *
   * @return the key id, or empty for the default credential chain
   */
  public Optional<String> accessKeyId() {
    return Optional.ofNullable(accessKeyId);
  }

  /**
   * Returns the static secret access key.
   *
   * @return the secret, or empty for the default credential chain
   */
  public Optional<Secret> secretAccessKey() {
    return Optional.ofNullable(secretAccessKey);
  }

  /**
   * Lists what is wrong, naming each setting.
   *
   * @return one message per problem
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (endpoint != null
        && !"http".equals(endpoint.getScheme())
        && !"https".equals(endpoint.getScheme())) {
      problems.add("s3.endpoint '" + endpoint + "' must be an http or https URL");
    }
    if (region != null && region.isBlank()) {
      problems.add("s3.region must not be blank");
    }
    if (accessKeyId != null && accessKeyId.isBlank()) {
      problems.add("s3.access-key-id must not be blank");
    }
    if (secretAccessKey != null && !secretAccessKey.isSet()) {
      problems.add("s3.secret-access-key from " + secretAccessKey.origin() + " is not set");
    }
    return problems;
  }

  @Override
  public String toString() {
    return "StorageConfig{endpoint="
        + (endpoint == null ? "default" : endpoint)
        + ", region="
        + (region == null ? "default" : region)
        + ", pathStyleAccess="
        + pathStyleAccess
        + ", credentials="
        + (accessKeyId == null ? "default chain" : accessKeyId + "/" + secretAccessKey)
        + "}";
  }
}
