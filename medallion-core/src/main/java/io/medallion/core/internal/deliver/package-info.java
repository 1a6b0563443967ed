/**
 * Delivery shared by alerts and lineage: {@link io.medallion.core.internal.deliver.HttpPoster}
 * (JSON POST with a timeout per attempt and bounded retries) and {@link
 * io.medallion.core.internal.deliver.JsonLines} (JSON documents appended to a file, one per line).
 */
package io.medallion.core.internal.deliver;
