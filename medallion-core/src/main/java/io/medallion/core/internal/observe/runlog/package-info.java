/**
 * The run log: the observer that appends each finished run to {@code medallion.runs}, and the
 * reader behind {@code MedallionRuntime.runs}.
 */
package io.medallion.core.internal.observe.runlog;
