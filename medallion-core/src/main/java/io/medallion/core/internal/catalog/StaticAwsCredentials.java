package io.medallion.core.internal.catalog;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Static AWS credentials for every AWS client Iceberg builds (Glue, S3, SigV4 signing), loaded by
 * Iceberg by class name through {@code client.credentials-provider}.
 */
public final class StaticAwsCredentials implements AwsCredentialsProvider {
  /** The property, under {@code client.credentials-provider.}, holding the access key id. */
  static final String ACCESS_KEY_ID = "access-key-id";

  /** The property, under {@code client.credentials-provider.}, holding the secret access key. */
  static final String SECRET_ACCESS_KEY = "secret-access-key";

  private final AwsCredentials credentials;

  private StaticAwsCredentials(AwsCredentials credentials) {
    this.credentials = credentials;
  }

  /**
   * Called by Iceberg with the {@code client.credentials-provider.*} properties.
   *
   * @param properties {@code access-key-id} and {@code secret-access-key}
   * @return the provider
   */
  public static StaticAwsCredentials create(Map<String, String> properties) {
    return new StaticAwsCredentials(
        AwsBasicCredentials.create(
            properties.get(ACCESS_KEY_ID), properties.get(SECRET_ACCESS_KEY)));
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return credentials;
  }
}
