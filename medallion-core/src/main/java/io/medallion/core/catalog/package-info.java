/**
 * Catalogs: opening the one a {@code CatalogConfig} names, registering a pipeline's tables in it,
 * and publishing them in another.
 *
 * <pre>{@code
 * Catalog catalog = IcebergCatalogs.open(CatalogConfig.glue("eu-west-1").warehouse("s3://lake/m"));
 * }</pre>
 */
package io.medallion.core.catalog;
