/**
 * The Snowflake consumption layer of a medallion pipeline: {@link
 * io.medallion.snowflake.SnowflakeLayer} plans the Snowflake objects over the lake's tables (an
 * external volume, a catalog integration, Iceberg tables or a catalog-linked database or a classic
 * COPY load, schemas, gold views, data metric functions and check views, masking policies and
 * grants), {@link io.medallion.snowflake.WriteProfile} refuses tables Snowflake would serve
 * wrongly, {@link io.medallion.snowflake.SnowflakeApply} applies a plan idempotently over JDBC and
 * {@link io.medallion.snowflake.SnowflakeStatus} reports how far behind the catalog each table is.
 *
 * <pre>{@code
 * SnowflakePlan plan = SnowflakeLayer.builder(pipeline, catalog, "s3://acme-lake/medallion")
 *     .awsRoleArn("arn:aws:iam::123456789012:role/snowflake-lake")
 *     .facts(LakeFacts.read(runtime, pipeline))
 *     .build()
 *     .plan();
 * Files.writeString(Path.of("snowflake.sql"), plan.script());
 * }</pre>
 */
package io.medallion.snowflake;
