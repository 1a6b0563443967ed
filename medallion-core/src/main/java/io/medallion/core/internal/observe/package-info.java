/** Runs as observers see them: run ids, and the events of one run in order. */
package io.medallion.core.internal.observe;
