/** Bronze ingestion: JSON sources, a streaming record reader, and dead letters. */
package io.medallion.core.internal.bronze;
