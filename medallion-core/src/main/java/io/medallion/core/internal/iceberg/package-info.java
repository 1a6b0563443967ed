/** Iceberg plumbing: the embedded catalog, table creation, data-file writing and lineage. */
package io.medallion.core.internal.iceberg;
