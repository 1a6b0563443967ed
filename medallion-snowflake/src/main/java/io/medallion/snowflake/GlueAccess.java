package io.medallion.snowflake;

/**
 * How Snowflake reaches an AWS Glue catalog.
 *
 * <pre>{@code
 * SnowflakeLayer.builder(pipeline, glue, "s3://lake/medallion").glueAccess(GlueAccess.GLUE_API);
 * }</pre>
 */
public enum GlueAccess {
  /** The Glue Iceberg REST endpoint with SigV4: Snowflake's recommended way, the default. */
  ICEBERG_REST,
  /** {@code CATALOG_SOURCE = GLUE}: the Glue API itself. */
  GLUE_API
}
