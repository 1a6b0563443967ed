/**
 * The medallion engine: {@link io.medallion.core.MedallionRuntime} runs pipelines on Iceberg tables
 * in an embedded catalog.
 */
package io.medallion.core;
