/**
 * Where tables are registered and stored: catalog and storage configuration, secrets that never
 * print, and registration plans.
 *
 * <pre>{@code
 * CatalogConfig aws = GlueCatalogConfig.builder("eu-west-1", "s3://acme-lake/medallion").build();
 * }</pre>
 */
package io.medallion.catalog;
