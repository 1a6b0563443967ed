/**
 * The medallion API: table ids, layers, pipelines and their validation.
 *
 * <p>Definitions are immutable values with no dependency beyond the JDK; the runtime in {@code
 * medallion-core} turns them into Iceberg tables.
 */
package io.medallion;
