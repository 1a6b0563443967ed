/**
 * Where tables are registered and stored: catalog and storage configuration, secrets that never
 * print, and registration plans.
 *
 * <pre>{@code
 * CatalogConfig aws = CatalogConfig.glue("eu-west-1").warehouse("s3://acme-lake/medallion");
 * }</pre>
 */
package io.medallion.catalog;
