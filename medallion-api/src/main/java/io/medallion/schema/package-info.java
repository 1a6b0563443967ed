/** Columns, column types and partitioning: medallion's own small schema types. */
package io.medallion.schema;
