/**
 * Catalogs: opening the one a {@code CatalogConfig} names, registering a pipeline's tables in it,
 * and publishing them in another.
 *
 * <pre>{@code
 * Catalog catalog = IcebergCatalogs.open(GlueCatalogConfig.builder("eu-west-1", "s3://lake/m").build());
 * }</pre>
 */
package io.medallion.core.internal.catalog;
