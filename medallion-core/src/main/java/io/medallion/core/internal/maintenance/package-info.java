/**
 * Lake maintenance that never breaks incremental processing: snapshot expiry that keeps what
 * downstream tables resume from, orphan file removal, and small-file compaction.
 */
package io.medallion.core.internal.maintenance;
