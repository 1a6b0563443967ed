/** Quality rule evaluation and per-row scores. */
package io.medallion.core.internal.quality;
